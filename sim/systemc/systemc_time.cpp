#include "sim/systemc/systemc_time.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace tetra::systemc {

Duration systemc_resolution() {
  // A power of ten from 1 fs to 100 s (sc_set_time_resolution allows no other): the
  // double is exact after rounding.
  return Duration::femtoseconds(std::llround(sc_core::sc_get_time_resolution().to_seconds() * 1e15));
}

Duration to_duration(const sc_core::sc_time& time) {
  // 2^64 steps of at most 100 s fit a Duration.
  return Duration::femtoseconds(static_cast<Femtoseconds>(time.value()) * systemc_resolution().in_femtoseconds());
}

sc_core::sc_time to_sc_time(Duration duration) {
  const Duration step = systemc_resolution();
  if (duration < Duration{} || duration.in_femtoseconds() % step.in_femtoseconds() != 0) {
    throw std::invalid_argument(
        fmt::format("{} is not a whole number of SystemC's time resolution {}", duration, step));
  }
  const Femtoseconds steps = duration.in_femtoseconds() / step.in_femtoseconds();
  if (steps > std::numeric_limits<sc_dt::uint64>::max()) {
    throw std::out_of_range(fmt::format("{} is beyond SystemC's time range, 2^64 - 1 steps of {}", duration, step));
  }
  return sc_core::sc_time::from_value(static_cast<sc_dt::uint64>(steps));
}

}  // namespace tetra::systemc
