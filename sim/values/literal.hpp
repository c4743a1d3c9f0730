#pragma once
// Verilog literal text -> Vec, the same parser at run time (Vec<N>::parse) and at
// compile time ("8'b1010_xxzz"_v). Grammar (IEEE 1800 5.7.1, sized forms only):
//   [-] width ' [s|S] (b|o|d|h) digits
// Digits may contain '_' after the first; b/o/h digits may be x, z or ? (= z); a decimal
// literal is either decimal digits or a single x or z. Leading zeros are allowed beyond
// the width, as in Verilog (8'h0FF). Strict where Verilog is lenient: the width is
// required and must be the destination's, a one, x or z digit beyond the width is an
// error (not a truncation warning), and a decimal value must fit (signed range for 's').

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "sim/values/vec.hpp"
#include "text/quoted_excerpt.hpp"

namespace tetra {

namespace detail {

/// What precedes the digits of a literal.
struct LiteralHeader {
  bool negative = false;
  std::size_t width = 0;
  std::size_t width_position = 0;
  bool is_signed = false;
  Radix radix = Radix::binary;
  std::size_t digits_begin = 0;
};

constexpr bool is_decimal_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr const char* radix_name(Radix radix) noexcept {
  switch (radix) {
    case Radix::binary: return "binary";
    case Radix::octal: return "octal";
    case Radix::hex: return "hex";
    case Radix::decimal: return "decimal";
  }
  return "";
}

/// Reads sign, width, signedness and base; throws LiteralError on any defect.
constexpr LiteralHeader read_literal_header(std::string_view text) {
  LiteralHeader header;
  std::size_t pos = 0;
  if (pos < text.size() && text[pos] == '-') {
    header.negative = true;
    ++pos;
  }
  header.width_position = pos;
  while (pos < text.size() && is_decimal_digit(text[pos])) {
    const std::size_t digit = static_cast<std::size_t>(text[pos] - '0');
    if (header.width > (std::size_t{1} << 24)) throw LiteralError(text, pos, "width is too large");
    header.width = header.width * 10 + digit;
    ++pos;
  }
  if (pos == header.width_position) {
    throw LiteralError(text, pos, "missing width: a literal starts with its bit count, as in 8'b1010");
  }
  if (pos == text.size()) {
    throw LiteralError(text, pos, "missing base: an unsized number is not a literal; write e.g. 8'd42");
  }
  if (text[pos] != '\'') throw LiteralError(text, pos, "expected ' after the width");
  if (header.width == 0) throw LiteralError(text, header.width_position, "width 0: a value has at least one bit");
  ++pos;
  if (pos < text.size() && (text[pos] == 's' || text[pos] == 'S')) {
    header.is_signed = true;
    ++pos;
  }
  if (pos == text.size()) throw LiteralError(text, pos, "missing base letter (b, o, d or h)");
  switch (text[pos]) {
    case 'b': case 'B': header.radix = Radix::binary; break;
    case 'o': case 'O': header.radix = Radix::octal; break;
    case 'd': case 'D': header.radix = Radix::decimal; break;
    case 'h': case 'H': header.radix = Radix::hex; break;
    default: throw LiteralError(text, pos, "bad base letter (expected b, o, d or h)");
  }
  ++pos;
  if (pos == text.size()) throw LiteralError(text, pos, "no digits after the base");
  if (text[pos] == '_') throw LiteralError(text, pos, "digits cannot start with _");
  header.digits_begin = pos;
  return header;
}

/// The value of one digit: 0-15, or -1 for x, -2 for z, -3 if not a digit of that radix.
constexpr int digit_value(char c, Radix radix) noexcept {
  if (c == 'x' || c == 'X') return -1;
  if (c == 'z' || c == 'Z' || c == '?') return -2;
  int value = -3;
  if (c >= '0' && c <= '9') value = c - '0';
  if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
  if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
  const int limit = radix == Radix::binary ? 2 : radix == Radix::octal ? 8 : radix == Radix::hex ? 16 : 10;
  return value < limit ? value : -3;
}

constexpr std::size_t bits_per_digit(Radix radix) noexcept {
  return radix == Radix::binary ? 1 : radix == Radix::octal ? 3 : 4;
}

template <std::size_t N>
constexpr Vec<N> parse_power_of_two_digits(std::string_view text, const LiteralHeader& header) {
  const std::size_t digit_bits = bits_per_digit(header.radix);
  const std::size_t digit_count =
      static_cast<std::size_t>(std::count_if(text.begin() + static_cast<std::ptrdiff_t>(header.digits_begin),
                                             text.end(), [](char c) { return c != '_'; }));
  Vec<N> result = Vec<N>::zeros();
  Logic padding = L0;
  std::size_t index = 0;
  for (std::size_t pos = header.digits_begin; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '_') continue;
    const int digit = digit_value(c, header.radix);
    if (digit == -3) {
      throw LiteralError(text, pos, quoted_excerpt({&c, 1}) + " is not a valid " + radix_name(header.radix) + " digit");
    }
    const std::size_t lsb = (digit_count - 1 - index) * digit_bits;
    if (index == 0) padding = digit == -1 ? LX : digit == -2 ? LZ : L0;
    ++index;
    if (lsb >= N) {
      // Leading zeros beyond the width say nothing, as in Verilog (8'h0FF); anything
      // else there would be lost.
      if (digit == 0) continue;
      throw LiteralError(text, pos, (digit < 0 ? "x or z digit beyond width " : "value does not fit in ") +
                                        std::to_string(N) + (digit < 0 ? "" : " bits"));
    }
    for (std::size_t j = 0; j < digit_bits; ++j) {
      const Logic bit = digit == -1 ? LX : digit == -2 ? LZ : ((digit >> j) & 1) != 0 ? L1 : L0;
      if (lsb + j < N) {
        result.set_bit(lsb + j, bit);
      } else if (bit == L1) {
        throw LiteralError(text, pos, "value does not fit in " + std::to_string(N) + " bits");
      }
    }
  }
  for (std::size_t i = digit_count * digit_bits; i < N; ++i) result.set_bit(i, padding);
  return result;
}

template <std::size_t N>
constexpr Vec<N> parse_decimal_digits(std::string_view text, const LiteralHeader& header) {
  const std::string_view digits = text.substr(header.digits_begin);
  const std::size_t first = header.digits_begin;
  const int lead = digit_value(digits[0], Radix::decimal);
  if (lead == -1 || lead == -2) {
    // x or z: the only digit allowed, meaning every bit.
    const bool is_x = lead == -1;
    const std::size_t rest = digits.find_first_not_of('_', 1);
    if (rest != std::string_view::npos) {
      throw LiteralError(text, first + rest, "an x or z decimal literal has no other digits");
    }
    return is_x ? Vec<N>::xs() : Vec<N>::zs();
  }
  std::array<Word, Vec<N>::words> number{};
  for (std::size_t offset = 0; offset < digits.size(); ++offset) {
    const char c = digits[offset];
    if (c == '_') continue;
    const int digit = digit_value(c, Radix::decimal);
    if (digit == -1 || digit == -2) {
      throw LiteralError(text, first + offset, "x or z must be the only digit of a decimal literal");
    }
    if (digit < 0) throw LiteralError(text, first + offset, quoted_excerpt({&c, 1}) + " is not a valid decimal digit");
    __extension__ using Wide = unsigned __int128;
    Wide carry = static_cast<Wide>(digit);
    for (auto& word : number) {
      const Wide product = static_cast<Wide>(word) * 10 + carry;
      word = static_cast<Word>(product);
      carry = product >> 64;
    }
    if (carry != 0 || (number.back() & ~Vec<N>::top_mask) != 0) {
      throw LiteralError(text, first + offset, "value too large for " + std::to_string(N) + " bits");
    }
  }
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) result.set_words(i, number[i], 0);
  if (header.is_signed) {
    // Magnitude must be below 2^(N-1), or equal to it when negated.
    const Logic sign = result.bit(N - 1);
    bool rest_zero = true;
    for (std::size_t i = 0; i + 1 < N; ++i) rest_zero = rest_zero && result.bit(i) == L0;
    if (sign == L1 && !(header.negative && rest_zero)) {
      throw LiteralError(text, first, "value out of range for a " + std::to_string(N) + "-bit signed literal");
    }
  }
  return result;
}

