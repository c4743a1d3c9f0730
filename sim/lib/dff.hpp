#pragma once
// A D flip-flop with enable and a synchronous or asynchronous active-high reset:
//   always_ff @(posedge clk [or posedge rst]) if (rst) q <= RESET; else if (en) q <= d;
// Unknown enable or reset is pessimistic, as select() is: q keeps the bits on which the
// possible outcomes agree and the others become X. An asynchronous reset that goes
// unknown between clock edges may or may not have reset q, and the process cannot tell
// which edge woke it, so the outcomes merged are: reset, loaded, and unchanged.

#include <string_view>

#include "sim/kernel/value_traits.hpp"
#include "sim/module/port.hpp"
#include "sim/values/select.hpp"

namespace tetra {

/// How a register's reset input acts.
enum class ResetKind {
  synchronous,   ///< Sampled at the rising clock edge.
  asynchronous,  ///< Acts as soon as it rises, and holds while high.
};

/// A register of T (Logic or Vec<N>) with clock enable and reset.
template <SignalValue T>
class Dff : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> en{*this, "en"};
  In<T> d{*this, "d"};
  Out<T> q{*this, "q"};

  /// A register whose reset (of `kind`) loads `reset_value`.
  Dff(Scope& parent, std::string_view name, ResetKind kind, const T& reset_value)
      : Module(parent, name), kind_(kind), reset_value_(reset_value) {
    auto process = method("update", [this] { update(); });
    process.sensitive(clk.posedge());
    if (kind == ResetKind::asynchronous) process.sensitive(rst.posedge());
  }

  /// The reset kind.
  [[nodiscard]] ResetKind reset_kind() const { return kind_; }
  /// The value reset loads.
  [[nodiscard]] const T& reset_value() const { return reset_value_; }

private:
  void update() {
    const T& current = q.signal().read();
    const T loaded = select(en.read(), d.read(), current);
    const Logic reset = rst.read();
    if (kind_ == ResetKind::asynchronous && !reset.is_known()) {
      q.write(select(LX, reset_value_, select(LX, loaded, current)));
    } else {
      q.write(select(reset, reset_value_, loaded));
    }
  }

  ResetKind kind_;
  T reset_value_;
};

}  // namespace tetra
