// Seeded random stimulus and the scoreboard.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>

#include "sim/kernel/simulation.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/scoreboard.hpp"
#include "sim/testbench/test_context.hpp"
#include "sim/values/format.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;
using testing::HasSubstr;

TEST(Random, TheSameSeedGivesTheSameStimulus) {
  Random first(42);
  Random second(42);
  Random other(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t a = first.bits();
    EXPECT_EQ(a, second.bits());
    differs = differs || a != other.bits();
  }
  EXPECT_TRUE(differs);
  // std::mt19937_64's 10000th output is fixed by the standard: the stimulus is portable.
  Random standard(5489);
  for (int i = 0; i < 9999; ++i) (void)standard.bits();
  EXPECT_EQ(standard.bits(), 9981545732273789042ull);
}

TEST(Random, RangesStayInsideAndReachBothEnds) {
  Random random(1);
  std::array<int, 5> seen{};
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t value = random.range(-2, 2);
    ASSERT_GE(value, -2);
    ASSERT_LE(value, 2);
    ++seen[static_cast<std::size_t>(value + 2)];
  }
  for (const int count : seen) EXPECT_GT(count, 300);
  EXPECT_EQ(random.range(INT64_MIN, INT64_MIN), INT64_MIN);
  (void)random.range(INT64_MIN, INT64_MAX);
  const Vec<8> value = random.vec_in<8>(10, 12);
  EXPECT_GE(value.to_uint64(), 10u);
  EXPECT_LE(value.to_uint64(), 12u);
  EXPECT_THROW((void)random.range(3, 2), std::invalid_argument);
  EXPECT_THROW((void)random.below(0), std::invalid_argument);
  EXPECT_THROW((void)random.chance(1.5), std::invalid_argument);
  EXPECT_THROW((void)random.vec_in<8>(0, 256), std::out_of_range);
}

TEST(Random, WeightedChoicesFollowTheirWeights) {
  Random random(2);
  std::map<char, int> seen;
  for (int i = 0; i < 4000; ++i) ++seen[random.weighted<char>({{'a', 3}, {'b', 1}, {'c', 0}})];
  EXPECT_NEAR(seen['a'], 3000, 150);
  EXPECT_NEAR(seen['b'], 1000, 150);
  EXPECT_EQ(seen['c'], 0);
  EXPECT_THROW((void)random.weighted<char>({{'a', 0}}), std::invalid_argument);
}

TEST(Random, UnknownBitsComeAtTheirRate) {
  Random random(3);
  int x = 0;
  int z = 0;
  for (int i = 0; i < 500; ++i) {
    const Vec<16> value = random.vec<16>({.x = 0.1, .z = 0.05});
    for (std::size_t bit = 0; bit < 16; ++bit) {
      const Logic b = value.bit(bit);
      x += b == LX;
      z += b == LZ;
    }
  }
  EXPECT_NEAR(x, 800, 120);
  EXPECT_NEAR(z, 400, 90);
  EXPECT_TRUE(random.vec<100>().is_known());
  EXPECT_THROW((void)random.logic({.x = 0.8, .z = 0.5}), std::invalid_argument);
}

// Runs `body` as the thread "test" of a simulation, at `step` intervals of 10 ns if it waits.
template <class Body>
void run_in_test(Body body) {
  Simulation sim;
  sim.thread("test", body);
  sim.run();
}

TEST(Scoreboard, InOrderReportsTheFirstMismatchWithBothValuesAndTimes) {
  TestContext context("scoreboard", 1);
  CurrentTest current(context);
  try {
    run_in_test([] {
      Scoreboard<Vec<8>> scoreboard("out");
      scoreboard.expect(Vec<8>(1));
      wait(10_ns);
      scoreboard.expect(Vec<8>(2));
      scoreboard.observe(Vec<8>(1));
      wait(15_ns);
      scoreboard.observe(Vec<8>(3));
    });
    FAIL() << "no mismatch reported";
  } catch (const SimulationError& error) {
    EXPECT_EQ(error.path(), "test");
    EXPECT_EQ(error.reason(), "scoreboard out: item 1: expected 8'b00000010 (at 10 ns), observed 8'b00000011 (at 25 ns)");
  }
}

TEST(Scoreboard, AnyOrderMatchesAPendingItemAndUnobservedItemsFailTheEndCheck) {
  TestContext context("scoreboard", 1);
  CurrentTest current(context);
  run_in_test([] {
    Scoreboard<int> scoreboard("any", Order::any_order);
    scoreboard.expect(1);
    scoreboard.expect(2);
    wait(5_ns);
    scoreboard.expect(3);
    scoreboard.observe(2);
    scoreboard.observe(1);
    EXPECT_EQ(scoreboard.matched(), 2u);
    EXPECT_EQ(scoreboard.pending(), 1u);
    EXPECT_THAT([&] { scoreboard.observe(7); },
                testing::ThrowsMessage<CheckError>(
                    "scoreboard any: observed 7 (at 5 ns), which matches none of the 1 expected; the oldest is 3 (at 5 ns)"));
  });
  // The scoreboard is gone; its end check still reports.
  EXPECT_THAT(context.run_end_checks(),
              testing::ElementsAre("scoreboard any: 1 expected item(s) never observed, the first 3 (at 5 ns)"));
}

TEST(Scoreboard, ObservingWithNothingExpectedFails) {
  run_in_test([] {
    Scoreboard<int> scoreboard("empty");
    EXPECT_THAT([&] { scoreboard.observe(4); },
                testing::ThrowsMessage<CheckError>("scoreboard empty: item 0: observed 4 at 0 s, but nothing was expected"));
    EXPECT_EQ(scoreboard.unobserved(), std::nullopt);
  });
}

}  // namespace
