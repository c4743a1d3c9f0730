#include "sim/values/counting.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Counting, Ones) { EXPECT_EQ(count_ones("8'b1x1z_0011"_v), 4u); }
TEST(Counting, Zeros) { EXPECT_EQ(count_zeros("8'b1x1z_0011"_v), 2u); }
TEST(Counting, Unknowns) { EXPECT_EQ(count_unknowns("8'b1x1z_0011"_v), 2u); }
TEST(Counting, OnehotExactlyOne) { EXPECT_TRUE(onehot("4'b0100"_v)); }
TEST(Counting, OnehotTwoIsFalse) { EXPECT_FALSE(onehot("4'b0110"_v)); }
TEST(Counting, OnehotZeroIsFalse) { EXPECT_FALSE(onehot("4'b0000"_v)); }
TEST(Counting, OnehotIgnoresUnknownBits) { EXPECT_TRUE(onehot("4'bx10z"_v)); }
TEST(Counting, Onehot0ZeroIsTrue) { EXPECT_TRUE(onehot0("4'b0000"_v)); }
TEST(Counting, Onehot0TwoIsFalse) { EXPECT_FALSE(onehot0("4'b1001"_v)); }

TEST(Counting, Clz) { EXPECT_EQ(clz("8'b0001_0110"_v), "4'd3"_v); }
TEST(Counting, ClzOfZeroIsWidth) { EXPECT_EQ(clz("8'b0"_v), "4'd8"_v); }
TEST(Counting, ClzUnknownIsAllX) { EXPECT_EQ(clz("8'b1000_000x"_v), Vec<4>::xs()); }
TEST(Counting, ClzWide) { EXPECT_EQ(clz(Vec<200>::from_uint(1) << 70), "8'd129"_v); }
TEST(Counting, Ctz) { EXPECT_EQ(ctz("8'b0001_0100"_v), "4'd2"_v); }
TEST(Counting, CtzOfZeroIsWidth) { EXPECT_EQ(ctz("8'b0"_v), "4'd8"_v); }
TEST(Counting, CtzWide) { EXPECT_EQ(ctz(Vec<200>::from_uint(1) << 130), "8'd130"_v); }
TEST(Counting, CtzUnknownIsAllX) { EXPECT_EQ(ctz("8'bz"_v), Vec<4>::xs()); }
TEST(Counting, CountWidthHoldsWidth) { static_assert(count_width<8> == 4 && count_width<7> == 3 && count_width<1> == 1); }
TEST(Counting, IndexWidthHoldsLastIndex) { static_assert(index_width<8> == 3 && index_width<1> == 1 && index_width<65> == 7); }

TEST(Encode, PriorityPicksHighestOne) { EXPECT_EQ(priority_encode("8'b0010_0110"_v), "3'd5"_v); }
TEST(Encode, PriorityOfZeroIsZero) { EXPECT_EQ(priority_encode("8'b0"_v), "3'd0"_v); }
TEST(Encode, PriorityUnknownIsAllX) { EXPECT_EQ(priority_encode("8'b1000_000x"_v), Vec<3>::xs()); }
TEST(Encode, PriorityWide) { EXPECT_EQ(priority_encode(Vec<1024>::from_uint(1) << 1000), "10'd1000"_v); }
TEST(Decode, OneHot) { EXPECT_EQ(decode("3'd5"_v), "8'b0010_0000"_v); }
TEST(Decode, UnknownIsAllX) { EXPECT_EQ(decode("2'b1x"_v), Vec<4>::xs()); }
TEST(Decode, RoundTripsWithPriorityEncode) { EXPECT_EQ(priority_encode(decode("7'd100"_v)), "7'd100"_v); }

template <typename W>
class CountingAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(CountingAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(CountingAllWidths, OnesOfOnesIsWidth) { EXPECT_EQ(count_ones(Vec<TypeParam::value>::ones()), TypeParam::value); }
TYPED_TEST(CountingAllWidths, ZerosOfZerosIsWidth) { EXPECT_EQ(count_zeros(Vec<TypeParam::value>::zeros()), TypeParam::value); }
TYPED_TEST(CountingAllWidths, ZerosOfOnesIsNone) { EXPECT_EQ(count_zeros(Vec<TypeParam::value>::ones()), 0u); }
TYPED_TEST(CountingAllWidths, UnknownsOfZsIsWidth) { EXPECT_EQ(count_unknowns(Vec<TypeParam::value>::zs()), TypeParam::value); }
TYPED_TEST(CountingAllWidths, ClzOfTopBitIsZero) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(clz(Vec<n>::ones()), Vec<count_width<n>>::zeros());
}
TYPED_TEST(CountingAllWidths, ClzOfOneIsWidthMinusOne) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(clz(Vec<n>::from_uint(1)), Vec<count_width<n>>::from_uint(n - 1));
}
TYPED_TEST(CountingAllWidths, CtzOfTopBitIsWidthMinusOne) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, L1);
  EXPECT_EQ(ctz(v), Vec<count_width<n>>::from_uint(n - 1));
}
TYPED_TEST(CountingAllWidths, PriorityOfOnesIsTopIndex) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(priority_encode(Vec<n>::ones()), Vec<index_width<n>>::from_uint(n - 1));
}

}  // namespace
}  // namespace tetra
