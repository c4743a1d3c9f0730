#include <cstdint>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "sim/lib/lfsr.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

std::uint16_t galois_step(std::uint16_t state) {
  return static_cast<std::uint16_t>((state >> 1) ^ ((state & 1u) != 0 ? 0xB400u : 0u));
}

TEST(Lfsr, StepMatchesTheIntegerGaloisRecurrence) {
  std::uint16_t reference = 0xACE1;
  Vec<16> state(reference);
  for (int i = 0; i < 1000; ++i) {
    reference = galois_step(reference);
    state = Lfsr<16>::step(state, Vec<16>(0xB400));
    ASSERT_EQ(state, Vec<16>(reference)) << "step " << i;
  }
}

TEST(Lfsr, MaximalTapsVisitEveryNonZeroState) {
  std::set<std::uint64_t> seen;
  Vec<16> state(1);
  do {
    ASSERT_TRUE(seen.insert(state.to_uint64()).second) << "state repeated early: " << state.to_uint64();
    state = Lfsr<16>::step(state, Vec<16>(0xB400));
  } while (state != Vec<16>(1));
  EXPECT_EQ(seen.size(), 65535u);
}

TEST(Lfsr, ResetLoadsTheSeedAndEnableSteps) {
  ClockedBench bench;
  Signal<Logic> en(bench.sim, "en");
  Signal<Vec<16>> q(bench.sim, "q");
  Lfsr<16> lfsr(bench.sim, "lfsr", Vec<16>(0xB400), Vec<16>(0xACE1));
  lfsr.clk(bench.clk);
  lfsr.rst(bench.rst);
  lfsr.en(en);
  lfsr.q(q);
  bench.sim.thread("tb", [&] {
    en.write(L0);
    bench.reset();
    EXPECT_EQ(q.read(), Vec<16>(0xACE1));
    bench.cycle();
    EXPECT_EQ(q.read(), Vec<16>(0xACE1));
    en.write(L1);
    std::uint16_t expected = 0xACE1;
    for (int i = 0; i < 50; ++i) {
      bench.cycle();
      expected = galois_step(expected);
      EXPECT_EQ(q.read(), Vec<16>(expected));
    }
    finish();
  });
  bench.run();
}

TEST(Lfsr, RejectsZeroOrUnknownSeedsAndTaps) {
  Simulation sim;
  EXPECT_THROW(Lfsr<8>(sim, "zero_seed", Vec<8>(0xB8), Vec<8>(0)), std::invalid_argument);
  EXPECT_THROW(Lfsr<8>(sim, "zero_taps", Vec<8>(0), Vec<8>(1)), std::invalid_argument);
  EXPECT_THROW(Lfsr<8>(sim, "x_seed", Vec<8>(0xB8), Vec<8>::xs()), std::invalid_argument);
}

}  // namespace
}  // namespace tetra::test
