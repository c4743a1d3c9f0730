#include "sim/lib/clock_generator.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace tetra {

ClockGenerator::ClockGenerator(Scope& parent, std::string_view name, Duration period, Duration first_rise)
    : Module(parent, name), half_period_(period / 2), first_rise_(first_rise), toggle_event_(simulation()) {
  if (period <= Duration{} || period.in_femtoseconds() % 2 != 0) {
    throw std::invalid_argument(
        fmt::format("clock {}: the period must be positive and even in femtoseconds, not {}", path(), period));
  }
  if (first_rise <= Duration{}) {
    throw std::invalid_argument(fmt::format("clock {}: the first rising edge must come after time 0, not at {}",
                                            path(), first_rise));
  }
  // A method woken by its own timed event: no thread switch per edge.
  method("toggle", [this] { toggle(); }).sensitive(toggle_event_).run_at_start(true);
}

void ClockGenerator::toggle() {
  if (!started_) {
    started_ = true;
    clk.write(L0);
    toggle_event_.notify_after(first_rise_);
    return;
  }
  high_ = !high_;
  clk.write(high_ ? L1 : L0);
  toggle_event_.notify_after(half_period_);
}

}  // namespace tetra
