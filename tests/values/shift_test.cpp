#include "sim/values/shift.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"
#include "tests/values/test_widths.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Shift, LeftMovesStatesWithBits) { EXPECT_EQ("8'b0001_xz01"_v << 2, "8'b01xz_0100"_v); }
TEST(Shift, RightZeroFills) { EXPECT_EQ("8'b1x00_0000"_v >> 3, "8'b0001_x000"_v); }
TEST(Shift, ByWidthIsZero) { EXPECT_EQ("8'hff"_v << 8, "8'h00"_v); }
TEST(Shift, RightByHugeIsZero) { EXPECT_EQ("8'hff"_v >> 1000, "8'h00"_v); }
TEST(Shift, ByZeroIsIdentity) { EXPECT_EQ("8'b1x0z_1111"_v << 0, "8'b1x0z_1111"_v); }
TEST(Shift, ArithmeticCopiesSignOne) { EXPECT_EQ(ashr("8'b1000_0000"_v, 3), "8'b1111_0000"_v); }
TEST(Shift, ArithmeticCopiesSignZero) { EXPECT_EQ(ashr("8'b0100_0000"_v, 3), "8'b0000_1000"_v); }
TEST(Shift, ArithmeticCopiesSignX) { EXPECT_EQ(ashr("8'bx000_1111"_v, 3), "8'bxxxx_0001"_v); }
TEST(Shift, ArithmeticByWidthFillsSign) { EXPECT_EQ(ashr("8'b1000_0000"_v, 99), "8'hff"_v); }
TEST(Shift, ByVecAmount) { EXPECT_EQ("8'b0000_0011"_v << "3'd2"_v, "8'b0000_1100"_v); }
TEST(Shift, ByUnknownAmountIsAllX) { EXPECT_EQ("8'b0000_0011"_v << "3'b0x0"_v, Vec<8>::xs()); }
TEST(Shift, RightByUnknownAmountIsAllX) { EXPECT_EQ("8'b0000_0011"_v >> "3'bz"_v, Vec<8>::xs()); }
TEST(Shift, ArithmeticByVecAmount) { EXPECT_EQ(ashr("8'h80"_v, "4'd4"_v), "8'hf8"_v); }
TEST(Shift, ArithmeticByUnknownIsAllX) { EXPECT_EQ(ashr("8'h80"_v, "4'bx"_v), Vec<8>::xs()); }
TEST(Shift, ByWideAmountWithHighBitsIsZero) {
  EXPECT_EQ("8'hff"_v << "65'h1_0000_0000_0000_0000"_v, "8'h00"_v);
}
TEST(Shift, RotateLeft) { EXPECT_EQ(rotl("8'b1000_0x01"_v, 1), "8'b0000_x011"_v); }
TEST(Shift, RotateRight) { EXPECT_EQ(rotr("8'b1000_0x01"_v, 1), "8'b1100_00x0"_v); }
TEST(Shift, RotateByWidthIsIdentity) { EXPECT_EQ(rotl("8'b1000_0x01"_v, 8), "8'b1000_0x01"_v); }
TEST(Shift, RotateByMoreThanWidthWraps) { EXPECT_EQ(rotr("8'b0000_0001"_v, 9), "8'b1000_0000"_v); }
TEST(Shift, RotateByVecAmount) { EXPECT_EQ(rotl("8'b1000_0001"_v, "4'd9"_v), "8'b0000_0011"_v); }
TEST(Shift, RotateRightByVecAmount) { EXPECT_EQ(rotr("8'b1000_0001"_v, "4'd9"_v), "8'b1100_0000"_v); }
TEST(Shift, RotateByUnknownIsAllX) { EXPECT_EQ(rotl("8'b1000_0001"_v, "4'bx"_v), Vec<8>::xs()); }
TEST(Shift, RotateByWideVecAmountReducesModWidth) {
  // 2^64 + 1 = 3 (mod 7) for a 7-bit rotate.
  EXPECT_EQ(rotl("7'b000_0001"_v, "65'h1_0000_0000_0000_0001"_v), "7'b000_1000"_v);
}
TEST(ShiftWide, LeftAcrossWordBoundary) {
  EXPECT_EQ("128'h0000_0000_0000_0000_8000_0000_0000_0001"_v << 1, "128'h0000_0000_0000_0001_0000_0000_0000_0002"_v);
}
TEST(ShiftWide, RightByMoreThanAWord) {
  EXPECT_EQ((Vec<200>::from_uint(0xab) << 150) >> 68, Vec<200>::from_uint(0xab) << 82);
}
TEST(ShiftWide, ArithmeticWide) {
  EXPECT_EQ(ashr("130'b10"_v << 128, 65), "130'h3_ffff_ffff_ffff_ffff_0000_0000_0000_0000"_v);
}

template <typename W>
class ShiftAllWidths : public ::testing::Test {};
TYPED_TEST_SUITE(ShiftAllWidths, test::AllWidths, test::WidthNames);

TYPED_TEST(ShiftAllWidths, OneShiftedToTopIsTopBit) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ((Vec<n>::from_uint(1) << (n - 1)).bit(n - 1), L1);
}
TYPED_TEST(ShiftAllWidths, TopBitShiftedDownIsOne) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, L1);
  EXPECT_EQ(v >> (n - 1), Vec<n>::from_uint(1));
}
TYPED_TEST(ShiftAllWidths, ShiftOutEverythingIsZero) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(Vec<n>::xs() << n, Vec<n>::zeros());
}
TYPED_TEST(ShiftAllWidths, ArithmeticOfOnesIsOnes) {
  constexpr std::size_t n = TypeParam::value;
  EXPECT_EQ(ashr(Vec<n>::ones(), n / 2), Vec<n>::ones());
}
TYPED_TEST(ShiftAllWidths, RotateTopToBottom) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::zeros();
  v.set_bit(n - 1, LZ);
  EXPECT_EQ(rotl(v, 1).bit(0), LZ);
}
TYPED_TEST(ShiftAllWidths, RotateRightUndoesLeft) {
  constexpr std::size_t n = TypeParam::value;
  auto v = Vec<n>::from_uint(1);
  v.set_bit(n / 3, LX);
  EXPECT_EQ(rotr(rotl(v, 5), 5), v);
}

}  // namespace
}  // namespace tetra
