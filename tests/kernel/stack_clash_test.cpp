// A frame larger than a thread stack's guard, in code compiled with
// -fstack-clash-protection as code built against an installed Tetra is: the frame is
// probed a page at a time, so the first page past the stack is the guard's, and the
// overflow is caught naming the thread instead of landing in whatever lies below.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

#include "sim/kernel/simulation.hpp"
#include "sim/module/module.hpp"
#include "tests/kernel/large_frame.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(StackClashDeathTest, AFrameLargerThanTheGuardIsCaughtInItsThread) {
  // 4 MiB in one frame, on a 256 KiB stack above a 1 MiB guard.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        Simulation sim;
        Module top(sim, "top");
        int result = 0;
        top.thread("huge", [&] {
          wait(1_ns);
          result = tetra::testing::through_large_frame<4 * 1024 * 1024>(1);
        });
        sim.run();
        std::_Exit(result == 1 ? 0 : 3);
      },
      ::testing::KilledBySignal(SIGSEGV),
      "tetra: stack overflow in thread top\\.huge: its stack of 262144 bytes is full \\(ThreadHandle::stack_size");
}
