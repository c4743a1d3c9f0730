#include "sim/values/compare.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Equality, EqualKnown) { EXPECT_EQ(eq("4'b1010"_v, "4'b1010"_v), L1); }
TEST(Equality, DifferentKnown) { EXPECT_EQ(eq("4'b1010"_v, "4'b1011"_v), L0); }
TEST(Equality, UnknownWithoutDifferenceIsX) { EXPECT_EQ(eq("4'b1x10"_v, "4'b1010"_v), LX); }
TEST(Equality, KnownDifferenceBeatsUnknown) { EXPECT_EQ(eq("4'b1x10"_v, "4'b0010"_v), L0); }
TEST(Equality, XEqualsXIsX) { EXPECT_EQ(eq("2'bxx"_v, "2'bxx"_v), LX); }
TEST(Equality, ZEqualsZIsX) { EXPECT_EQ(eq("1'bz"_v, "1'bz"_v), LX); }
TEST(Equality, NotEqual) { EXPECT_EQ(ne("4'b1010"_v, "4'b1011"_v), L1); }
TEST(Equality, NotEqualUnknown) { EXPECT_EQ(ne("4'bz010"_v, "4'b1010"_v), LX); }
TEST(Equality, CaseEqualityMatchesX) { EXPECT_TRUE(case_eq("4'b1x0z"_v, "4'b1x0z"_v)); }
TEST(Equality, CaseEqualityDistinguishesXAndZ) { EXPECT_FALSE(case_eq("1'bx"_v, "1'bz"_v)); }
TEST(Equality, CaseInequality) { EXPECT_TRUE(case_ne("1'bx"_v, "1'b0"_v)); }
TEST(Equality, OperatorEqualsIsIdentity) { EXPECT_TRUE("3'bx1z"_v == "3'bx1z"_v); }

TEST(Wildcard, XInPatternMatchesAnything) { EXPECT_EQ(wildcard_eq("4'b1011"_v, "4'b10xx"_v), L1); }
TEST(Wildcard, ZInPatternMatchesAnything) { EXPECT_EQ(wildcard_eq("4'b10x1"_v, "4'b10zz"_v), L1); }
TEST(Wildcard, KnownDifference) { EXPECT_EQ(wildcard_eq("4'b0011"_v, "4'b10xx"_v), L0); }
TEST(Wildcard, UnknownInValueAtComparedBitIsX) { EXPECT_EQ(wildcard_eq("4'bx011"_v, "4'b10xx"_v), LX); }
TEST(Wildcard, KnownDifferenceBeatsUnknown) { EXPECT_EQ(wildcard_eq("4'bx111"_v, "4'b10xx"_v), L0); }
TEST(Wildcard, NotEqual) { EXPECT_EQ(wildcard_ne("4'b0011"_v, "4'b10xx"_v), L1); }

TEST(Casez, ZInPatternIsDontCare) { EXPECT_TRUE(casez_match("4'b1011"_v, "4'b10??"_v)); }
TEST(Casez, ZInValueIsDontCare) { EXPECT_TRUE(casez_match("4'b1z11"_v, "4'b1011"_v)); }
TEST(Casez, XMustMatchExactly) { EXPECT_TRUE(casez_match("4'b1x11"_v, "4'b1x11"_v)); }
TEST(Casez, XDoesNotMatchKnown) { EXPECT_FALSE(casez_match("4'b1x11"_v, "4'b1011"_v)); }
TEST(Casez, KnownMismatch) { EXPECT_FALSE(casez_match("4'b0011"_v, "4'b10??"_v)); }

TEST(Relational, UnsignedLess) { EXPECT_EQ(ult("8'd3"_v, "8'd200"_v), L1); }
TEST(Relational, UnsignedLessFalse) { EXPECT_EQ(ult("8'd200"_v, "8'd3"_v), L0); }
TEST(Relational, UnsignedLessEqualSame) { EXPECT_EQ(ule("8'd7"_v, "8'd7"_v), L1); }
TEST(Relational, UnsignedGreater) { EXPECT_EQ(ugt("8'd200"_v, "8'd3"_v), L1); }
TEST(Relational, UnsignedGreaterEqual) { EXPECT_EQ(uge("8'd3"_v, "8'd200"_v), L0); }
TEST(Relational, SignedNegativeIsLess) { EXPECT_EQ(slt("8'd200"_v, "8'd3"_v), L1); }
TEST(Relational, SignedBothNegative) { EXPECT_EQ(slt("-8'sd5"_v, "-8'sd3"_v), L1); }
TEST(Relational, SignedLessEqual) { EXPECT_EQ(sle("-8'sd5"_v, "-8'sd5"_v), L1); }
TEST(Relational, SignedGreater) { EXPECT_EQ(sgt("8'sd1"_v, "-8'sd1"_v), L1); }
TEST(Relational, SignedGreaterEqual) { EXPECT_EQ(sge("-8'sd128"_v, "8'sd127"_v), L0); }
TEST(Relational, UnknownOperandIsX) { EXPECT_EQ(ult("8'b0000_000x"_v, "8'd200"_v), LX); }
TEST(Relational, ZOperandIsX) { EXPECT_EQ(sge("8'd0"_v, "8'bz"_v), LX); }
TEST(Relational, WideComparesHighWordFirst) {
  EXPECT_EQ(ult("65'h0_ffff_ffff_ffff_ffff"_v, "65'h1_0000_0000_0000_0000"_v), L1);
}
TEST(Relational, WideSigned) { EXPECT_EQ(slt("65'h1_0000_0000_0000_0000"_v, "65'h0_0000_0000_0000_0001"_v), L1); }

template <typename W>
class CompareAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(CompareAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(CompareAllWidths, OnesEqualOnes) { EXPECT_EQ(eq(Vec<TypeParam::value>::ones(), Vec<TypeParam::value>::ones()), L1); }
TYPED_TEST(CompareAllWidths, TopBitDifferenceFound) {
  auto v = Vec<TypeParam::value>::zeros();
  v.set_bit(TypeParam::value - 1, L1);
  EXPECT_EQ(eq(v, Vec<TypeParam::value>::zeros()), L0);
}
TYPED_TEST(CompareAllWidths, ZerosLessThanOnesUnsigned) {
  EXPECT_EQ(ult(Vec<TypeParam::value>::zeros(), Vec<TypeParam::value>::ones()), L1);
}
TYPED_TEST(CompareAllWidths, OnesLessThanZerosSigned) {
  EXPECT_EQ(slt(Vec<TypeParam::value>::ones(), Vec<TypeParam::value>::zeros()), L1);
}
TYPED_TEST(CompareAllWidths, WildcardAllXPatternMatchesOnes) {
  EXPECT_EQ(wildcard_eq(Vec<TypeParam::value>::ones(), Vec<TypeParam::value>::xs()), L1);
}

}  // namespace
}  // namespace tetra
