#include "sim/values/format.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

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
