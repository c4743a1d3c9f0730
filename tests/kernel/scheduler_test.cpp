#include "sim/kernel/scheduler.hpp"

#include <gtest/gtest.h>

#include "sim/kernel/simulation.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(Scheduler, CounterOnAClockCounts) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> count(sim, "count", Vec<8>::zeros());
  sim.thread("clockgen", [&] {
    while (true) {
      wait(5_ns);
      clk.write(clk.read() == L0 ? L1 : L0);
    }
  });
  sim.method("counter", [&] { count.write(count.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.run(100_ns);
  EXPECT_EQ(count.read(), Vec<8>(10));
  EXPECT_EQ(sim.now(), 100_ns);
}
