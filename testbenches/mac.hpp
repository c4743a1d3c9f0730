#pragma once
// An example design for mac_tb: a pipelined multiply-accumulate unit. Stage 1 registers
// the product of two 8-bit operands, stage 2 adds it to a 24-bit accumulator (or starts
// a new sum from it when the operands came with `clear`). A result shows on `acc` with
// `out_valid` two rising edges after its operands were taken with `in_valid`. The
// accumulator wraps modulo 2^24.

#include <string_view>

#include "sim/lib/known_input.hpp"
#include "sim/module/port.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/bit_layout.hpp"
#include "sim/values/select.hpp"
#include "sim/values/vec.hpp"

namespace tetra::examples {

/// A deliberate bug for the testbench to find, or none.
enum class MacBug {
  none,
  clear_ignored,  // stage 2 keeps adding to the old sum when `clear` comes
};

/// Multiplies a by b and accumulates, in two pipeline stages.
class Mac : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> in_valid{*this, "in_valid"};
  In<Logic> clear{*this, "clear"};
  In<Vec<8>> a{*this, "a"};
  In<Vec<8>> b{*this, "b"};
  Out<Logic> out_valid{*this, "out_valid"};
  Out<Vec<24>> acc{*this, "acc"};

  /// A unit named `name` in `parent`, with `bug` built in.
  Mac(Scope& parent, std::string_view name, MacBug bug = MacBug::none) : Module(parent, name), bug_(bug) {
    method("multiply", [this] { multiply(); }).sensitive(clk.posedge());
    method("accumulate", [this] { accumulate(); }).sensitive(clk.posedge());
  }

private:
  void multiply() {
    if (known_bit(rst)) {
      product_valid_.write(L0);
      return;
    }
    const bool taking = known_bit(in_valid);
    product_valid_.write(taking ? L1 : L0);
    product_clear_.write(taking ? clear.read() : LX);
    product_.write(taking ? zext<24>(a.read()) * zext<24>(b.read()) : Vec<24>::xs());
  }

  void accumulate() {
    if (known_bit(rst)) {
      out_valid.write(L0);
      acc.write(Vec<24>::zeros());
      return;
    }
    out_valid.write(product_valid_.read());
    if (product_valid_.read() != L1) return;
    const Logic restart = bug_ == MacBug::clear_ignored ? L0 : product_clear_.read();
    acc.write(select(restart, Vec<24>::zeros(), acc.signal().read()) + product_.read());
  }

  MacBug bug_;
  Signal<Logic> product_valid_{*this, "product_valid"};
  Signal<Logic> product_clear_{*this, "product_clear"};
  Signal<Vec<24>> product_{*this, "product"};
};

}  // namespace tetra::examples
