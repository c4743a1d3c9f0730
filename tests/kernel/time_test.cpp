#include "sim/kernel/time.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/logic.hpp"
#include "tests/support/expect_error.hpp"

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

TEST(Time, ArithmeticIsCheckedAndScalesEitherWay) {
  EXPECT_EQ(3 * 2_ns, 6_ns);
  EXPECT_EQ(2_ns * 3, 6_ns);
  EXPECT_EQ(Duration{} - 1_ns + 1_ns, Duration{});
  const Duration huge = Duration::femtoseconds(Femtoseconds{1} << 126);
  EXPECT_THROW((void)(huge + huge), std::overflow_error);
  EXPECT_THROW((void)(Duration{} - huge - huge - huge), std::overflow_error);
  EXPECT_THROW((void)(huge * 2), std::overflow_error);
  EXPECT_THROW((void)(1_ns / 0), std::domain_error);
}

TEST(Time, DurationsBeyondSixtyFourBitsOfFemtosecondsPrint) {
  // Three hours is more femtoseconds than an int64 holds (2^63 fs is about 2.56 hours).
  EXPECT_EQ(fmt::format("{}", 3 * 3600_s), "10800 s");
  EXPECT_EQ(fmt::format("{}", 18446744073709551615_us), "18446744073709551615 us");
}

TEST(Time, NowCoversEveryTickAtEveryResolution) {
  // The tick count reaches 2^64 - 1 whatever the resolution, and now() stays exact.
  constexpr Ticks last_tick = std::numeric_limits<Ticks>::max();
  for (const Duration resolution : {1_fs, 1_ps, 1_ns, 100_s}) {
    Simulation sim(resolution);
    sim.run(sim.to_duration(last_tick));
    EXPECT_EQ(sim.now_ticks(), last_tick);
    EXPECT_EQ(sim.now(), Duration::femtoseconds(static_cast<Femtoseconds>(last_tick) * resolution.in_femtoseconds()));
    EXPECT_GT(sim.now(), Duration{});
  }
}

TEST(Time, ThreeHoursAtOnePicosecond) {
  Simulation sim(1_ps);
  std::vector<Duration> times;
  sim.thread("sleeper", [&] {
    wait(3 * 3600_s);
    times.push_back(now());
    wait(1_ps);
    times.push_back(now());
  });
  sim.run();
  EXPECT_EQ(times, (std::vector<Duration>{10800_s, 10800_s + 1_ps}));
}

TEST(Time, TicksBeyondTheCounterAreRefused) {
  Simulation sim(1_fs);
  EXPECT_THROW((void)sim.to_ticks(18446744073709551615_fs + 1_fs), std::out_of_range);
  EXPECT_EQ(sim.to_ticks(18446744073709551615_fs), std::numeric_limits<Ticks>::max());
  EXPECT_THROW(Simulation too_coarse(Duration::femtoseconds(Femtoseconds{1} << 63)), std::invalid_argument);
}

TEST(Time, ADurationPastEverySimulationsCountIsRefusedByTheCoarsest) {
  const Femtoseconds coarsest = (Femtoseconds{1} << 63) - 1;
  const Femtoseconds last = Femtoseconds{std::numeric_limits<Ticks>::max()} * coarsest;
  const Femtoseconds largest = (((Femtoseconds{1} << 126) - 1) << 1) + 1;  // 2^127 - 1
  Simulation sim(Duration::femtoseconds(coarsest));
  EXPECT_EQ(sim.to_ticks(Duration::femtoseconds(last)), std::numeric_limits<Ticks>::max());
  EXPECT_THROW((void)sim.to_ticks(Duration::femtoseconds(last + coarsest)), std::out_of_range);
  EXPECT_THROW((void)sim.to_ticks(Duration::femtoseconds(largest - largest % coarsest)), std::out_of_range);
  EXPECT_THROW(sim.run(Duration::femtoseconds(last + coarsest)), TimeOverflowError);
}

TEST(Time, DelaysWithinSixtyFourBitsAreCheckedLikeAnyOther) {
  // At 1 fs every delay below 2^64 fs is a whole number of ticks: only the end of the
  // counter can refuse it, and it does, one tick past.
  Simulation sim(1_fs);
  sim.thread("sleeper", [&] {
    wait(5_fs);
    wait(18446744073709551610_fs);
    wait(1_fs);
  });
  EXPECT_THROW(sim.run(), TimeOverflowError);
  EXPECT_EQ(sim.now_ticks(), std::numeric_limits<Ticks>::max());
  Simulation coarse(10_fs);
  EXPECT_THROW(coarse.run(15_fs), std::invalid_argument);
  EXPECT_THROW(coarse.run(Duration::femtoseconds(-10)), std::invalid_argument);
}

TEST(Time, AWaitPastTheLastTickIsALocatedError) {
  Simulation sim(1_ns);
  sim.thread("sleeper", [&] {
    wait(5_ns);
    wait(sim.to_duration(std::numeric_limits<Ticks>::max() - 4));
  });
  tetra::testing::expect_error<TimeOverflowError>(
      [&] { sim.run(); },
      "at 5 ns in sleeper: 18446744073709551611 ns from now is past the last time the simulation can count, "
      "18446744073709551615 ns (2^64 - 1 ticks of 1 ns)");
}

TEST(Time, ANotificationPastTheLastTickIsALocatedError) {
  Simulation sim(1_ns);
  Event far(sim);
  Signal<Logic> start(sim, "start", L0);
  sim.method("scheduler", [&] {
    if (start.read() == L1) far.notify_after(sim.to_duration(std::numeric_limits<Ticks>::max()));
  }).sensitive(start);
  sim.thread("stimulus", [&] {
    wait(2_ns);
    start.write(L1);
  });
  try {
    sim.run();
    FAIL() << "expected a TimeOverflowError";
  } catch (const TimeOverflowError& error) {
    EXPECT_EQ(error.time(), 2_ns);
    EXPECT_EQ(error.path(), "scheduler");
  }
}

TEST(Time, ARunPastTheLastTickIsRefusedAndTimeNeverGoesBack) {
  Simulation sim(1_ps);
  sim.run(sim.to_duration(std::numeric_limits<Ticks>::max() - 1));
  sim.run(1_ps);
  EXPECT_THROW(sim.run(1_ps), TimeOverflowError);
  EXPECT_EQ(sim.now_ticks(), std::numeric_limits<Ticks>::max());
}
