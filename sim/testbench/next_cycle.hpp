#pragma once
// Stepping a testbench by clock cycles.

#include <cstddef>

#include "sim/kernel/signal.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/values/logic.hpp"

namespace tetra::testbench {

/// Waits for the next rising edge of `clk`, then for its falling edge: there the edge's
/// results show, and inputs written reach the following rising edge.
inline void next_cycle(const BasicSignal<Logic>& clk) {
  wait(clk.posedge());
  wait(clk.negedge());
}

/// next_cycle() `cycles` times.
inline void next_cycles(const BasicSignal<Logic>& clk, std::size_t cycles) {
  for (std::size_t i = 0; i < cycles; ++i) next_cycle(clk);
}

}  // namespace tetra::testbench
