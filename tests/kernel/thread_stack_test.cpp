#include "sim/kernel/thread_stack.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <stdexcept>

#include "sim/kernel/simulation.hpp"
#include "sim/module/module.hpp"
#include "tests/kernel/large_frame.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {

// Recurses `depth` frames of about 1 KiB each; the volatile frame stays on the stack.
[[gnu::noinline]] int recurse(int depth) {
  volatile char frame[1024];
  frame[0] = static_cast<char>(depth);
  frame[sizeof frame - 1] = frame[0];
  if (depth == 0) return frame[0];
  return recurse(depth - 1) + frame[sizeof frame - 1];
}

}  // namespace

TEST(ThreadStackDeathTest, AnOverflowEndsTheProcessNamingTheThread) {
  // 1,000 frames of 1 KiB on a 256 KiB stack. Without a guard, the frames went on into
  // the neighbouring thread's stack and changed its locals while the run went on.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        Simulation sim;
        Module top(sim, "top");
        int neighbour_local = 0;
        top.thread("neighbour", [&] {
          const int kept = 42;
          wait(2_ns);
          neighbour_local = kept;
        });
        top.thread("deep", [&] {
          wait(1_ns);
          recurse(1'000);
        });
        sim.run();
        std::_Exit(neighbour_local == 42 ? 0 : 3);
      },
      ::testing::KilledBySignal(SIGSEGV),
      "tetra: stack overflow in thread top\\.deep: its stack of 262144 bytes is full \\(ThreadHandle::stack_size");
}

TEST(ThreadStackDeathTest, AFrameLargerThanSixtyFourKibibytesIsCaughtInItsThread) {
  // 512 KiB in one frame on a 256 KiB stack: its lowest bytes fall within the 1 MiB
  // guard, even in code built without -fstack-clash-protection (stack_clash_test.cpp
  // has larger frames). A 64 KiB guard let it jump into whatever lay below.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        Simulation sim;
        Module top(sim, "top");
        int result = 0;
        top.thread("wide", [&] {
          wait(1_ns);
          result = tetra::testing::through_large_frame<512 * 1024>(1);
        });
        sim.run();
        std::_Exit(result == 1 ? 0 : 3);
      },
      ::testing::KilledBySignal(SIGSEGV),
      "tetra: stack overflow in thread top\\.wide: its stack of 262144 bytes is full \\(ThreadHandle::stack_size");
}

TEST(ThreadStack, AThreadGivenALargerStackRecursesDeeper) {
  Simulation sim;
  int result = -1;
  sim.thread("deep", [&] { result = recurse(1'000); }).stack_size(2 * 1024 * 1024);
  sim.run();
  EXPECT_EQ(result, recurse(1'000));  // the same on the process's own stack
}

TEST(ThreadStack, TheDefaultSizeAppliesToLaterThreadsSpawnedOnesIncluded) {
  Simulation sim;
  sim.set_default_stack_size(2 * 1024 * 1024);
  int result = -1;
  sim.thread("parent", [&] { spawn("child", [&] { result = recurse(1'000); }).join(); });
  sim.run();
  EXPECT_EQ(result, recurse(1'000));
}

TEST(ThreadStack, SizesAreCheckedAndSetBeforeTheThreadRuns) {
  Simulation sim;
  EXPECT_THROW(sim.set_default_stack_size(1024), std::invalid_argument);
  const ThreadHandle sleeper = sim.thread("sleeper", [] { wait(1_ns); });
  EXPECT_THROW(sleeper.stack_size(0), std::invalid_argument);
  sim.run(1_ps);
  EXPECT_THROW(sleeper.stack_size(1024 * 1024), std::logic_error);
}

TEST(ThreadStack, AStackIsGuardedBelowItsUsableBytes) {
  const detail::GuardedStack stack(100'000);
  EXPECT_GE(stack.usable_size(), 100'000u);
  const char* top = static_cast<const char*>(stack.top());
  EXPECT_FALSE(stack.guard_holds(top - stack.usable_size()));
  EXPECT_TRUE(stack.guard_holds(top - stack.usable_size() - 1));
  EXPECT_FALSE(stack.guard_holds(top - stack.mapped_size() - 1));
}
