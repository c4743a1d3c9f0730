#include "sim/kernel/stop_request.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "sim/kernel/simulation.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(StopRequest, ASignalStopsTheRunAtTheNextSlotBoundary) {
  stop_on_signals();
  Simulation sim;
  bool ended_as_failed = false;
  sim.add_end_hook([&](bool failed) { ended_as_failed = failed; });
  Signal<Logic> s(sim, "s", L0);
  bool ran_later = false;
  sim.thread("stimulus", [&] {
    wait(3_ns);
    std::raise(SIGINT);  // as Ctrl-C would, in the middle of a slot
    s.write(L1);
    wait(1_ns);
    ran_later = true;
  });
  try {
    sim.run();
    FAIL() << "expected SimulationStopped";
  } catch (const SimulationStopped& stop) {
    EXPECT_STREQ(stop.what(), "at 3 ns: stopped by SIGINT");
    EXPECT_EQ(stop.time(), 3_ns);
    EXPECT_EQ(stop.signal_number(), SIGINT);
    EXPECT_EQ(stop.exit_status(), 130);
  }
  clear_stop_request();
  EXPECT_EQ(s.read(), L1);  // the slot the signal came in ran to its end
  EXPECT_FALSE(ran_later);
  EXPECT_TRUE(ended_as_failed);  // the end hooks (tracers closing their files) ran
  EXPECT_EQ(requested_stop(), -1);
}

TEST(StopRequest, ARequestStopsEveryRunUntilCleared) {
  request_stop();
  for (int i = 0; i < 2; ++i) {
    Simulation sim;
    sim.thread("sleeper", [] { wait(1_ns); });
    EXPECT_THROW(sim.run(), SimulationStopped);
    EXPECT_EQ(sim.now(), Duration{});
  }
  clear_stop_request();
  Simulation sim;
  sim.thread("sleeper", [] { wait(1_ns); });
  sim.run();
  EXPECT_EQ(sim.now(), 1_ns);
}

TEST(StopRequestDeathTest, WithoutARunningSimulationASignalEndsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        stop_on_signals();
        std::raise(SIGTERM);
        std::_Exit(0);
      },
      ::testing::KilledBySignal(SIGTERM), "");
}
