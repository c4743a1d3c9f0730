#include "sim/values/select.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TEST(Select, TrueConditionPicksFirst) { EXPECT_EQ(select(L1, "4'b1010"_v, "4'b0110"_v), "4'b1010"_v); }
TEST(Select, FalseConditionPicksSecond) { EXPECT_EQ(select(L0, "4'b1010"_v, "4'b0110"_v), "4'b0110"_v); }
TEST(Select, UnknownConditionKeepsAgreeingBits) { EXPECT_EQ(select(LX, "4'b1010"_v, "4'b0110"_v), "4'bxx10"_v); }
TEST(Select, ZConditionActsLikeX) { EXPECT_EQ(select(LZ, "4'b1010"_v, "4'b0110"_v), "4'bxx10"_v); }
TEST(Select, UnknownConditionZBitsGiveX) { EXPECT_EQ(select(LX, "2'bzz"_v, "2'bz1"_v), "2'bxx"_v); }
TEST(Select, KnownConditionPassesXUnchanged) { EXPECT_EQ(select(L1, "2'bzx"_v, "2'b00"_v), "2'bzx"_v); }
TEST(Select, WideMerge) { EXPECT_EQ(select(LX, Vec<200>::ones(), Vec<200>::ones()), Vec<200>::ones()); }
TEST(Select, LogicAgreeing) { EXPECT_EQ(select(LX, L1, L1), L1); }
TEST(Select, LogicDisagreeing) { EXPECT_EQ(select(LX, L1, L0), LX); }
TEST(Select, LogicBothZ) { EXPECT_EQ(select(LX, LZ, LZ), LX); }
TEST(Select, LogicKnownCondition) { EXPECT_EQ(select(L0, L1, LZ), LZ); }

}  // namespace
}  // namespace tetra
