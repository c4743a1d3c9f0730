#include "sim/values/vec.hpp"

#include <gtest/gtest.h>

#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

template <typename W>
class VecAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(VecAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(VecAllWidths, WordsCoverWidth) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::words, (n + 63) / 64);
}
TYPED_TEST(VecAllWidths, StorageIsInlineAndNarrowUpTo32Bits) {
  constexpr std::size_t n = TypeParam::value;
  const std::size_t plane_bytes = n <= 8 ? 1 : n <= 16 ? 2 : n <= 32 ? 4 : 8 * Vec<n>::words;
  EXPECT_EQ(sizeof(Vec<n>), 2 * plane_bytes);
}
TYPED_TEST(VecAllWidths, DefaultIsAllX) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>(), Vec<n>::xs());
}
TYPED_TEST(VecAllWidths, XsHaveEveryBitX) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::xs().bit(n - 1), LX);
}
TYPED_TEST(VecAllWidths, ZsHaveEveryBitZ) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::zs().bit(n / 2), LZ);
}
TYPED_TEST(VecAllWidths, OnesTopBitIsOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::ones().bit(n - 1), L1);
}
TYPED_TEST(VecAllWidths, UnusedTopBitsStayZero) {
  constexpr std::size_t n = TypeParam::value;
  const auto v = Vec<n>::xs();
  EXPECT_EQ(v.aval(Vec<n>::words - 1), Vec<n>::top_mask);
}
TYPED_TEST(VecAllWidths, SetWordsDropsBitsAboveWidth) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_words(Vec<n>::words - 1, ~std::uint64_t{0}, 0);
  EXPECT_EQ(v.aval(Vec<n>::words - 1), Vec<n>::top_mask);
}
TYPED_TEST(VecAllWidths, SetBitThenReadBack) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, LZ);
  EXPECT_EQ(v.bit(n - 1), LZ);
}
TYPED_TEST(VecAllWidths, SetBitLeavesNeighbours) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::ones();
  v.set_bit(0, LX);
  EXPECT_EQ(v.bit(n - 1), n == 1 ? LX : L1);
}
TYPED_TEST(VecAllWidths, BitOutOfRangeThrows) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_THROW((void)Vec<n>::zeros().bit(n), std::out_of_range);
}
TYPED_TEST(VecAllWidths, ZerosAreKnown) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_TRUE(Vec<n>::zeros().is_known());
}
TYPED_TEST(VecAllWidths, OneZBitIsUnknown) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, LZ);
  EXPECT_FALSE(v.is_known());
}
TYPED_TEST(VecAllWidths, FromUintOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::from_uint(1).bit(0), L1);
}
TYPED_TEST(VecAllWidths, FromIntMinusOneIsOnes) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::from_int(-1), Vec<n>::ones());
}
TYPED_TEST(VecAllWidths, BoolOfZerosIsFalse) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_FALSE(static_cast<bool>(Vec<n>::zeros()));
}
TYPED_TEST(VecAllWidths, BoolWithTopOneAndSomeXIsTrue) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::xs();
  v.set_bit(n - 1, L1);
  EXPECT_TRUE(static_cast<bool>(v));
}
TYPED_TEST(VecAllWidths, BoolOfZerosWithOneXThrows) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, LX);
  EXPECT_THROW((void)static_cast<bool>(v), UnknownValueError);
}
TYPED_TEST(VecAllWidths, IdentityDistinguishesXFromZ) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_NE(Vec<n>::xs(), Vec<n>::zs());
}

TEST(Vec, ConstructorFromUint) { EXPECT_EQ(Vec<8>(200).to_uint64(), 200u); }
TEST(Vec, ConstructorIsConstexpr) { static_assert(Vec<8>(200).to_uint64() == 200u); }
TEST(Vec, FromUintTooLargeThrows) { EXPECT_THROW(Vec<8>::from_uint(256), std::out_of_range); }
TEST(Vec, FromUintTooLargeMessage) {
  try {
    (void)Vec<8>::from_uint(256);
    FAIL() << "no exception";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "value 256 does not fit in 8 bits");
  }
}
TEST(Vec, FromUintFullWord) { EXPECT_EQ(Vec<64>::from_uint(~std::uint64_t{0}), Vec<64>::ones()); }
TEST(Vec, FromUintWideHasZeroHighWords) { EXPECT_EQ(Vec<130>::from_uint(7).aval(2), 0u); }
TEST(Vec, FromIntMostNegative) { EXPECT_EQ(Vec<8>::from_int(-128).to_uint64(), 0x80u); }
TEST(Vec, FromIntTooNegativeThrows) { EXPECT_THROW(Vec<8>::from_int(-129), std::out_of_range); }
TEST(Vec, FromIntTooPositiveThrows) { EXPECT_THROW(Vec<8>::from_int(128), std::out_of_range); }
TEST(Vec, FromIntNegativeWideSignExtends) { EXPECT_EQ(Vec<130>::from_int(-2).aval(2), 3u); }
TEST(Vec, ToInt64SignExtends) { EXPECT_EQ(Vec<8>::from_uint(0xfe).to_int64(), -2); }
TEST(Vec, ToInt64Of64Bits) { EXPECT_EQ(Vec<64>::ones().to_int64(), -1); }
TEST(Vec, ToUintOfUnknownThrows) { EXPECT_THROW((void)Vec<8>::xs().to_uint64(), UnknownValueError); }
TEST(Vec, ToIntOfUnknownThrows) { EXPECT_THROW((void)Vec<8>::zs().to_int64(), UnknownValueError); }
TEST(Vec, ToUintMessageShowsTheValue) {
  auto v = Vec<8>::from_uint(0b1010'0000);
  v.set_words(0, 0b1010'1100, 0b0000'1111);
  try {
    (void)v.to_uint64();
    FAIL() << "no exception";
  } catch (const UnknownValueError& error) {
    EXPECT_STREQ(error.what(), "cannot convert 8'b1010xxzz to an integer: it has unknown bits");
  }
}
TEST(Vec, BoolMessageShowsTheValue) {
  auto v = Vec<4>::zeros();
  v.set_bit(2, LZ);
  try {
    (void)static_cast<bool>(v);
    FAIL() << "no exception";
  } catch (const UnknownValueError& error) {
    EXPECT_STREQ(error.what(), "cannot convert 4'b0z00 to bool: it has unknown bits");
  }
}
TEST(Vec, BitOutOfRangeMessage) {
  try {
    (void)Vec<8>::zeros().bit(8);
    FAIL() << "no exception";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "bit index 8 is out of range for a 8-bit value");
  }
}
TEST(Vec, IsRegularCopy) {
  const auto a = Vec<65>::from_uint(42);
  const Vec<65> b = a;
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace tetra
