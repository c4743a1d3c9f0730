#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "sim/lib/reset_generator.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

TEST(ClockGenerator, RisesAtHalfPeriodThenEveryPeriod) {
  Simulation sim;
  ClockGenerator clock(sim, "clock", 10_ns);
  Signal<Logic> clk(sim, "clk");
  clock.clk(clk);
  std::vector<Duration> rises, falls;
  sim.thread("watch", [&] {
    for (;;) {
      if (wait_any({&clk.posedge(), &clk.negedge()}) == 0) {
        rises.push_back(now());
      } else {
        falls.push_back(now());
      }
    }
  });
  sim.run(40_ns);
  EXPECT_EQ(rises, (std::vector<Duration>{5_ns, 15_ns, 25_ns, 35_ns}));
  // X -> 0 at time 0 is a falling edge by IEEE rules; then every period from 10 ns.
  EXPECT_EQ(falls, (std::vector<Duration>{0_ns, 10_ns, 20_ns, 30_ns}));
  EXPECT_EQ(clock.period(), 10_ns);
}

TEST(ClockGenerator, HonoursTheFirstRisingEdge) {
  Simulation sim;
  ClockGenerator clock(sim, "clock", 4_ns, 7_ns);
  Signal<Logic> clk(sim, "clk");
  clock.clk(clk);
  std::vector<Duration> rises;
  sim.thread("watch", [&] {
    for (;;) {
      wait(clk.posedge());
      rises.push_back(now());
    }
  });
  sim.run(16_ns);
  EXPECT_EQ(rises, (std::vector<Duration>{7_ns, 11_ns, 15_ns}));
}

TEST(ClockGenerator, RejectsPeriodsItCannotSplitInHalf) {
  Simulation sim;
  EXPECT_THROW(ClockGenerator(sim, "zero", 0_ns), std::invalid_argument);
  EXPECT_THROW(ClockGenerator(sim, "odd", 3_fs), std::invalid_argument);
  EXPECT_THROW(ClockGenerator(sim, "late", 10_ns, 0_ns), std::invalid_argument);
}

TEST(ResetGenerator, HoldsResetForExactlyTheGivenRisingEdges) {
  Simulation sim;
  ClockGenerator clock(sim, "clock", 10_ns);
  Signal<Logic> clk(sim, "clk");
  Signal<Logic> rst(sim, "rst");
  clock.clk(clk);
  ResetGenerator reset(sim, "reset", 3);
  reset.clk(clk);
  reset.rst(rst);
  std::vector<Logic> sampled;  // what a flop sees at each rising edge
  sim.method("sample", [&] { sampled.push_back(rst.read()); }).sensitive(clk.posedge());
  sim.run(60_ns);
  EXPECT_EQ(sampled, (std::vector<Logic>{L1, L1, L1, L0, L0, L0}));
}

TEST(ResetGenerator, RejectsZeroCycles) {
  Simulation sim;
  EXPECT_THROW(ResetGenerator(sim, "reset", 0), std::invalid_argument);
}

}  // namespace
}  // namespace tetra::test
