#pragma once
// An N-bit up-counter with enable and synchronous reset to zero; it wraps modulo 2^N.
//   always_ff @(posedge clk) if (rst) q <= 0; else if (en) q <= q + 1;
// Unknown enable or reset merges the outcomes bit by bit (pessimistic X).

#include <cstddef>
#include <string_view>

#include "sim/module/port.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/select.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// Counts rising clock edges while `en` is high.
template <std::size_t N>
class Counter : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> en{*this, "en"};
  Out<Vec<N>> q{*this, "q"};

  /// A counter named `name` in `parent`.
  Counter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("count", [this] {
      const Vec<N>& current = q.signal().read();
      q.write(select(rst.read(), Vec<N>::zeros(), select(en.read(), current + Vec<N>(1), current)));
    }).sensitive(clk.posedge());
  }
};

}  // namespace tetra
