#include "sim/values/bitwise.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

// Operands cover every pair of states: a = 0000 1111 xxxx zzzz, b = 01xz repeated.
constexpr auto a = "16'b0000_1111_xxxx_zzzz"_v;
constexpr auto b = "16'b01xz_01xz_01xz_01xz"_v;

TEST(Bitwise, Not) { EXPECT_EQ(~"4'b01xz"_v, "4'b10xx"_v); }
TEST(Bitwise, AndTable) { EXPECT_EQ(a & b, "16'b0000_01xx_0xxx_0xxx"_v); }
TEST(Bitwise, OrTable) { EXPECT_EQ(a | b, "16'b01xx_1111_x1xx_x1xx"_v); }
TEST(Bitwise, XorTable) { EXPECT_EQ(a ^ b, "16'b01xx_10xx_xxxx_xxxx"_v); }
TEST(Bitwise, XnorTable) { EXPECT_EQ(xnor(a, b), "16'b10xx_01xx_xxxx_xxxx"_v); }
TEST(Bitwise, IsConstexpr) { static_assert((a & b) == "16'b0000_01xx_0xxx_0xxx"_v); }
TEST(Bitwise, AndAssign) {
  auto v = "4'b1111"_v;
  v &= "4'b10x0"_v;
  EXPECT_EQ(v, "4'b10x0"_v);
}
TEST(Bitwise, OrAssign) {
  auto v = "4'b0000"_v;
  v |= "4'b10z0"_v;
  EXPECT_EQ(v, "4'b10x0"_v);
}
TEST(Bitwise, XorAssign) {
  auto v = "4'b1100"_v;
  v ^= "4'b1010"_v;
  EXPECT_EQ(v, "4'b0110"_v);
}

