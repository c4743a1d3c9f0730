#include "sim/cosim/verilator_time_scale.hpp"

#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace tetra {

namespace {
// 10^(exponent + 15) femtoseconds, for exponents from -15 (1 fs) to 2 (100 s).
Duration power_of_ten_seconds(int exponent) {
  if (exponent < -15 || exponent > 2) {
    throw std::invalid_argument(
        fmt::format("a model time precision of 1e{} s is outside what a simulation can count (1 fs to 100 s)", exponent));
  }
  std::int64_t femtoseconds = 1;
  for (int i = -15; i < exponent; ++i) femtoseconds *= 10;
  return Duration::femtoseconds(femtoseconds);
}
}  // namespace

VerilatorTimeScale::VerilatorTimeScale(Duration tick, int precision_exponent)
    : precision_(power_of_ten_seconds(precision_exponent)) {
  const Femtoseconds tick_fs = tick.in_femtoseconds();
  const Femtoseconds unit_fs = precision_.in_femtoseconds();
  if (tick_fs <= 0) throw std::invalid_argument(fmt::format("a simulation tick must be positive, not {}", tick));
  if (unit_fs % tick_fs == 0) {
    ticks_per_unit_ = static_cast<std::uint64_t>(unit_fs / tick_fs);
  } else if (tick_fs % unit_fs == 0) {
    units_per_tick_ = static_cast<std::uint64_t>(tick_fs / unit_fs);
  } else {
    throw std::invalid_argument(fmt::format(
        "the model's time precision of {} and the simulation's tick of {} are not multiples of one another, "
        "so times cannot pass exactly between them",
        precision_, tick));
  }
}

std::optional<std::uint64_t> VerilatorTimeScale::scaled_to_model(Ticks ticks) const {
  if (ticks % ticks_per_unit_ != 0) return std::nullopt;
  const std::uint64_t units = ticks / ticks_per_unit_;
  if (units > std::numeric_limits<std::uint64_t>::max() / units_per_tick_) return std::nullopt;
  return units * units_per_tick_;
}

std::optional<Ticks> VerilatorTimeScale::to_ticks(std::uint64_t units) const {
  if (units % units_per_tick_ != 0) return std::nullopt;
  const std::uint64_t ticks = units / units_per_tick_;
  if (ticks > std::numeric_limits<std::uint64_t>::max() / ticks_per_unit_) return std::nullopt;
  return ticks * ticks_per_unit_;
}

}  // namespace tetra
