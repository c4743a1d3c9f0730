#pragma once
// What every block test starts from: a simulation with a 10 ns clock (rising at 5 ns,
// 15 ns, ...), a reset signal driven by the testbench, and readable value printing.

#include <ostream>

#include <fmt/format.h>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/values/format.hpp"
#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// GoogleTest prints values as their sized literals ("8'b0101xxzz").
template <std::size_t N>
void PrintTo(const Vec<N>& value, std::ostream* out) {
  *out << fmt::format("{}", value);
}
/// GoogleTest prints one bit as its digit.
inline void PrintTo(Logic value, std::ostream* out) { *out << value.to_char(); }

namespace test {

using namespace tetra::literals;

/// A simulation with a running clock and a testbench-driven reset.
struct ClockedBench {
  Simulation sim;
  ClockGenerator clock{sim, "clock", 10_ns};
  Signal<Logic> clk{sim, "clk"};
  Signal<Logic> rst{sim, "rst"};

  ClockedBench() { clock.clk(clk); }

  /// Runs until the testbench calls finish(), or 1 ms at most: a testbench that stops
  /// early (a failed ASSERT) must not leave the free-running clock going forever.
  void run() { sim.run(1_ms); }

  /// From a testbench thread: returns at the falling edge after the next rising edge,
  /// where outputs show that edge's results and new inputs reach the next one.
  void cycle() const {
    wait(clk.posedge());
    wait(clk.negedge());
  }
  /// From a testbench thread: holds reset for `cycles` rising edges, then releases it.
  void reset(int cycles = 2) {
    rst.write(L1);
    for (int i = 0; i < cycles; ++i) cycle();
    rst.write(L0);
  }
};

}  // namespace test
}  // namespace tetra
