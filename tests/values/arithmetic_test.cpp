#include "sim/values/arithmetic.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Arithmetic, Add) { EXPECT_EQ("8'd100"_v + "8'd55"_v, "8'd155"_v); }
TEST(Arithmetic, AddWraps) { EXPECT_EQ("8'd200"_v + "8'd100"_v, "8'd44"_v); }
TEST(Arithmetic, AddIsConstexpr) { static_assert("8'd1"_v + "8'd2"_v == "8'd3"_v); }
TEST(Arithmetic, AddWithXIsAllX) { EXPECT_EQ("8'b0000_000x"_v + "8'd1"_v, Vec<8>::xs()); }
TEST(Arithmetic, AddWithZIsAllX) { EXPECT_EQ("8'd1"_v + "8'bz000_0000"_v, Vec<8>::xs()); }
TEST(Arithmetic, Subtract) { EXPECT_EQ("8'd100"_v - "8'd55"_v, "8'd45"_v); }
TEST(Arithmetic, SubtractWraps) { EXPECT_EQ("8'd0"_v - "8'd1"_v, "8'd255"_v); }
TEST(Arithmetic, SubtractWithXIsAllX) { EXPECT_EQ("8'd9"_v - "8'bx"_v, Vec<8>::xs()); }
TEST(Arithmetic, Negate) { EXPECT_EQ(-"8'd1"_v, "8'hff"_v); }
TEST(Arithmetic, NegateUnknownIsAllX) { EXPECT_EQ(-"8'b1z"_v, Vec<8>::xs()); }
TEST(Arithmetic, Multiply) { EXPECT_EQ("8'd12"_v * "8'd11"_v, "8'd132"_v); }
TEST(Arithmetic, MultiplyKeepsLowBits) { EXPECT_EQ("8'd16"_v * "8'd17"_v, "8'd16"_v); }
TEST(Arithmetic, MultiplyWithXIsAllX) { EXPECT_EQ("8'd0"_v * "8'bx"_v, Vec<8>::xs()); }
TEST(Arithmetic, Divide) { EXPECT_EQ("8'd200"_v / "8'd7"_v, "8'd28"_v); }
TEST(Arithmetic, Remainder) { EXPECT_EQ("8'd200"_v % "8'd7"_v, "8'd4"_v); }
TEST(Arithmetic, DivideByZeroIsAllX) { EXPECT_EQ("8'd200"_v / "8'd0"_v, Vec<8>::xs()); }
TEST(Arithmetic, RemainderByZeroIsAllX) { EXPECT_EQ("8'd200"_v % "8'd0"_v, Vec<8>::xs()); }
TEST(Arithmetic, DivideUnknownIsAllX) { EXPECT_EQ("8'bx"_v / "8'd3"_v, Vec<8>::xs()); }
TEST(Arithmetic, SignedDivideTruncatesTowardZero) { EXPECT_EQ(sdiv("-8'sd7"_v, "8'sd2"_v), "-8'sd3"_v); }
TEST(Arithmetic, SignedDivideBothNegative) { EXPECT_EQ(sdiv("-8'sd7"_v, "-8'sd2"_v), "8'sd3"_v); }
TEST(Arithmetic, SignedDivideOverflowWraps) { EXPECT_EQ(sdiv("-8'sd128"_v, "-8'sd1"_v), "-8'sd128"_v); }
TEST(Arithmetic, SignedRemainderTakesDividendSign) { EXPECT_EQ(srem("-8'sd7"_v, "8'sd2"_v), "-8'sd1"_v); }
TEST(Arithmetic, SignedRemainderPositiveDividend) { EXPECT_EQ(srem("8'sd7"_v, "-8'sd2"_v), "8'sd1"_v); }
TEST(Arithmetic, SignedDivideByZeroIsAllX) { EXPECT_EQ(sdiv("8'sd7"_v, "8'sd0"_v), Vec<8>::xs()); }
TEST(Arithmetic, CompoundAdd) {
  auto v = "8'd1"_v;
  v += "8'd2"_v;
  EXPECT_EQ(v, "8'd3"_v);
}
TEST(Arithmetic, CompoundSubtract) {
  auto v = "8'd1"_v;
  v -= "8'd2"_v;
  EXPECT_EQ(v, "8'd255"_v);
}
TEST(Arithmetic, CompoundMultiply) {
  auto v = "8'd3"_v;
  v *= "8'd5"_v;
  EXPECT_EQ(v, "8'd15"_v);
}

