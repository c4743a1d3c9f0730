#include "models/xorshift_rng.hpp"

#include <gtest/gtest.h>

namespace tetra::models {
namespace {

// Expected values come from an independent Python model of docs/models.md.

TEST(XorshiftRng, FollowsMarsaglia13_7_17FromStateOne) {
  XorshiftRng rng(XorshiftRng::kSeedMask ^ 1);  // starts in state 1
  EXPECT_EQ(rng.next(), 0x40822041ULL);
  EXPECT_EQ(rng.next(), 0x100041060c011441ULL);
}

TEST(XorshiftRng, KnownStreamForSeedOne) {
  XorshiftRng rng(1);
  EXPECT_EQ(rng.next(), 0xdc1b77ae4b716decULL);
  EXPECT_EQ(rng.next(), 0x74f0afbf0e6f7437ULL);
  EXPECT_EQ(rng.next(), 0xe0194abe8b16471fULL);
}

TEST(XorshiftRng, SeedsByXorWithTheMask) {
  EXPECT_EQ(XorshiftRng(0).state(), XorshiftRng::kSeedMask);
  EXPECT_EQ(XorshiftRng(5).state(), XorshiftRng::kSeedMask ^ 5);
}

TEST(XorshiftRng, NeverStartsFromTheStuckZeroState) {
  XorshiftRng rng(XorshiftRng::kSeedMask);
  EXPECT_EQ(rng.state(), XorshiftRng::kSeedMask);
  EXPECT_NE(rng.next(), 0u);
}

}  // namespace
}  // namespace tetra::models
