#include "sim/values/format.hpp"

#include <gtest/gtest.h>

#include <random>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Format, BinaryDigits) { EXPECT_EQ(to_string("8'b1010_xxzz"_v), "1010xxzz"); }
TEST(Format, HexDigits) { EXPECT_EQ(to_string("16'hbeef"_v, Radix::hex), "beef"); }
TEST(Format, HexPartialTopDigit) { EXPECT_EQ(to_string("7'h7f"_v, Radix::hex), "7f"); }
TEST(Format, HexAllXDigit) { EXPECT_EQ(to_string("8'hx0"_v, Radix::hex), "x0"); }
TEST(Format, HexAllZDigit) { EXPECT_EQ(to_string("8'hz0"_v, Radix::hex), "z0"); }
TEST(Format, HexSomeXDigitIsUpperX) { EXPECT_EQ(to_string("8'b101x_0000"_v, Radix::hex), "X0"); }
TEST(Format, HexSomeZDigitIsUpperZ) { EXPECT_EQ(to_string("8'b101z_0000"_v, Radix::hex), "Z0"); }
TEST(Format, HexXWinsOverZ) { EXPECT_EQ(to_string("4'bxz00"_v, Radix::hex), "X"); }
TEST(Format, HexMixedXAndZOnlyIsX) { EXPECT_EQ(to_string("4'bxzzz"_v, Radix::hex), "X"); }
TEST(Format, OctalDigits) { EXPECT_EQ(to_string("9'o7x5"_v, Radix::octal), "7x5"); }
TEST(Format, Decimal) { EXPECT_EQ(to_string("8'd200"_v, Radix::decimal), "200"); }
TEST(Format, DecimalZero) { EXPECT_EQ(to_string(Vec<1024>::zeros(), Radix::decimal), "0"); }
TEST(Format, DecimalAllX) { EXPECT_EQ(to_string(Vec<8>::xs(), Radix::decimal), "x"); }
TEST(Format, DecimalAllZ) { EXPECT_EQ(to_string(Vec<8>::zs(), Radix::decimal), "z"); }
TEST(Format, DecimalSomeX) { EXPECT_EQ(to_string("8'b0000_000x"_v, Radix::decimal), "X"); }
TEST(Format, DecimalSomeZ) { EXPECT_EQ(to_string("8'b0000_000z"_v, Radix::decimal), "Z"); }
TEST(Format, DecimalAcrossWordsWithInnerZeros) {
  EXPECT_EQ(to_string("128'd18446744073709551616"_v, Radix::decimal), "18446744073709551616");
}
TEST(Format, DecimalChunkBoundaryKeepsZeros) {
  EXPECT_EQ(to_string("70'd10000000000000000000"_v, Radix::decimal), "10000000000000000000");
}
TEST(Format, DecimalMax128) {
  EXPECT_EQ(to_string(Vec<128>::ones(), Radix::decimal), "340282366920938463463374607431768211455");
}
TEST(Format, LiteralForm) { EXPECT_EQ(to_literal("8'b1010_xxzz"_v), "8'b1010xxzz"); }
TEST(Format, LiteralFormHex) { EXPECT_EQ(to_literal("12'hf0x"_v, Radix::hex), "12'hf0x"); }
TEST(Format, LiteralRoundTripsWide) {
  const auto v = "200'h123456789abcdef0fedcba98765432100f1e2d3c4b5a6978"_v;
  EXPECT_EQ(Vec<200>::parse(to_literal(v, Radix::hex)), v);
}
TEST(Format, LiteralRoundTripsDecimal) {
  const auto v = "100'd1267650600228229401496703205375"_v;
  EXPECT_EQ(Vec<100>::parse(to_literal(v, Radix::decimal)), v);
}
TEST(Format, LiteralOfPartlyUnknownDigitIsBinary) {
  EXPECT_EQ(to_literal("8'b1x01_0101"_v, Radix::hex), "8'b1x010101");
  EXPECT_EQ(to_literal("6'b10z_111"_v, Radix::octal), "6'b10z111");
  EXPECT_EQ(to_literal("8'b0000_000x"_v, Radix::decimal), "8'b0000000x");
}
TEST(Format, LiteralKeepsRadixForWholeUnknownDigits) {
  EXPECT_EQ(to_literal("8'bxxxx_0101"_v, Radix::hex), "8'hx5");
  EXPECT_EQ(to_literal("9'o7z5"_v, Radix::octal), "9'o7z5");
  EXPECT_EQ(to_literal(Vec<8>::zs(), Radix::decimal), "8'dz");
}

// Random four-state values built digit group by digit group, so that whole-x, whole-z,
// known and mixed groups all occur at every radix's digit size.
template <std::size_t N>
Vec<N> random_four_state(std::mt19937_64& random, std::size_t group) {
  Vec<N> v = Vec<N>::zeros();
  constexpr Logic states[] = {L0, L1, LX, LZ};
  for (std::size_t lsb = 0; lsb < N; lsb += group) {
    const auto kind = random() % 4;  // known, all x, all z, any mix
    for (std::size_t i = lsb; i < std::min(N, lsb + group); ++i) {
      const Logic bit = kind == 0 ? states[random() % 2] : kind == 1 ? LX : kind == 2 ? LZ : states[random() % 4];
      v.set_bit(i, bit);
    }
  }
  return v;
}

template <typename W>
class LiteralRoundTrip : public ::testing::Test {};
TYPED_TEST_SUITE(LiteralRoundTrip, test::AllWidths, test::WidthNames);

TYPED_TEST(LiteralRoundTrip, EveryRadixParsesBackExactly) {
  constexpr std::size_t n = TypeParam::value;
  std::mt19937_64 random(n);
  for (const Radix radix : {Radix::binary, Radix::octal, Radix::hex, Radix::decimal}) {
    for (const std::size_t group : {std::size_t{1}, std::size_t{3}, std::size_t{4}, n}) {
      for (int trial = 0; trial < 200; ++trial) {
        const Vec<n> v = random_four_state<n>(random, group);
        const std::string literal = to_literal(v, radix);
        EXPECT_EQ(Vec<n>::parse(literal), v) << literal;
      }
    }
  }
}

TEST(Format, FmtDefaultIsSizedBinaryLiteral) { EXPECT_EQ(fmt::format("{}", "8'b1010_xxzz"_v), "8'b1010xxzz"); }
TEST(Format, FmtBinaryDigits) { EXPECT_EQ(fmt::format("{:b}", "4'b10xz"_v), "10xz"); }
TEST(Format, FmtHexDigits) { EXPECT_EQ(fmt::format("{:x}", "12'hF?x"_v), "fzx"); }
TEST(Format, FmtOctalDigits) { EXPECT_EQ(fmt::format("{:o}", "6'o17"_v), "17"); }
TEST(Format, FmtDecimalDigits) { EXPECT_EQ(fmt::format("{:d}", "8'd200"_v), "200"); }
TEST(Format, FmtLogic) { EXPECT_EQ(fmt::format("{}{}{}{}", L0, L1, LX, LZ), "01xz"); }
TEST(Format, FmtBadSpecThrows) { EXPECT_THROW((void)fmt::format(fmt::runtime("{:q}"), Vec<4>::zeros()), fmt::format_error); }
TEST(Format, LogicToString) { EXPECT_EQ(to_string(LZ), "z"); }

}  // namespace
}  // namespace tetra
