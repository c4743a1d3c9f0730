#pragma once
// A free-running clock source, the testbench's `always #(period/2) clk = ~clk`.

#include <string_view>

#include "sim/kernel/event.hpp"
#include "sim/kernel/time.hpp"
#include "sim/module/port.hpp"
#include "sim/values/logic.hpp"

namespace tetra {

/// Drives `clk` low at time 0, high at `first_rise`, then toggles every half `period`.
class ClockGenerator : public Module {
public:
  Out<Logic> clk{*this, "clk"};

  /// A clock of `period` whose first rising edge is at `first_rise` (> 0). Throws
  /// std::invalid_argument for a non-positive or odd (in femtoseconds) period.
  ClockGenerator(Scope& parent, std::string_view name, Duration period, Duration first_rise);
  /// A clock of `period` whose first rising edge is at half a period.
  ClockGenerator(Scope& parent, std::string_view name, Duration period)
      : ClockGenerator(parent, name, period, period / 2) {}

  /// The clock period.
  [[nodiscard]] Duration period() const { return half_period_ * 2; }

private:
  void toggle();

  Duration half_period_;
  Duration first_rise_;
  Event toggle_event_;
  bool started_ = false;
  bool high_ = false;
};

}  // namespace tetra
