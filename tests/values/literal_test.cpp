#include "sim/values/literal.hpp"

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

/// The message of the LiteralError that parsing `text` as a Vec<N> throws.
template <std::size_t N>
std::string parse_error(std::string_view text) {
  try {
    (void)Vec<N>::parse(text);
  } catch (const LiteralError& error) {
    return error.what();
  }
  return "no error";
}

/// Bits of a Vec as text, MSB first, built bit by bit (independent of the formatter).
template <std::size_t N>
std::string bits(const Vec<N>& v) {
  std::string text;
  for (std::size_t i = N; i-- > 0;) text += v.bit(i).to_char();
  return text;
}

// Good literals.
TEST(Literal, Binary) { EXPECT_EQ(bits(Vec<4>::parse("4'b1010")), "1010"); }
TEST(Literal, BinaryWithXZAndUnderscore) { EXPECT_EQ(bits(Vec<8>::parse("8'b1010_xxzz")), "1010xxzz"); }
TEST(Literal, QuestionMarkIsZ) { EXPECT_EQ(bits(Vec<2>::parse("2'b?1")), "z1"); }
TEST(Literal, UpperCaseBaseAndDigits) { EXPECT_EQ(bits(Vec<8>::parse("8'HAX")), "1010xxxx"); }
TEST(Literal, HexMixed) { EXPECT_EQ(bits(Vec<12>::parse("12'hF?x")), "1111zzzzxxxx"); }
TEST(Literal, Octal) { EXPECT_EQ(bits(Vec<6>::parse("6'o7x")), "111xxx"); }
TEST(Literal, Decimal) { EXPECT_EQ(Vec<8>::parse("8'd200").to_uint64(), 200u); }
TEST(Literal, DecimalWithUnderscores) { EXPECT_EQ(Vec<20>::parse("20'd1_000_000").to_uint64(), 1'000'000u); }
TEST(Literal, DecimalAllX) { EXPECT_EQ(Vec<8>::parse("8'dx"), Vec<8>::xs()); }
TEST(Literal, DecimalAllZ) { EXPECT_EQ(Vec<8>::parse("8'dz"), Vec<8>::zs()); }
TEST(Literal, ShortDigitsPadWithZero) { EXPECT_EQ(bits(Vec<8>::parse("8'b11")), "00000011"); }
TEST(Literal, LeadingXPadsWithX) { EXPECT_EQ(bits(Vec<8>::parse("8'bx1")), "xxxxxxx1"); }
TEST(Literal, LeadingZPadsWithZ) { EXPECT_EQ(bits(Vec<8>::parse("8'hz")), "zzzzzzzz"); }
TEST(Literal, HexTopDigitMayOverhangWithZeros) { EXPECT_EQ(Vec<7>::parse("7'h7f").to_uint64(), 0x7fu); }
TEST(Literal, HexTopDigitXOverhangs) { EXPECT_EQ(Vec<7>::parse("7'hxx"), Vec<7>::xs()); }
TEST(Literal, SignedHexIsBitPattern) { EXPECT_EQ(Vec<8>::parse("8'sh80").to_int64(), -128); }
TEST(Literal, NegativeSignedDecimal) { EXPECT_EQ(Vec<8>::parse("-8'sd5").to_int64(), -5); }
TEST(Literal, NegativeSignedDecimalMostNegative) { EXPECT_EQ(Vec<8>::parse("-8'sd128").to_int64(), -128); }
TEST(Literal, NegativeUnsignedIsTwosComplement) { EXPECT_EQ(Vec<8>::parse("-8'd5").to_uint64(), 251u); }
TEST(Literal, WideDecimal) {
  EXPECT_EQ(Vec<128>::parse("128'd340282366920938463463374607431768211455"), Vec<128>::ones());
}
TEST(Literal, WideHex) { EXPECT_EQ(Vec<65>::parse("65'h1_0000_0000_0000_0000").bit(64), L1); }
TEST(Literal, WideNegative) { EXPECT_EQ(Vec<200>::parse("-200'd1"), Vec<200>::ones()); }

