#pragma once
// Text for values: digits in binary, octal, hex or decimal with x/z digits following
// IEEE 1800 $display rules, the sized literal form "8'b1010xxzz", and fmt formatters.

#include <algorithm>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "sim/values/vec.hpp"

namespace tetra {

namespace detail {

/// The digit for a group of bits: a known value, or x/z when all bits are X/Z, or
/// X/Z when only some are (X wins over Z), as $display prints them.
constexpr char group_digit(Word aval, Word bval, Word group_mask) noexcept {
  const Word x_bits = aval & bval & group_mask;
  const Word z_bits = ~aval & bval & group_mask;
  if (x_bits == group_mask) return 'x';
  if (z_bits == group_mask) return 'z';
  if (x_bits != 0) return 'X';
  if (z_bits != 0) return 'Z';
  return "0123456789abcdef"[aval & group_mask];
}

template <std::size_t N>
constexpr Word bits_at(const Vec<N>& v, std::size_t lsb, std::size_t count, bool value_plane) noexcept {
  const std::size_t word = lsb / 64;
  const std::size_t shift = lsb % 64;
  auto plane = [&](std::size_t i) { return value_plane ? v.aval(i) : v.bval(i); };
  Word bits = plane(word) >> shift;
  if (shift != 0 && shift + count > 64 && word + 1 < Vec<N>::words) bits |= plane(word + 1) << (64 - shift);
  return bits & low_mask(count);
}

template <std::size_t N>
std::string power_of_two_digits(const Vec<N>& v, std::size_t bits_per_digit) {
  std::string digits;
  for (std::size_t lsb = 0; lsb < N; lsb += bits_per_digit) {
    const std::size_t count = std::min(bits_per_digit, N - lsb);
    digits.push_back(group_digit(bits_at(v, lsb, count, true), bits_at(v, lsb, count, false), low_mask(count)));
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

template <std::size_t N>
std::string decimal_digits(const Vec<N>& v) {
  if (!v.is_known()) {
    // The whole number is one digit: x/z if every bit is, else X if any bit is X, else Z.
    bool all_x = true, all_z = true, any_x = false;
    for (std::size_t i = 0; i < Vec<N>::words; ++i) {
      const Word mask = i == Vec<N>::words - 1 ? Vec<N>::top_mask : ~Word{0};
      const Word x_bits = v.aval(i) & v.bval(i);
      const Word z_bits = ~v.aval(i) & v.bval(i) & mask;
      all_x = all_x && x_bits == mask;
      all_z = all_z && z_bits == mask;
      any_x = any_x || x_bits != 0;
    }
    if (all_x) return "x";
    if (all_z) return "z";
    return any_x ? "X" : "Z";
  }
  std::array<Word, Vec<N>::words> number{};
  for (std::size_t i = 0; i < Vec<N>::words; ++i) number[i] = v.aval(i);
  constexpr Word chunk = 10'000'000'000'000'000'000u;  // 10^19, the largest power of ten in a word
  std::string digits;
  bool nonzero = true;
  while (nonzero) {
    __extension__ using Wide = unsigned __int128;
    Wide remainder = 0;
    nonzero = false;
    for (std::size_t i = Vec<N>::words; i-- > 0;) {
      const Wide current = (remainder << 64) | number[i];
      number[i] = static_cast<Word>(current / chunk);
      remainder = current % chunk;
      nonzero |= number[i] != 0;
    }
    auto part = static_cast<Word>(remainder);
    for (int d = 0; d < 19 && (nonzero || part != 0 || d == 0); ++d) {
      digits.push_back(static_cast<char>('0' + part % 10));
      part /= 10;
    }
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

constexpr char radix_letter(Radix radix) noexcept {
  switch (radix) {
    case Radix::binary: return 'b';
    case Radix::octal: return 'o';
    case Radix::hex: return 'h';
    case Radix::decimal: return 'd';
  }
  return '?';
}

}  // namespace detail

/// The digits of v in the given radix (no width, no base): "1010xxzz", "aX", "200".
template <std::size_t N>
std::string to_string(const Vec<N>& v, Radix radix = Radix::binary) {
  switch (radix) {
    case Radix::binary: return detail::power_of_two_digits(v, 1);
    case Radix::octal: return detail::power_of_two_digits(v, 3);
    case Radix::hex: return detail::power_of_two_digits(v, 4);
    case Radix::decimal: return detail::decimal_digits(v);
  }
  return {};
}

/// v as a sized Verilog literal that parse() reads back exactly: "8'b1010xxzz",
/// "12'h0ff", "12'hfzx". A value that the radix cannot say digit by digit (a hex or
/// octal digit with some but not all bits unknown, a decimal value with unknown bits that
/// are not all x or all z) is written in binary: "8'b1x010101", never "8'hX5", which
/// would read back as 8'bxxxx0101.
template <std::size_t N>
std::string to_literal(const Vec<N>& v, Radix radix = Radix::binary) {
  std::string digits = to_string(v, radix);
  if (digits.find_first_of("XZ") != std::string::npos) {
    radix = Radix::binary;
    digits = to_string(v, radix);
  }
  return std::to_string(N) + "'" + detail::radix_letter(radix) + digits;
}

/// One bit as a character string: "0", "1", "x" or "z".
inline std::string to_string(Logic bit) { return std::string(1, bit.to_char()); }

/// Streams the sized binary literal (so that GoogleTest and iostreams show values readably).
template <std::size_t N>
std::ostream& operator<<(std::ostream& out, const Vec<N>& v) {
  return out << to_literal(v);
}
/// Streams one bit as 0, 1, x or z.
inline std::ostream& operator<<(std::ostream& out, Logic bit) { return out << bit.to_char(); }

namespace detail {
/// Shared spec parsing for the value formatters: "" (sized literal), "b", "o", "x", "d".
struct RadixSpec {
  bool digits_only = false;
  Radix radix = Radix::binary;

  constexpr auto parse(fmt::format_parse_context& context) {
    auto it = context.begin();
    if (it != context.end() && *it != '}') {
      digits_only = true;
      switch (*it) {
        case 'b': radix = Radix::binary; break;
        case 'o': radix = Radix::octal; break;
        case 'x': radix = Radix::hex; break;
        case 'd': radix = Radix::decimal; break;
        default: throw fmt::format_error("Tetra values format as {}, {:b}, {:o}, {:x} or {:d}");
      }
      ++it;
    }
    if (it != context.end() && *it != '}') throw fmt::format_error("Tetra values take one radix letter");
    return it;
  }
};
}  // namespace detail

}  // namespace tetra

/// "{}" prints the sized literal "8'b1010xxzz"; "{:b}", "{:o}", "{:x}", "{:d}" print digits only.
template <std::size_t N>
struct fmt::formatter<tetra::Vec<N>> : tetra::detail::RadixSpec {
  template <typename FormatContext>
  auto format(const tetra::Vec<N>& v, FormatContext& context) const {
    const std::string text = digits_only ? tetra::to_string(v, radix) : tetra::to_literal(v, radix);
    return fmt::format_to(context.out(), "{}", text);
  }
};

/// "{}" prints one character: 0, 1, x or z.
template <>
struct fmt::formatter<tetra::Logic> : fmt::formatter<char> {
  template <typename FormatContext>
  auto format(tetra::Logic bit, FormatContext& context) const {
    return fmt::formatter<char>::format(bit.to_char(), context);
  }
};