/// Two's complement negation of a known value.
template <std::size_t N>
constexpr Vec<N> negate_known(const Vec<N>& v) noexcept {
  Vec<N> result = Vec<N>::zeros();
  Word carry = 1;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const Word sum = ~v.aval(i) + carry;
    carry = (carry != 0 && sum == 0) ? 1 : 0;
    result.set_words(i, sum, 0);
  }
  return result;
}

/// String literal text carried as a template argument, for the _v operator.
template <std::size_t Size>
struct LiteralText {
  char chars[Size]{};
  consteval LiteralText(const char (&text)[Size]) { std::copy_n(text, Size, chars); }  // NOLINT: implicit by design
  constexpr std::string_view view() const noexcept { return {chars, Size - 1}; }
};

}  // namespace detail

template <std::size_t N>
constexpr Vec<N> Vec<N>::parse(std::string_view text) {
  const detail::LiteralHeader header = detail::read_literal_header(text);
  if (header.width != N) {
    throw LiteralError(text, header.width_position,
                       "width " + std::to_string(header.width) + " does not match the " + std::to_string(N) +
                           "-bit destination");
  }
  const Vec value = header.radix == Radix::decimal ? detail::parse_decimal_digits<N>(text, header)
                                                   : detail::parse_power_of_two_digits<N>(text, header);
  if (!header.negative) return value;
  if (!value.is_known()) throw LiteralError(text, 0, "cannot negate a value with x or z digits");
  return detail::negate_known(value);
}

namespace literals {
/// Compile-time literal: "8'b1010_xxzz"_v is a Vec<8>; bad text is a compile error.
template <detail::LiteralText text>
consteval auto operator""_v() {
  return Vec<detail::read_literal_header(text.view()).width>::parse(text.view());
}
}  // namespace literals

}  // namespace tetra
