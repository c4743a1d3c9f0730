#include "sim/values/value_traits.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(ValueTraits, LogicIsOneBit) { static_assert(width_of<Logic> == 1); }
TEST(ValueTraits, VecWidth) { static_assert(width_of<Vec<65>> == 65); }
TEST(ValueTraits, LogicToBits) { EXPECT_EQ(to_bits(LZ), "1'bz"_v); }
TEST(ValueTraits, LogicFromBits) { EXPECT_EQ(from_bits<Logic>("1'bx"_v), LX); }
TEST(ValueTraits, VecRoundTrip) { EXPECT_EQ(from_bits<Vec<4>>(to_bits("4'b1xz0"_v)), "4'b1xz0"_v); }
TEST(ValueTraits, AllXOfLogic) { EXPECT_EQ(all_x<Logic>(), LX); }
TEST(ValueTraits, AllXOfVec) { EXPECT_EQ(all_x<Vec<100>>(), Vec<100>::xs()); }
TEST(ValueTraits, MergeKeepsAgreeingBits) { EXPECT_EQ(merge_unknown("4'b1100"_v, "4'b1010"_v), "4'b1xx0"_v); }
TEST(ValueTraits, MergeLogicDisagreeing) { EXPECT_EQ(merge_unknown(L0, L1), LX); }
TEST(ValueTraits, IntIsNotAValue) { static_assert(!FourStateValue<int>); }
TEST(ValueTraits, VecIsAValue) { static_assert(FourStateValue<Vec<3>>); }

}  // namespace
}  // namespace tetra
