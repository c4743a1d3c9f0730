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
  const std::int64_t step = systemc_resolution().in_femtoseconds();
  const sc_dt::uint64 steps = time.value();
  if (steps > static_cast<sc_dt::uint64>(std::numeric_limits<std::int64_t>::max() / step)) {
    throw std::overflow_error(fmt::format("SystemC time {} is beyond Tetra's time range", time.to_string()));
  }
  return Duration::femtoseconds(static_cast<std::int64_t>(steps) * step);
}

sc_core::sc_time to_sc_time(Duration duration) {
  const Duration step = systemc_resolution();
  if (duration < Duration{} || duration.in_femtoseconds() % step.in_femtoseconds() != 0) {
    throw std::invalid_argument(
        fmt::format("{} is not a whole number of SystemC's time resolution {}", duration, step));
  }
  return sc_core::sc_time::from_value(static_cast<sc_dt::uint64>(duration.in_femtoseconds() / step.in_femtoseconds()));
}

}  // namespace tetra::systemc
