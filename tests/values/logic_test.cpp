#include "sim/values/logic.hpp"

#include <gtest/gtest.h>

namespace tetra {
namespace {

TEST(Logic, DefaultIsX) { EXPECT_EQ(Logic(), LX); }
TEST(Logic, FromCharZero) { EXPECT_EQ(Logic('0'), L0); }
TEST(Logic, FromCharOne) { EXPECT_EQ(Logic('1'), L1); }
TEST(Logic, FromCharLowerX) { EXPECT_EQ(Logic('x'), LX); }
TEST(Logic, FromCharUpperX) { EXPECT_EQ(Logic('X'), LX); }
TEST(Logic, FromCharLowerZ) { EXPECT_EQ(Logic('z'), LZ); }
TEST(Logic, FromCharUpperZ) { EXPECT_EQ(Logic('Z'), LZ); }
TEST(Logic, QuestionMarkIsZ) { EXPECT_EQ(Logic('?'), LZ); }
TEST(Logic, BadCharThrowsLiteralError) { EXPECT_THROW(Logic('2'), LiteralError); }
TEST(Logic, ConstexprFromChar) { static_assert(Logic('1') == L1); }

TEST(Logic, ToChar) {
  EXPECT_EQ(std::string({L0.to_char(), L1.to_char(), LX.to_char(), LZ.to_char()}), "01xz");
}
TEST(Logic, PlanesFollowVpi) {
  EXPECT_EQ((std::array{L0.aval(), L0.bval(), L1.aval(), L1.bval(), LZ.aval(), LZ.bval(), LX.aval(), LX.bval()}),
            (std::array<std::uint64_t, 8>{0, 0, 1, 0, 0, 1, 1, 1}));
}
TEST(Logic, KnownStates) { EXPECT_TRUE(L0.is_known() && L1.is_known() && !LX.is_known() && !LZ.is_known()); }
TEST(Logic, IdentityEqualityXEqualsX) { EXPECT_EQ(LX, LX); }
TEST(Logic, IdentityEqualityXIsNotZ) { EXPECT_NE(LX, LZ); }

TEST(Logic, BoolOfOne) { EXPECT_TRUE(static_cast<bool>(L1)); }
TEST(Logic, BoolOfZero) { EXPECT_FALSE(static_cast<bool>(L0)); }
TEST(Logic, BoolOfXThrows) { EXPECT_THROW((void)static_cast<bool>(LX), UnknownValueError); }
TEST(Logic, BoolOfZThrows) { EXPECT_THROW((void)static_cast<bool>(LZ), UnknownValueError); }
TEST(Logic, BoolOfXMessageShowsValue) {
  try {
    (void)static_cast<bool>(LX);
    FAIL() << "no exception";
  } catch (const UnknownValueError& error) {
    EXPECT_STREQ(error.what(), "cannot convert 1'bx to bool: it has unknown bits");
  }
}

// The full IEEE 1800 tables (Table 11-7..11-9), in the order 0, 1, x, z for both operands.
std::string table(Logic (*op)(Logic, Logic)) {
  std::string text;
  for (Logic a : {L0, L1, LX, LZ}) {
    for (Logic b : {L0, L1, LX, LZ}) text += op(a, b).to_char();
    text += ' ';
  }
  return text;
}
TEST(Logic, AndTable) { EXPECT_EQ(table([](Logic a, Logic b) { return a & b; }), "0000 01xx 0xxx 0xxx "); }
TEST(Logic, OrTable) { EXPECT_EQ(table([](Logic a, Logic b) { return a | b; }), "01xx 1111 x1xx x1xx "); }
TEST(Logic, XorTable) { EXPECT_EQ(table([](Logic a, Logic b) { return a ^ b; }), "01xx 10xx xxxx xxxx "); }
TEST(Logic, XnorTable) { EXPECT_EQ(table([](Logic a, Logic b) { return xnor(a, b); }), "10xx 01xx xxxx xxxx "); }
TEST(Logic, NotTable) { EXPECT_EQ(std::string({(~L0).to_char(), (~L1).to_char(), (~LX).to_char(), (~LZ).to_char()}), "10xx"); }

}  // namespace
}  // namespace tetra
