#pragma once
// A 10 ns clock driven by a thread, for kernel tests that must not depend on sim/lib.

#include "sim/kernel/simulation.hpp"

namespace tetra::testing {

/// A thread "clock" that drives `clk` high at 5, 15, 25, ... ns and low at 10, 20, ... ns.
inline void add_clock(Simulation& sim, Signal<Logic>& clk) {
  using namespace tetra::literals;
  sim.thread("clock", [&clk] {
    while (true) {
      wait(5_ns);
      clk.write(L1);
      wait(5_ns);
      clk.write(L0);
    }
  });
}

}  // namespace tetra::testing