// Compile-time literals.
TEST(Literal, UserDefinedLiteralHasTheTextWidth) { static_assert(std::is_same_v<decltype("12'hF?x"_v), Vec<12>>); }
TEST(Literal, UserDefinedLiteralIsConstant) { static_assert("8'd200"_v == Vec<8>(200)); }
TEST(Literal, UserDefinedLiteralWithX) { EXPECT_EQ(bits("8'b1010_xxzz"_v), "1010xxzz"); }
TEST(Literal, UserDefinedLiteralWide) { static_assert("200'd0"_v == Vec<200>::zeros()); }

// Bad literals: each message names the text, the position and the reason.
TEST(LiteralError, MissingWidth) {
  EXPECT_EQ(parse_error<8>("'b1010"),
            "bad literal \"'b1010\" at position 0: missing width: a literal starts with its bit count, as in 8'b1010");
}
TEST(LiteralError, UnsizedNumber) {
  EXPECT_EQ(parse_error<8>("42"),
            "bad literal \"42\" at position 2: missing base: an unsized number is not a literal; write e.g. 8'd42");
}
TEST(LiteralError, WidthZero) {
  EXPECT_EQ(parse_error<8>("0'b0"), "bad literal \"0'b0\" at position 0: width 0: a value has at least one bit");
}
TEST(LiteralError, WidthMismatch) {
  EXPECT_EQ(parse_error<8>("9'd1"), "bad literal \"9'd1\" at position 0: width 9 does not match the 8-bit destination");
}
TEST(LiteralError, BadBaseLetter) {
  EXPECT_EQ(parse_error<8>("8'q1"), "bad literal \"8'q1\" at position 2: bad base letter (expected b, o, d or h)");
}
TEST(LiteralError, MissingBaseLetter) {
  EXPECT_EQ(parse_error<8>("8's"), "bad literal \"8's\" at position 3: missing base letter (b, o, d or h)");
}
TEST(LiteralError, NoDigits) { EXPECT_EQ(parse_error<8>("8'h"), "bad literal \"8'h\" at position 3: no digits after the base"); }
TEST(LiteralError, LeadingUnderscore) {
  EXPECT_EQ(parse_error<8>("8'b_1"), "bad literal \"8'b_1\" at position 3: digits cannot start with _");
}
TEST(LiteralError, NoQuoteAfterWidth) {
  EXPECT_EQ(parse_error<8>("8b1"), "bad literal \"8b1\" at position 1: expected ' after the width");
}
TEST(LiteralError, BadBinaryDigit) {
  EXPECT_EQ(parse_error<8>("8'b10x2"), "bad literal \"8'b10x2\" at position 6: '2' is not a valid binary digit");
}
TEST(LiteralError, BadOctalDigit) { EXPECT_EQ(parse_error<6>("6'o8"), "bad literal \"6'o8\" at position 3: '8' is not a valid octal digit"); }
TEST(LiteralError, BadHexDigit) { EXPECT_EQ(parse_error<8>("8'hg"), "bad literal \"8'hg\" at position 3: 'g' is not a valid hex digit"); }
TEST(LiteralError, BadDecimalDigit) {
  EXPECT_EQ(parse_error<8>("8'd1a"), "bad literal \"8'd1a\" at position 4: 'a' is not a valid decimal digit");
}
TEST(Literal, LeadingZerosBeyondTheWidth) {
  EXPECT_EQ(Vec<8>::parse("8'h0FF"), "8'hff"_v);
  EXPECT_EQ(Vec<8>::parse("8'h0_00ff"), "8'hff"_v);
  EXPECT_EQ(Vec<4>::parse("4'b00001"), "4'b0001"_v);
  EXPECT_EQ(Vec<6>::parse("6'o077"), "6'o77"_v);
  static_assert("8'h0FF"_v == "8'hff"_v);
}
TEST(LiteralError, OneBeyondTheWidth) {
  EXPECT_EQ(parse_error<4>("4'b10001"), "bad literal \"4'b10001\" at position 3: value does not fit in 4 bits");
  EXPECT_EQ(parse_error<8>("8'h1FF"), "bad literal \"8'h1FF\" at position 3: value does not fit in 8 bits");
  EXPECT_EQ(parse_error<8>("8'h10FF"), "bad literal \"8'h10FF\" at position 3: value does not fit in 8 bits");
}
TEST(LiteralError, UnknownDigitBeyondTheWidth) {
  EXPECT_EQ(parse_error<4>("4'bx0000"), "bad literal \"4'bx0000\" at position 3: x or z digit beyond width 4");
  EXPECT_EQ(parse_error<8>("8'hz0ff"), "bad literal \"8'hz0ff\" at position 3: x or z digit beyond width 8");
}
TEST(LiteralError, HexOverhangNotZero) {
  EXPECT_EQ(parse_error<7>("7'hff"), "bad literal \"7'hff\" at position 3: value does not fit in 7 bits");
}
TEST(LiteralError, DecimalTooLarge) {
  EXPECT_EQ(parse_error<8>("8'd256"), "bad literal \"8'd256\" at position 5: value too large for 8 bits");
}
TEST(LiteralError, SignedDecimalTooLarge) {
  EXPECT_EQ(parse_error<8>("8'sd200"), "bad literal \"8'sd200\" at position 4: value out of range for a 8-bit signed literal");
}
TEST(LiteralError, DecimalXWithOtherDigits) {
  EXPECT_EQ(parse_error<8>("8'd1x"), "bad literal \"8'd1x\" at position 4: x or z must be the only digit of a decimal literal");
}
TEST(LiteralError, DecimalXFollowedByDigits) {
  EXPECT_EQ(parse_error<8>("8'dx1"), "bad literal \"8'dx1\" at position 4: an x or z decimal literal has no other digits");
}
TEST(LiteralError, NegativeUnknown) {
  EXPECT_EQ(parse_error<8>("-8'bx"), "bad literal \"-8'bx\" at position 0: cannot negate a value with x or z digits");
}
TEST(LiteralError, CarriesPositionAndReason) {
  try {
    (void)Vec<8>::parse("8'b10x2");
    FAIL() << "no exception";
  } catch (const LiteralError& error) {
    EXPECT_EQ(std::make_tuple(error.text(), error.position(), error.reason()),
              std::make_tuple(std::string("8'b10x2"), std::size_t{6}, std::string("'2' is not a valid binary digit")));
  }
}
TEST(LiteralError, LongTextIsCutWithItsLength) {
  const std::string digits(1 << 20, '0');
  const std::string text = "8'b" + digits + "2";
  EXPECT_EQ(parse_error<8>(text), "bad literal \"8'b" + std::string(37, '0') +
                                      "\"... (1048580 bytes) at position 1048579: '2' is not a valid binary digit");
}
TEST(LiteralError, NulAndTerminalEscapesAreEscaped) {
  // what() is a C string: a raw NUL would end it early, a raw escape would reach the terminal.
  try {
    (void)Vec<8>::parse(std::string_view("8'b1\0\x1b[2J", 9));
    FAIL() << "no exception";
  } catch (const LiteralError& error) {
    EXPECT_STREQ(error.what(), R"(bad literal "8'b1\x00\x1b[2J" at position 4: '\x00' is not a valid binary digit)");
    EXPECT_EQ(error.text(), std::string_view("8'b1\0\x1b[2J", 9));
  }
  EXPECT_EQ(parse_error<8>("8'd1\x1b"), R"(bad literal "8'd1\x1b" at position 4: '\x1b' is not a valid decimal digit)");
}
TEST(LiteralError, IsAnInvalidArgument) { EXPECT_THROW((void)Vec<8>::parse("8'b2"), std::invalid_argument); }

// A bad compile-time literal does not compile: the parse is not a constant expression.
template <detail::LiteralText text>
concept compiles_as_literal = requires { typename std::integral_constant<bool, (Vec<8>::parse(text.view()), true)>; };
TEST(Literal, GoodTextIsAConstantExpression) { static_assert(compiles_as_literal<"8'b1010_xxzz">); }
TEST(Literal, BadDigitIsNotAConstantExpression) { static_assert(!compiles_as_literal<"8'b1012">); }
TEST(Literal, TooLargeIsNotAConstantExpression) { static_assert(!compiles_as_literal<"8'd256">); }

}  // namespace
}  // namespace tetra
