#include "sim/kernel/time.hpp"

#include <gtest/gtest.h>

#include "sim/kernel/simulation.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(Time, LiteralsConvertToFemtoseconds) {
  EXPECT_EQ((1_ns).in_femtoseconds(), 1'000'000);
  EXPECT_EQ((250_ps).in_femtoseconds(), 250'000);
  EXPECT_EQ(1_us, 1000_ns);
  EXPECT_LT(999_ps, 1_ns);
}

TEST(Time, PrintsWithLargestExactUnit) {
  EXPECT_EQ(fmt::format("{}", 250_ps), "250 ps");
  EXPECT_EQ(fmt::format("{}", 1000_ps), "1 ns");
  EXPECT_EQ(fmt::format("{}", 1500_ps), "1500 ps");
  EXPECT_EQ(fmt::format("{}", 3_s), "3 s");
  EXPECT_EQ(fmt::format("{}", Duration{}), "0 s");
}

TEST(Time, TicksFollowTheResolution) {
  Simulation sim(10_ps);
  EXPECT_EQ(sim.to_ticks(1_ns), 100u);
  EXPECT_THROW((void)sim.to_ticks(5_ps), std::invalid_argument);
  EXPECT_THROW((void)sim.to_ticks(Duration{} - 1_ns), std::invalid_argument);
}

TEST(Time, ResolutionMustBePositive) { EXPECT_THROW(Simulation sim(Duration{}), std::invalid_argument); }
