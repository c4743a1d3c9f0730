#pragma once
// Arithmetic (IEEE 1800 11.4.3): modulo 2^N, and pessimistic: any X or Z operand bit
// makes the whole result X, as does division or remainder by zero.

#include <array>

#include "sim/values/vec.hpp"

namespace tetra {

namespace detail {

/// Unsigned long division of known values (divisor non-zero): {quotient, remainder}.
template <std::size_t N>
constexpr std::array<WordArray<N>, 2> divide_words(const WordArray<N>& dividend, const WordArray<N>& divisor) noexcept {
  if constexpr (N <= 64) {
    return {WordArray<N>{dividend[0] / divisor[0]}, WordArray<N>{dividend[0] % divisor[0]}};
  } else {
    WordArray<N> quotient{}, remainder{};
    for (std::size_t bit = N; bit-- > 0;) {
      // remainder = remainder << 1 | dividend[bit]; the top bit shifted out matters.
      const Word overflow = remainder[Vec<N>::words - 1] >> 63;
      for (std::size_t i = Vec<N>::words; i-- > 1;) remainder[i] = (remainder[i] << 1) | (remainder[i - 1] >> 63);
      remainder[0] = (remainder[0] << 1) | ((dividend[bit / 64] >> (bit % 64)) & 1u);
      bool at_least = overflow != 0;
      if (!at_least) {
        at_least = true;
        for (std::size_t i = Vec<N>::words; i-- > 0;) {
          if (remainder[i] != divisor[i]) {
            at_least = remainder[i] > divisor[i];
            break;
          }
        }
      }
      if (at_least) {
        remainder = mask_top<N>(add_words<N>(remainder, invert_words<N>(divisor), 1));
        quotient[bit / 64] |= Word{1} << (bit % 64);
      }
    }
    return {quotient, remainder};
  }
}

template <std::size_t N>
constexpr bool sign_of(const WordArray<N>& a) noexcept {
  return ((a[Vec<N>::words - 1] >> ((N - 1) % 64)) & 1u) != 0;
}

template <std::size_t N>
constexpr WordArray<N> negate_words(const WordArray<N>& a) noexcept {
  return mask_top<N>(add_words<N>(invert_words<N>(a), WordArray<N>{}, 1));
}

/// Division of known operands: unsigned, or signed truncating toward zero like Verilog.
template <std::size_t N>
constexpr Vec<N> divide(const Vec<N>& a, const Vec<N>& b, bool is_signed, bool want_remainder) noexcept {
  const auto divisor = value_words(b);
  if (either_unknown(a, b) || all_zero<N>(divisor)) return Vec<N>::xs();
  const auto dividend = value_words(a);
  const bool negative_dividend = is_signed && sign_of<N>(dividend);
  const bool negative_divisor = is_signed && sign_of<N>(divisor);
  const auto [quotient, remainder] =
      divide_words<N>(negative_dividend ? negate_words<N>(dividend) : dividend,
                      negative_divisor ? negate_words<N>(divisor) : divisor);
  // The remainder takes the dividend's sign, the quotient is negative when signs differ.
  const bool negate = want_remainder ? negative_dividend : negative_dividend != negative_divisor;
  const auto& magnitude = want_remainder ? remainder : quotient;
  return known_or_xs<N>(negate ? negate_words<N>(magnitude) : magnitude, false);
}

}  // namespace detail

/// Verilog a + b (mod 2^N).
template <std::size_t N>
constexpr Vec<N> operator+(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::known_or_xs<N>(detail::add_words<N>(detail::value_words(a), detail::value_words(b), 0),
                                detail::either_unknown(a, b));
}

/// Verilog a - b (mod 2^N).
template <std::size_t N>
constexpr Vec<N> operator-(const Vec<N>& a, const Vec<N>& b) noexcept {
  return detail::known_or_xs<N>(
      detail::add_words<N>(detail::value_words(a), detail::invert_words<N>(detail::value_words(b)), 1),
      detail::either_unknown(a, b));
}

/// Verilog -a (two's complement).
template <std::size_t N>
constexpr Vec<N> operator-(const Vec<N>& a) noexcept {
  return detail::known_or_xs<N>(detail::negate_words<N>(detail::value_words(a)), !a.is_known());
}

/// Verilog a * b (low N bits of the product).
template <std::size_t N>
constexpr Vec<N> operator*(const Vec<N>& a, const Vec<N>& b) noexcept {
  const auto x = detail::value_words(a);
  const auto y = detail::value_words(b);
  detail::WordArray<N> product{};
  if constexpr (Vec<N>::words == 1) {
    product[0] = x[0] * y[0];
  } else {
    for (std::size_t i = 0; i < Vec<N>::words; ++i) {
      detail::Word carry = 0;
      for (std::size_t j = 0; i + j < Vec<N>::words; ++j) {
        const detail::WideWord term =
            static_cast<detail::WideWord>(x[i]) * y[j] + product[i + j] + carry;
        product[i + j] = static_cast<detail::Word>(term);
        carry = static_cast<detail::Word>(term >> 64);
      }
    }
  }
  return detail::known_or_xs<N>(product, detail::either_unknown(a, b));
}

/// Verilog a / b, unsigned; X if b is 0.
template <std::size_t N>
constexpr Vec<N> operator/(const Vec<N>& a, const Vec<N>& b) noexcept { return detail::divide(a, b, false, false); }
/// Verilog a % b, unsigned; X if b is 0.
template <std::size_t N>
constexpr Vec<N> operator%(const Vec<N>& a, const Vec<N>& b) noexcept { return detail::divide(a, b, false, true); }
/// Signed division, truncating toward zero; X if b is 0.
template <std::size_t N>
constexpr Vec<N> sdiv(const Vec<N>& a, const Vec<N>& b) noexcept { return detail::divide(a, b, true, false); }
/// Signed remainder, with the sign of a; X if b is 0.
template <std::size_t N>
constexpr Vec<N> srem(const Vec<N>& a, const Vec<N>& b) noexcept { return detail::divide(a, b, true, true); }

/// Compound assignments.
template <std::size_t N>
constexpr Vec<N>& operator+=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a + b; }
template <std::size_t N>
constexpr Vec<N>& operator-=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a - b; }
template <std::size_t N>
constexpr Vec<N>& operator*=(Vec<N>& a, const Vec<N>& b) noexcept { return a = a * b; }

}  // namespace tetra
