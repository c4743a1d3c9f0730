#pragma once
// Time across the boundary. SystemC counts time in integer steps of its resolution (1 ps
// unless sc_set_time_resolution said otherwise), Tetra in femtoseconds and in ticks of
// a simulation's resolution; a time passes only when it is exact on the other side,
// never rounded.

#include <systemc>

#include "sim/kernel/time.hpp"

namespace tetra::systemc {

/// SystemC's time resolution (asking fixes it, as creating any sc_time does).
Duration systemc_resolution();

/// SystemC time `time` as a Duration (exact: every SystemC time fits).
Duration to_duration(const sc_core::sc_time& time);

/// `duration` as SystemC time; throws std::invalid_argument unless it is a whole number
/// of SystemC's resolution, or is negative, std::out_of_range beyond 2^64 - 1 steps.
sc_core::sc_time to_sc_time(Duration duration);

}  // namespace tetra::systemc
