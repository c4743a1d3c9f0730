#include "models/xorshift_rng.hpp"

#include <gtest/gtest.h>

namespace tetra::models {
namespace {

// Expected values come from an independent Python model of docs/models.md.

TEST(XorshiftRng, FollowsMarsaglia13_7_17FromStateOne) {
  XorshiftRng rng = XorshiftRng::from_state(1);
  EXPECT_EQ(rng.next(), 0x40822041ULL);
  EXPECT_EQ(rng.next(), 0x100041060c011441ULL);
  EXPECT_EQ(XorshiftRng::advance(1), 0x40822041ULL);
}

TEST(XorshiftRng, KnownStreamForSeedOne) {
  XorshiftRng rng(1);
  EXPECT_EQ(rng.state(), 0x910a2dec89025cc1ULL);
  EXPECT_EQ(rng.next(), 0x7274658bcb6f4838ULL);
  EXPECT_EQ(rng.next(), 0xd2874a86df7c98a8ULL);
  EXPECT_EQ(rng.next(), 0x473703a909c34b99ULL);
}

// splitmix64 (Vigna's splitmix64.c) seeded with s returns seeded_state(s) first: from
// state 0 that is the well-known e220a8397b1dcdaf.
TEST(XorshiftRng, SeedsThroughSplitmix64sOutputFunction) {
  EXPECT_EQ(XorshiftRng::seeded_state(0), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(XorshiftRng(0).state(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(XorshiftRng::seeded_state(2), 0x975835de1c9756ceULL);
  EXPECT_EQ(XorshiftRng::seeded_state(~std::uint64_t{0}), 0xe4d971771b652c20ULL);
}

TEST(XorshiftRng, NeverStartsFromTheStuckZeroState) {
  // The one seed whose mixed value is 0: seed + kGoldenGamma wraps to 0.
  const std::uint64_t seed = 0 - XorshiftRng::kGoldenGamma;
  XorshiftRng rng(seed);
  EXPECT_EQ(rng.state(), XorshiftRng::kGoldenGamma);
  EXPECT_EQ(rng.next(), 0xdc1b77ae0bf34dadULL);
  EXPECT_EQ(XorshiftRng::from_state(0).state(), XorshiftRng::kGoldenGamma);
}

}  // namespace
}  // namespace tetra::models
