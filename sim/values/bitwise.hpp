#pragma once
// Bitwise, reduction and logical operators (IEEE 1800 11.4.7-11.4.9). Z reads as X
// inside every operator. Per bit, with "known 0" = (0,0) and "known 1" = (1,0):
//   &: 0 if either is 0, 1 if both are 1, else X;  |: dual;  ^, ~^: X if either unknown.

#include "sim/values/vec.hpp"

namespace tetra {

/// Verilog ~a.
template <std::size_t N>
constexpr Vec<N> operator~(const Vec<N>& a) noexcept {
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) result.set_words(i, ~a.aval(i) | a.bval(i), a.bval(i));
  return result;
}

/// Verilog a & b (0 dominates).
template <std::size_t N>
constexpr Vec<N> operator&(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::zip_words(a, b, [](detail::Word aa, detail::Word ab, detail::Word ba, detail::Word bb) {
    // A bit's aval | bval is 0 only for a known 0, so the result's aval (1 or X) is "no
    // known 0 on either side", and it is X where additionally either side is unknown.
    const detail::Word not_zero = (aa | ab) & (ba | bb);
    return detail::Planes{not_zero, not_zero & (ab | bb)};
  });
}

/// Verilog a | b (1 dominates).
template <std::size_t N>
constexpr Vec<N> operator|(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::zip_words(a, b, [](detail::Word aa, detail::Word ab, detail::Word ba, detail::Word bb) {
    // The result's aval (1 or X) is "not both known 0"; it is X unless a known 1 decides.
    const detail::Word known_one = (aa & ~ab) | (ba & ~bb);
    return detail::Planes{aa | ab | ba | bb, (ab | bb) & ~known_one};
  });
}

/// Verilog a ^ b.
template <std::size_t N>
constexpr Vec<N> operator^(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::zip_words(a, b, [](detail::Word aa, detail::Word ab, detail::Word ba, detail::Word bb) {
    const detail::Word unknown = ab | bb;
    return detail::Planes{(aa ^ ba) | unknown, unknown};
  });
}

/// Verilog a ~^ b.
template <std::size_t N>
constexpr Vec<N> xnor(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::zip_words(a, b, [](detail::Word aa, detail::Word ab, detail::Word ba, detail::Word bb) {
    const detail::Word unknown = ab | bb;
    return detail::Planes{~(aa ^ ba) | unknown, unknown};
  });
}

/// Compound assignments, for symmetry with the operators.
template <std::size_t N>
constexpr Vec<N>& operator&=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a & b; }
template <std::size_t N>
constexpr Vec<N>& operator|=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a | b; }
template <std::size_t N>
constexpr Vec<N>& operator^=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a ^ b; }

/// Verilog &a: 0 if any bit is 0, else X if any is unknown, else 1.
template <std::size_t N>
constexpr Logic reduce_and(const Vec<N>& a) noexcept {
  const auto p = detail::presence(a);
  return p.any_zero ? L0 : p.any_unknown ? LX : L1;
}
/// Verilog |a: 1 if any bit is 1, else X if any is unknown, else 0.
template <std::size_t N>
constexpr Logic reduce_or(const Vec<N>& a) noexcept {
  const auto p = detail::presence(a);
  return p.any_one ? L1 : p.any_unknown ? LX : L0;
}
/// Verilog ^a: parity, X if any bit is unknown.
template <std::size_t N>
constexpr Logic reduce_xor(const Vec<N>& a) noexcept {
  if (!a.is_known()) return LX;
  int parity = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) parity ^= std::popcount(a.aval(i)) & 1;
  return detail::logic_of(parity != 0);
}
/// Verilog ~&a.
template <std::size_t N>
constexpr Logic reduce_nand(const Vec<N>& a) noexcept { return ~reduce_and(a); }
/// Verilog ~|a.
template <std::size_t N>
constexpr Logic reduce_nor(const Vec<N>& a) noexcept { return ~reduce_or(a); }
/// Verilog ~^a.
template <std::size_t N>
constexpr Logic reduce_xnor(const Vec<N>& a) noexcept { return ~reduce_xor(a); }

/// Verilog truth value of a vector (same as |a): 1, 0, or X.
template <std::size_t N>
constexpr Logic truth(const Vec<N>& a) noexcept { return reduce_or(a); }
/// Truth value of one bit (Z reads as X).
constexpr Logic truth(Logic a) noexcept { return a & L1; }

/// Verilog !a.
template <std::size_t N>
constexpr Logic logical_not(const Vec<N>& a) noexcept { return ~truth(a); }
/// Verilog !a, as an operator.
template <std::size_t N>
constexpr Logic operator!(const Vec<N>& a) noexcept { return logical_not(a); }
/// Verilog a && b (any widths; 0 dominates).
template <typename A, typename B>
  requires requires(const A& a, const B& b) { truth(a) & truth(b); }
constexpr Logic logical_and(const A& a, const B& b) noexcept { return truth(a) & truth(b); }
/// Verilog a || b (any widths; 1 dominates).
template <typename A, typename B>
  requires requires(const A& a, const B& b) { truth(a) | truth(b); }
constexpr Logic logical_or(const A& a, const B& b) noexcept { return truth(a) | truth(b); }

}  // namespace tetra
