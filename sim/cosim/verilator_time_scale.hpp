#pragma once
// Time between a simulation and a Verilated model: the simulation counts ticks of its
// resolution, the model counts units of its time precision (a power of ten of a second,
// from `timescale, timeprecision or --timescale). One of the two must be a whole
// multiple of the other, and every time that passes between them must be a whole number
// of the coarser one: nothing is rounded.

#include <cstdint>
#include <optional>

#include "sim/kernel/time.hpp"

namespace tetra {

/// The exact mapping between a simulation's ticks and a model's time units.
///
/// **Example** (ticks of 1 ps, a model with `timescale 1ns/100ps):
///
///     VerilatorTimeScale scale(1_ps, -10);
///     scale.to_model(2500);   // 25 (units of 100 ps)
///     scale.to_model(2550);   // nullopt: 2550 ps is not a whole number of 100 ps
///     scale.to_ticks(25);     // 2500
class VerilatorTimeScale {
public:
  /// The mapping for a simulation tick of `tick` and a model precision of
  /// 10^`precision_exponent` s (Verilator's timeprecision(), -12 for 1 ps). Throws
  /// std::invalid_argument when neither is a whole multiple of the other (a 300 ps tick
  /// and a 1 ns precision), or the precision is outside 1 fs to 100 s.
  VerilatorTimeScale(Duration tick, int precision_exponent);

  /// The model's time unit.
  [[nodiscard]] Duration precision() const { return precision_; }
  /// The model time of `ticks`, or nullopt if it is not a whole number of model units.
  [[nodiscard]] std::optional<std::uint64_t> to_model(Ticks ticks) const {
    // The common case, a model precision equal to the tick, costs no division.
    if (ticks_per_unit_ == 1 && units_per_tick_ == 1) return ticks;
    return scaled_to_model(ticks);
  }
  /// The ticks of model time `units`, or nullopt if it is not a whole number of ticks.
  [[nodiscard]] std::optional<Ticks> to_ticks(std::uint64_t units) const;

private:
  [[nodiscard]] std::optional<std::uint64_t> scaled_to_model(Ticks ticks) const;

  Duration precision_;
  std::uint64_t ticks_per_unit_ = 1;  // > 1 when the model's unit is coarser than a tick
  std::uint64_t units_per_tick_ = 1;  // > 1 when it is finer
};

}  // namespace tetra
