#include "sim/values/bit_layout.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Concat, TwoPartsFirstIsHigh) { EXPECT_EQ(concat("4'b1x00"_v, "2'b0z"_v), "6'b1x000z"_v); }
TEST(Concat, WidthIsSum) { static_assert(std::is_same_v<decltype(concat(Vec<3>{}, Vec<64>{}, Vec<2>{})), Vec<69>>); }
TEST(Concat, SinglePart) { EXPECT_EQ(concat("3'b1x0"_v), "3'b1x0"_v); }
TEST(Concat, ThreePartsAcrossAWord) {
  EXPECT_EQ(concat("4'hA"_v, "64'h0123_4567_89ab_cdef"_v, "4'hx"_v), "72'ha0123_4567_89ab_cdefx"_v);
}
TEST(Concat, WithSingleBits) { EXPECT_EQ(concat(to_vec(L1), to_vec(LZ), to_vec(L0)), "3'b1z0"_v); }
TEST(Concat, IsConstexpr) { static_assert(concat("2'b10"_v, "2'b01"_v) == "4'b1001"_v); }
TEST(Replicate, Three) { EXPECT_EQ(replicate<3>("2'b1x"_v), "6'b1x1x1x"_v); }
TEST(Replicate, AcrossWords) { EXPECT_EQ(replicate<3>(Vec<64>::ones()), Vec<192>::ones()); }

TEST(Slice, Middle) { EXPECT_EQ((slice<5, 2>("8'b10_xz01_11"_v)), "4'bxz01"_v); }
TEST(Slice, SingleBit) { EXPECT_EQ((slice<7, 7>("8'b1000_0000"_v)), "1'b1"_v); }
TEST(Slice, WidthFromBounds) { static_assert(std::is_same_v<decltype(slice<70, 3>(Vec<100>{})), Vec<68>>); }
TEST(Slice, AcrossWords) { EXPECT_EQ((slice<67, 60>("128'h0000_0000_0000_000a_5000_0000_0000_0000"_v)), "8'ha5"_v); }
TEST(Slice, AssignWritesOnlyTheRange) {
  auto v = "8'b0000_0000"_v;
  assign_slice<5, 2>(v, "4'bxz11"_v);
  EXPECT_EQ(v, "8'b00xz_1100"_v);
}
TEST(Slice, AssignAcrossWords) {
  auto v = Vec<128>::zeros();
  assign_slice<67, 60>(v, "8'ha5"_v);
  EXPECT_EQ(v, "128'h0000_0000_0000_000a_5000_0000_0000_0000"_v);
}
template <std::size_t Hi, std::size_t Lo, typename V>
concept can_slice = requires(V v) { slice<Hi, Lo>(v); };
TEST(Slice, OutOfRangeDoesNotCompile) { static_assert(!can_slice<8, 0, Vec<8>>); }
TEST(Slice, ReversedBoundsDoNotCompile) { static_assert(!can_slice<1, 2, Vec<8>>); }
TEST(Slice, InRangeCompiles) { static_assert(can_slice<7, 0, Vec<8>>); }

TEST(BitSelect, ByInteger) { EXPECT_EQ(bit_select("4'b10z0"_v, 1), LZ); }
TEST(BitSelect, OutOfRangeIsX) { EXPECT_EQ(bit_select("4'b1000"_v, 4), LX); }
TEST(BitSelect, ByVec) { EXPECT_EQ(bit_select("4'b1000"_v, "2'd3"_v), L1); }
TEST(BitSelect, ByVecOutOfRangeIsX) { EXPECT_EQ(bit_select("3'b100"_v, "2'd3"_v), LX); }
TEST(BitSelect, ByUnknownVecIsX) { EXPECT_EQ(bit_select("4'b1111"_v, "2'b1x"_v), LX); }
TEST(BitSelect, ByWideVecIndexIsX) { EXPECT_EQ(bit_select("4'b1111"_v, "65'h1_0000_0000_0000_0000"_v), LX); }
TEST(BitSelect, AcrossWord) { EXPECT_EQ(bit_select(Vec<65>::from_uint(0) | (Vec<65>::from_uint(1) << 64), 64), L1); }

