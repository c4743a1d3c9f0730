#pragma once
// Equality and relational operators (IEEE 1800 11.4.4-11.4.6). operator== on Vec is
// identity (===); these named functions give Verilog's four-state answers.

#include "sim/values/vec.hpp"

namespace tetra {

/// Verilog a == b: 0 if some pair of known bits differs, else X if any bit is unknown, else 1.
template <std::size_t N>
constexpr Logic eq(const Vec<N>& a, const Vec<N>& b) noexcept {
  detail::Word differ = 0, unknown = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const detail::Word either_unknown = a.bval(i) | b.bval(i);
    differ |= (a.aval(i) ^ b.aval(i)) & ~either_unknown;
    unknown |= either_unknown;
  }
  return differ != 0 ? L0 : unknown != 0 ? LX : L1;
}
/// Verilog a != b.
template <std::size_t N>
constexpr Logic ne(const Vec<N>& a, const Vec<N>& b) noexcept { return ~eq(a, b); }

/// Verilog a === b: bit-for-bit identity including X and Z.
template <std::size_t N>
constexpr bool case_eq(const Vec<N>& a, const Vec<N>& b) noexcept { return a == b; }
/// Verilog a !== b.
template <std::size_t N>
constexpr bool case_ne(const Vec<N>& a, const Vec<N>& b) noexcept { return !(a == b); }

/// SystemVerilog a ==? b: X and Z bits of b are wildcards; an unknown bit of a at a
/// compared position gives X unless some compared known pair differs (then 0).
template <std::size_t N>
constexpr Logic wildcard_eq(const Vec<N>& a, const Vec<N>& b) noexcept {
  detail::Word differ = 0, unknown = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const detail::Word compared = ~b.bval(i);
    differ |= (a.aval(i) ^ b.aval(i)) & compared & ~a.bval(i);
    unknown |= a.bval(i) & compared;
  }
  return differ != 0 ? L0 : unknown != 0 ? LX : L1;
}
/// SystemVerilog a !=? b.
template <std::size_t N>
constexpr Logic wildcard_ne(const Vec<N>& a, const Vec<N>& b) noexcept { return ~wildcard_eq(a, b); }

/// casez item match: Z (and ?) bits in either operand are don't-care, the remaining
/// bits (X included) must be identical.
template <std::size_t N>
constexpr bool casez_match(const Vec<N>& value, const Vec<N>& pattern) noexcept {
  detail::Word mismatch = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const detail::Word z_bits = (~value.aval(i) & value.bval(i)) | (~pattern.aval(i) & pattern.bval(i));
    mismatch |= ((value.aval(i) ^ pattern.aval(i)) | (value.bval(i) ^ pattern.bval(i))) & ~z_bits;
  }
  return mismatch == 0;
}

namespace detail {
/// -1, 0 or 1 comparing two known vectors as unsigned numbers.
template <std::size_t N>
constexpr int compare_unsigned(const Vec<N>& a, const Vec<N>& b) noexcept {
  for (std::size_t i = Vec<N>::words; i-- > 0;) {
    if (a.aval(i) != b.aval(i)) return a.aval(i) < b.aval(i) ? -1 : 1;
  }
  return 0;
}
/// Same, reading both as two's complement.
template <std::size_t N>
constexpr int compare_signed(const Vec<N>& a, const Vec<N>& b) noexcept {
  const Word sign_a = (a.aval(Vec<N>::words - 1) >> ((N - 1) % 64)) & 1u;
  const Word sign_b = (b.aval(Vec<N>::words - 1) >> ((N - 1) % 64)) & 1u;
  if (sign_a != sign_b) return sign_a != 0 ? -1 : 1;
  return compare_unsigned(a, b);
}
/// X if either operand has an unknown bit, else the predicate on the comparison.
template <std::size_t N, typename Compare, typename Predicate>
constexpr Logic relation(const Vec<N>& a, const Vec<N>& b, Compare compare, Predicate predicate) noexcept {
  if (!a.is_known() || !b.is_known()) return LX;
  return logic_of(predicate(compare(a, b)));
}
}  // namespace detail

// Relational operators: X if any operand bit is X or Z (IEEE 1800 11.4.4).
/// Unsigned a < b.
template <std::size_t N>
constexpr Logic ult(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_unsigned<N>, [](int c) { return c < 0; });
}
/// Unsigned a <= b.
template <std::size_t N>
constexpr Logic ule(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_unsigned<N>, [](int c) { return c <= 0; });
}
/// Unsigned a > b.
template <std::size_t N>
constexpr Logic ugt(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_unsigned<N>, [](int c) { return c > 0; });
}
/// Unsigned a >= b.
template <std::size_t N>
constexpr Logic uge(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_unsigned<N>, [](int c) { return c >= 0; });
}
/// Signed (two's complement) a < b.
template <std::size_t N>
constexpr Logic slt(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_signed<N>, [](int c) { return c < 0; });
}
/// Signed a <= b.
template <std::size_t N>
constexpr Logic sle(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_signed<N>, [](int c) { return c <= 0; });
}
/// Signed a > b.
template <std::size_t N>
constexpr Logic sgt(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_signed<N>, [](int c) { return c > 0; });
}
/// Signed a >= b.
template <std::size_t N>
constexpr Logic sge(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::relation(a, b, detail::compare_signed<N>, [](int c) { return c >= 0; });
}

}  // namespace tetra