// Multi-word values, checked against Python's integers.
constexpr auto wide_a = "200'h123456789abcdef0fedcba98765432100f1e2d3c4b5a6978"_v;
constexpr auto wide_b = "200'hfedcba98765432100123456789abcdef"_v;
TEST(ArithmeticWide, AddCarriesAcrossWords) {
  EXPECT_EQ(wide_a + wide_b, "200'h123456789abcdef1fdb97530eca86420104172a3d5063767"_v);
}
TEST(ArithmeticWide, SubtractBorrowsAcrossWords) {
  EXPECT_EQ(wide_b - wide_a, "200'hffedcba9876543210ffffffffffffffffff205182b3e516477"_v);
}
TEST(ArithmeticWide, Multiply) { EXPECT_EQ(wide_a * wide_b, "200'h9ab979813701466cebbcf4dbfada01fb4e563502bf6b058f08"_v); }
TEST(ArithmeticWide, Divide) { EXPECT_EQ(wide_a / wide_b, "200'h1249249249249238"_v); }
TEST(ArithmeticWide, Remainder) { EXPECT_EQ(wide_a % wide_b, "200'heb46b46b46b46b4834e889e215b70f30"_v); }
TEST(ArithmeticWide, SignedDivide) {
  EXPECT_EQ(sdiv("128'hfedcba9876543210fedcba9876543211"_v, "128'h1000000000000000f"_v),
            "128'hfffffffffffffffffedcba9876543212"_v);
}
TEST(ArithmeticWide, SignedRemainder) {
  EXPECT_EQ(srem("128'hfedcba9876543210fedcba9876543211"_v, "128'h1000000000000000f"_v),
            "128'hffffffffffffffff0fedcba987654303"_v);
}
TEST(ArithmeticWide, DivideFullWordWidthNeedsTopBit) {
  EXPECT_EQ("128'hffffffffffffffffffffffffffffffff"_v / "128'h80000000000000000000000000000000"_v, "128'd1"_v);
}

template <typename W>
class ArithmeticAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(ArithmeticAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(ArithmeticAllWidths, OnesPlusOneWrapsToZero) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones() + Vec<n>::from_uint(1), Vec<n>::zeros());
}
TYPED_TEST(ArithmeticAllWidths, ZeroMinusOneIsOnes) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::zeros() - Vec<n>::from_uint(1), Vec<n>::ones());
}
TYPED_TEST(ArithmeticAllWidths, OnesTimesOnesIsOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones() * Vec<n>::ones(), Vec<n>::from_uint(1));
}
TYPED_TEST(ArithmeticAllWidths, OnesDividedByOnesIsOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones() / Vec<n>::ones(), Vec<n>::from_uint(1));
}
TYPED_TEST(ArithmeticAllWidths, OnesModOnesIsZero) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones() % Vec<n>::ones(), Vec<n>::zeros());
}
TYPED_TEST(ArithmeticAllWidths, DivideByZeroIsAllX) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones() / Vec<n>::zeros(), Vec<n>::xs());
}
TYPED_TEST(ArithmeticAllWidths, OneUnknownBitPoisonsTheSum) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, LZ);
  EXPECT_EQ(v + Vec<n>::zeros(), Vec<n>::xs());
}
TYPED_TEST(ArithmeticAllWidths, NegateOneIsOnes) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(-Vec<n>::from_uint(1), Vec<n>::ones());
}
TYPED_TEST(ArithmeticAllWidths, SignedMinusOneDividedByOneIsMinusOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(sdiv(Vec<n>::ones(), Vec<n>::from_uint(1)), Vec<n>::ones());
}

template <typename A, typename B>
concept can_add = requires(A x, B y) { x + y; };
TEST(Arithmetic, MismatchedWidthsDoNotCompile) { static_assert(!can_add<Vec<8>, Vec<16>>); }

}  // namespace
}  // namespace tetra