TEST(PartSelect, InRange) { EXPECT_EQ(part_select<4>("8'b1010_0110"_v, 2), "4'b1001"_v); }
TEST(PartSelect, PartlyOutOfRangeReadsX) { EXPECT_EQ(part_select<4>("8'b1010_0110"_v, 6), "4'bxx10"_v); }
TEST(PartSelect, FullyOutOfRangeIsX) { EXPECT_EQ(part_select<4>("8'b1010_0110"_v, 8), Vec<4>::xs()); }
TEST(PartSelect, ByVecBase) { EXPECT_EQ(part_select<2>("8'b1010_0110"_v, "3'd6"_v), "2'b10"_v); }
TEST(PartSelect, ByUnknownBaseIsX) { EXPECT_EQ(part_select<2>("8'b1010_0110"_v, "3'bz10"_v), Vec<2>::xs()); }
TEST(PartSelect, WideAcrossWords) {
  EXPECT_EQ(part_select<8>("128'h0000_0000_0000_000a_5000_0000_0000_0000"_v, 60), "8'ha5"_v);
}
TEST(PartSelect, WiderThanSourcePadsX) { EXPECT_EQ(part_select<70>("4'b1010"_v, 0), concat(Vec<66>::xs(), "4'b1010"_v)); }

TEST(Resize, ZeroExtend) { EXPECT_EQ(zext<8>("4'b1x01"_v), "8'b0000_1x01"_v); }
TEST(Resize, SignExtendOne) { EXPECT_EQ(sext<8>("4'b1x01"_v), "8'b1111_1x01"_v); }
TEST(Resize, SignExtendZero) { EXPECT_EQ(sext<8>("4'b0101"_v), "8'b0000_0101"_v); }
TEST(Resize, SignExtendX) { EXPECT_EQ(sext<8>("4'bx101"_v), "8'bxxxx_x101"_v); }
TEST(Resize, SignExtendZ) { EXPECT_EQ(sext<6>("4'bz101"_v), "6'bzzz101"_v); }
TEST(Resize, SignExtendAcrossWords) { EXPECT_EQ(sext<130>("-64'sd2"_v), "-130'sd2"_v); }
TEST(Resize, ZeroExtendSameWidth) { EXPECT_EQ(zext<4>("4'b1x01"_v), "4'b1x01"_v); }
TEST(Resize, Truncate) { EXPECT_EQ(trunc<3>("8'b1111_0x01"_v), "3'bx01"_v); }
TEST(Resize, TruncateWide) { EXPECT_EQ(trunc<64>(Vec<200>::ones()), Vec<64>::ones()); }
template <std::size_t M, typename V>
concept can_zext = requires(V v) { zext<M>(v); };
template <std::size_t M, typename V>
concept can_trunc = requires(V v) { trunc<M>(v); };
TEST(Resize, ZeroExtendToNarrowerDoesNotCompile) { static_assert(!can_zext<4, Vec<8>>); }
TEST(Resize, TruncateToWiderDoesNotCompile) { static_assert(!can_trunc<9, Vec<8>>); }

template <typename W>
class LayoutAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(LayoutAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(LayoutAllWidths, ConcatThenSliceRecoversHigh) {
  constexpr std::size_t n = TypeParam::value;
  const auto high = Vec<n>::zs();
  EXPECT_EQ((slice<2 * n, n + 1>(concat(high, Vec<1>::ones(), Vec<n>::zeros()))), high);
}
TYPED_TEST(LayoutAllWidths, ZextThenTruncIsIdentity) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::ones();
  v.set_bit(n / 2, LX);
  EXPECT_EQ(trunc<n>(zext<n + 70>(v)), v);
}
TYPED_TEST(LayoutAllWidths, SextOfOnesIsOnes) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(sext<n + 65>(Vec<n>::ones()), Vec<n + 65>::ones());
}
TYPED_TEST(LayoutAllWidths, ReplicateTwiceOfXsIsXs) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(replicate<2>(Vec<n>::xs()), Vec<2 * n>::xs());
}
TYPED_TEST(LayoutAllWidths, TopBitSelect) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(bit_select(Vec<n>::zs(), n - 1), LZ);
}

}  // namespace
}  // namespace tetra
