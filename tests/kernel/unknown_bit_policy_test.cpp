#include "sim/kernel/unknown_bit_policy.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

// Two words: value 0b1010 with bits 1 and 2 unknown in word 0, and bit 63 unknown in word 1.
constexpr std::array<std::uint64_t, 2> kAval{0b1010, 0};
constexpr std::array<std::uint64_t, 2> kBval{0b0110, std::uint64_t{1} << 63};

std::array<std::uint64_t, 2> filled(UnknownBitFiller& filler) {
  std::array<std::uint64_t, 2> aval = kAval;
  EXPECT_TRUE(filler.fill(aval, kBval));
  return aval;
}

TEST(UnknownBitPolicy, PoliciesPrintTheirNames) {
  EXPECT_EQ(UnknownBitPolicy::error().to_string(), "error");
  EXPECT_EQ(UnknownBitPolicy::zeros().to_string(), "zeros");
  EXPECT_EQ(UnknownBitPolicy::ones().to_string(), "ones");
  EXPECT_EQ(UnknownBitPolicy::random(42).to_string(), "random (seed 42)");
}

TEST(UnknownBitPolicy, ErrorRefusesAndLeavesTheValue) {
  Simulation sim;
  UnknownBitFiller filler(UnknownBitPolicy::error(), "top.y", sim);
  std::array<std::uint64_t, 2> aval = kAval;
  EXPECT_FALSE(filler.fill(aval, kBval));
  EXPECT_EQ(aval, kAval);
}

TEST(UnknownBitPolicy, ZerosClearsOnlyUnknownBits) {
  Simulation sim;
  UnknownBitFiller filler(UnknownBitPolicy::zeros(), "top.y", sim);
  EXPECT_EQ(filled(filler), (std::array<std::uint64_t, 2>{0b1000, 0}));
}

TEST(UnknownBitPolicy, OnesSetsOnlyUnknownBits) {
  Simulation sim;
  UnknownBitFiller filler(UnknownBitPolicy::ones(), "top.y", sim);
  EXPECT_EQ(filled(filler), (std::array<std::uint64_t, 2>{0b1110, std::uint64_t{1} << 63}));
}

TEST(UnknownBitPolicy, RandomKeepsKnownBitsAndRepeatsForTheSameSeedAndPort) {
  Simulation sim;
  ::testing::internal::CaptureStderr();
  UnknownBitFiller first(UnknownBitPolicy::random(7), "top.y", sim);
  UnknownBitFiller again(UnknownBitPolicy::random(7), "top.y", sim);
  std::string differences;
  for (int i = 0; i < 64; ++i) {
    const auto a = filled(first);
    const auto b = filled(again);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a[0] & ~kBval[0], kAval[0] & ~kBval[0]);
    EXPECT_EQ(a[1] & ~kBval[1], 0u);
    differences += std::to_string(a[0] & kBval[0]);
  }
  ::testing::internal::GetCapturedStderr();
  // Over 64 draws both unknown bits take both values.
  for (const char* bits : {"0", "2", "4", "6"}) EXPECT_NE(differences.find(bits), std::string::npos) << bits;
}

TEST(UnknownBitPolicy, RandomStreamsDifferBetweenPortsAndSeeds) {
  Simulation sim;
  ::testing::internal::CaptureStderr();
  UnknownBitFiller port_a(UnknownBitPolicy::random(7), "top.a", sim);
  UnknownBitFiller port_b(UnknownBitPolicy::random(7), "top.b", sim);
  UnknownBitFiller seed_8(UnknownBitPolicy::random(8), "top.a", sim);
  const std::array<std::uint64_t, 1> all_unknown{~std::uint64_t{0}};
  std::array<std::uint64_t, 1> a{0}, b{0}, c{0};
  port_a.fill(a, all_unknown);
  port_b.fill(b, all_unknown);
  seed_8.fill(c, all_unknown);
  ::testing::internal::GetCapturedStderr();
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
}

TEST(UnknownBitPolicy, RandomLogsTheSeedTimeAndPortOncePerPort) {
  Simulation sim;
  UnknownBitFiller filler(UnknownBitPolicy::random(42), "top.ready", sim);
  std::string log;
  sim.thread("test", [&] {
    wait(10_ns);
    ::testing::internal::CaptureStderr();
    filled(filler);
    filled(filler);
    log = ::testing::internal::GetCapturedStderr();
  });
  sim.run();
  EXPECT_EQ(log, "tetra: at 10 ns in top.ready: X/Z bits become random bits (unknown-bit policy: random (seed 42))\n");
}

TEST(UnknownBitPolicy, UnknownValueQuotesOnlyValuesWithXOrZ) {
  Simulation sim;
  Signal<Vec<8>> known{sim, "known", Vec<8>(0x5a)};
  Signal<Vec<8>> unknown{sim, "unknown", Vec<8>::parse("8'bxxxx_0z01")};
  EXPECT_EQ(unknown_value(known), std::nullopt);
  EXPECT_EQ(unknown_value(unknown), "8'bxxxx0z01");
}

}  // namespace
}  // namespace tetra
