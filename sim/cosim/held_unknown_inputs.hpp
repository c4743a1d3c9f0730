#pragma once
// The inputs of one Verilated model held back under the unknown-bit policy error: the
// model keeps their last applied values, and the run stops if one is still unknown once
// the time slot has settled (sim/kernel/unknown_bit_policy.hpp says why).

#include <vector>

#include "sim/kernel/event.hpp"

namespace tetra {

class PortBase;
class Scheduler;

namespace detail {

/// The inputs of one model that were X or Z under the error policy when it evaluated.
class HeldUnknownInputs {
public:
  /// Fires when an input is held.
  explicit HeldUnknownInputs(Scheduler& scheduler) : held_(scheduler) {}

  /// Records that `port` held an unknown value back.
  void hold(const PortBase& port);
  /// Fires (immediately) when an input is held.
  [[nodiscard]] const Event& held() const { return held_; }
  /// Throws UnknownInputError for the first held port whose value is still unknown;
  /// then forgets them all. Called in the read-only region.
  void check();

private:
  Event held_;
  std::vector<const PortBase*> ports_;
};

}  // namespace detail
}  // namespace tetra