template <typename W>
class BitwiseAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(BitwiseAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(BitwiseAllWidths, NotZerosIsOnes) { EXPECT_EQ(~Vec<TypeParam::value>::zeros(), Vec<TypeParam::value>::ones()); }
TYPED_TEST(BitwiseAllWidths, NotZIsX) { EXPECT_EQ(~Vec<TypeParam::value>::zs(), Vec<TypeParam::value>::xs()); }
TYPED_TEST(BitwiseAllWidths, ZeroAndXIsZero) {
  EXPECT_EQ(Vec<TypeParam::value>::zeros() & Vec<TypeParam::value>::xs(), Vec<TypeParam::value>::zeros());
}
TYPED_TEST(BitwiseAllWidths, OneAndZIsX) {
  EXPECT_EQ(Vec<TypeParam::value>::ones() & Vec<TypeParam::value>::zs(), Vec<TypeParam::value>::xs());
}
TYPED_TEST(BitwiseAllWidths, OneOrXIsOne) {
  EXPECT_EQ(Vec<TypeParam::value>::ones() | Vec<TypeParam::value>::xs(), Vec<TypeParam::value>::ones());
}
TYPED_TEST(BitwiseAllWidths, ZeroOrZIsX) {
  EXPECT_EQ(Vec<TypeParam::value>::zeros() | Vec<TypeParam::value>::zs(), Vec<TypeParam::value>::xs());
}
TYPED_TEST(BitwiseAllWidths, XorSelfOfOnesIsZeros) {
  EXPECT_EQ(Vec<TypeParam::value>::ones() ^ Vec<TypeParam::value>::ones(), Vec<TypeParam::value>::zeros());
}
TYPED_TEST(BitwiseAllWidths, XnorWithXIsX) {
  EXPECT_EQ(xnor(Vec<TypeParam::value>::ones(), Vec<TypeParam::value>::xs()), Vec<TypeParam::value>::xs());
}
TYPED_TEST(BitwiseAllWidths, ReduceAndOnes) { EXPECT_EQ(reduce_and(Vec<TypeParam::value>::ones()), L1); }
TYPED_TEST(BitwiseAllWidths, ReduceAndTopBitZeroIsZero) {
  auto v = Vec<TypeParam::value>::xs();
  v.set_bit(TypeParam::value - 1, L0);
  EXPECT_EQ(reduce_and(v), L0);
}
TYPED_TEST(BitwiseAllWidths, ReduceOrTopBitOneIsOne) {
  auto v = Vec<TypeParam::value>::zs();
  v.set_bit(TypeParam::value - 1, L1);
  EXPECT_EQ(reduce_or(v), L1);
}
TYPED_TEST(BitwiseAllWidths, ReduceOrZerosIsZero) { EXPECT_EQ(reduce_or(Vec<TypeParam::value>::zeros()), L0); }
TYPED_TEST(BitwiseAllWidths, ReduceXorOnesIsWidthParity) {
  EXPECT_EQ(reduce_xor(Vec<TypeParam::value>::ones()), TypeParam::value % 2 == 1 ? L1 : L0);
}
TYPED_TEST(BitwiseAllWidths, ReduceXorWithOneUnknownIsX) {
  auto v = Vec<TypeParam::value>::zeros();
  v.set_bit(TypeParam::value - 1, LZ);
  EXPECT_EQ(reduce_xor(v), LX);
}

TEST(Reduction, AndWithXNoZeroIsX) { EXPECT_EQ(reduce_and("4'b11x1"_v), LX); }
TEST(Reduction, AndWithZeroIsZero) { EXPECT_EQ(reduce_and("4'b0zx1"_v), L0); }
TEST(Reduction, OrWithZNoOneIsX) { EXPECT_EQ(reduce_or("4'b00z0"_v), LX); }
TEST(Reduction, OrWithOneIsOne) { EXPECT_EQ(reduce_or("4'bx1z0"_v), L1); }
TEST(Reduction, XorParity) { EXPECT_EQ(reduce_xor("4'b1011"_v), L1); }
TEST(Reduction, Nand) { EXPECT_EQ(reduce_nand("4'b1111"_v), L0); }
TEST(Reduction, NandUnknown) { EXPECT_EQ(reduce_nand("4'b11x1"_v), LX); }
TEST(Reduction, Nor) { EXPECT_EQ(reduce_nor("4'b0000"_v), L1); }
TEST(Reduction, Xnor) { EXPECT_EQ(reduce_xnor("4'b1011"_v), L0); }

TEST(Logical, NotOfZeroIsOne) { EXPECT_EQ(logical_not("4'b0000"_v), L1); }
TEST(Logical, NotOfNonZeroIsZero) { EXPECT_EQ(logical_not("4'b0x10"_v), L0); }
TEST(Logical, NotOfUnknownIsX) { EXPECT_EQ(logical_not("4'b0z00"_v), LX); }
TEST(Logical, BangOperator) { EXPECT_EQ(!"4'b0000"_v, L1); }
TEST(Logical, AndDifferentWidths) { EXPECT_EQ(logical_and("4'b0100"_v, "9'd3"_v), L1); }
TEST(Logical, AndFalseDominatesUnknown) { EXPECT_EQ(logical_and("4'b0000"_v, "2'bxx"_v), L0); }
TEST(Logical, AndTrueWithUnknownIsX) { EXPECT_EQ(logical_and("4'b0001"_v, "2'bx0"_v), LX); }
TEST(Logical, OrTrueDominatesUnknown) { EXPECT_EQ(logical_or("2'bz0"_v, "3'b100"_v), L1); }
TEST(Logical, OrFalseWithUnknownIsX) { EXPECT_EQ(logical_or("2'bz0"_v, "3'b000"_v), LX); }
TEST(Logical, OrWithLogic) { EXPECT_EQ(logical_or(L0, "3'b000"_v), L0); }
TEST(Logical, TruthOfZIsX) { EXPECT_EQ(truth(LZ), LX); }

// Static widths: mismatched operands do not compile.
template <typename A, typename B>
concept can_and = requires(A x, B y) { x & y; };
template <typename A, typename B>
concept can_or = requires(A x, B y) { x | y; };
template <typename A, typename B>
concept can_xor = requires(A x, B y) { x ^ y; };
TEST(Bitwise, SameWidthsCompile) { static_assert(can_and<Vec<8>, Vec<8>>); }
TEST(Bitwise, MismatchedAndDoesNotCompile) { static_assert(!can_and<Vec<8>, Vec<9>>); }
TEST(Bitwise, MismatchedOrDoesNotCompile) { static_assert(!can_or<Vec<64>, Vec<65>>); }
TEST(Bitwise, MismatchedXorDoesNotCompile) { static_assert(!can_xor<Vec<1>, Vec<2>>); }
TEST(Bitwise, IntegerOperandDoesNotCompile) { static_assert(!can_and<Vec<8>, int>); }

}  // namespace
}  // namespace tetra
