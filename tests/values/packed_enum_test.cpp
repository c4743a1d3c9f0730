#include "sim/values/packed_enum.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TETRA_PACKED_ENUM(State, 2, Idle, Busy, Done);
TETRA_PACKED_ENUM(Opcode, 4, Add = 1, Sub, Load = 0x8, Store = 0b1111);

TEST(PackedEnum, DefaultIsAllX) { EXPECT_EQ(State().bits(), Vec<2>::xs()); }
TEST(PackedEnum, FromCode) { EXPECT_EQ(State(State::Busy).bits(), "2'd1"_v); }
TEST(PackedEnum, ImplicitFromCode) {
  const State state = State::Done;
  EXPECT_EQ(state.bits(), "2'd2"_v);
}
TEST(PackedEnum, Name) { EXPECT_EQ(State(State::Busy).name(), "Busy"); }
TEST(PackedEnum, UnknownHasNoName) { EXPECT_EQ(State().name(), ""); }
TEST(PackedEnum, UnnamedEncodingHasNoName) { EXPECT_EQ(State("2'd3"_v).name(), ""); }
TEST(PackedEnum, PrintsByName) { EXPECT_EQ(fmt::format("{}", State(State::Idle)), "Idle"); }
TEST(PackedEnum, UnknownPrintsBits) { EXPECT_EQ(fmt::format("{}", State("2'bx1"_v)), "2'bx1"); }
TEST(PackedEnum, UnnamedPrintsBits) { EXPECT_EQ(to_string(State("2'd3"_v)), "2'b11"); }
TEST(PackedEnum, ExplicitValue) { EXPECT_EQ(Opcode(Opcode::Load).bits(), "4'd8"_v); }
TEST(PackedEnum, ValueAfterExplicitCounts) { EXPECT_EQ(Opcode(Opcode::Sub).bits(), "4'd2"_v); }
TEST(PackedEnum, BinaryExplicitValueName) { EXPECT_EQ(Opcode("4'b1111"_v).name(), "Store"); }
TEST(PackedEnum, EqualityIsIdentity) { EXPECT_EQ(State(State::Busy), State::Busy); }
TEST(PackedEnum, EqualityUnknownEqualsItself) { EXPECT_EQ(State(), State()); }
TEST(PackedEnum, DifferentStatesDiffer) { EXPECT_NE(State(State::Busy), State::Done); }
TEST(PackedEnum, Width) { static_assert(width_of<Opcode> == 4); }
TEST(PackedEnum, ToBits) { EXPECT_EQ(to_bits(State(State::Done)), "2'b10"_v); }
TEST(PackedEnum, FromBits) { EXPECT_EQ(from_bits<State>("2'b01"_v), State::Busy); }
TEST(PackedEnum, IsConstexpr) { static_assert(State(State::Busy).name() == "Busy"); }
TEST(PackedEnumParsing, ExpressionValueIsRejected) {
  static_assert(!detail::enumerators_valid(detail::parse_enumerators<2>("A = 1 + 1, B"), 4));
}
TEST(PackedEnumParsing, ValueTooWideIsRejected) {
  static_assert(!detail::enumerators_valid(detail::parse_enumerators<2>("A = 4, B"), 2));
}
TEST(PackedEnumParsing, PlainListIsAccepted) {
  static_assert(detail::enumerators_valid(detail::parse_enumerators<3>("A, B=2, C"), 2));
}

}  // namespace
}  // namespace tetra
