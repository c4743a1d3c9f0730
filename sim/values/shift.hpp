#pragma once
// Shifts and rotates (IEEE 1800 11.4.10). Bits move with their state (an X bit shifts
// like any other); vacated bits are 0, or copies of the sign bit for ashr. A shift
// amount given as a Vec with any X or Z bit makes the whole result X.

#include <optional>

#include "sim/values/vec.hpp"

namespace tetra {

namespace detail {

/// Plane word i of v shifted left by n bits (n < N), taking bits from the word below.
template <std::size_t N>
constexpr Planes shifted_left_word(const Vec<N>& v, std::size_t i, std::size_t n) noexcept {
  const std::size_t word_shift = n / 64, bit_shift = n % 64;
  if (i < word_shift) return {0, 0};
  const std::size_t source = i - word_shift;
  Word aval = v.aval(source) << bit_shift, bval = v.bval(source) << bit_shift;
  if (bit_shift != 0 && source > 0) {
    aval |= v.aval(source - 1) >> (64 - bit_shift);
    bval |= v.bval(source - 1) >> (64 - bit_shift);
  }
  return {aval, bval};
}

/// Plane word i of v shifted right by n bits (n < N), zero-filled.
template <std::size_t N>
constexpr Planes shifted_right_word(const Vec<N>& v, std::size_t i, std::size_t n) noexcept {
  const std::size_t word_shift = n / 64, bit_shift = n % 64;
  const std::size_t source = i + word_shift;
  if (source >= Vec<N>::words) return {0, 0};
  Word aval = v.aval(source) >> bit_shift, bval = v.bval(source) >> bit_shift;
  if (bit_shift != 0 && source + 1 < Vec<N>::words) {
    aval |= v.aval(source + 1) << (64 - bit_shift);
    bval |= v.bval(source + 1) << (64 - bit_shift);
  }
  return {aval, bval};
}

/// The value of a known shift amount, saturated to N (every amount >= N acts alike);
/// nullopt if it has unknown bits.
template <std::size_t M, std::size_t N>
constexpr std::optional<std::size_t> shift_amount(const Vec<M>& amount) noexcept {
  if (!amount.is_known()) return std::nullopt;
  for (std::size_t i = 1; i < Vec<M>::words; ++i) {
    if (amount.aval(i) != 0) return N;
  }
  return amount.aval(0) < N ? static_cast<std::size_t>(amount.aval(0)) : N;
}

/// A known rotate amount reduced mod N (word by word: 2^64 mod N folds in); nullopt if unknown.
template <std::size_t N, std::size_t M>
constexpr std::optional<std::size_t> amount_mod(const Vec<M>& amount) noexcept {
  if (!amount.is_known()) return std::nullopt;
  const auto word_mod = static_cast<WideWord>((static_cast<WideWord>(1) << 64) % N);
  WideWord k = 0;
  for (std::size_t i = Vec<M>::words; i-- > 0;) k = (k * word_mod + amount.aval(i) % N) % N;
  return static_cast<std::size_t>(k);
}

}  // namespace detail

/// Verilog v << n: logical shift left, zero-filled.
template <std::size_t N>
constexpr Vec<N> operator<<(const Vec<N>& v, std::size_t n) noexcept {
  if (n >= N) return Vec<N>::zeros();
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const auto [aval, bval] = detail::shifted_left_word(v, i, n);
    result.set_words(i, aval, bval);
  }
  return result;
}

/// Verilog v >> n: logical shift right, zero-filled.
template <std::size_t N>
constexpr Vec<N> operator>>(const Vec<N>& v, std::size_t n) noexcept {
  if (n >= N) return Vec<N>::zeros();
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const auto [aval, bval] = detail::shifted_right_word(v, i, n);
    result.set_words(i, aval, bval);
  }
  return result;
}

/// Verilog v >>> n on a signed value: vacated bits copy the sign bit (X and Z too).
template <std::size_t N>
constexpr Vec<N> ashr(const Vec<N>& v, std::size_t n) noexcept {
  const std::size_t clamped = n < N ? n : N;
  const Logic sign = v.bit(N - 1);
  return detail::fill_top(v >> clamped, clamped, sign);
}

/// Rotate left by n (mod N).
template <std::size_t N>
constexpr Vec<N> rotl(const Vec<N>& v, std::size_t n) noexcept {
  const std::size_t k = n % N;
  if (k == 0) return v;
  const Vec<N> high = v << k;
  const Vec<N> low = v >> (N - k);
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    result.set_words(i, high.aval(i) | low.aval(i), high.bval(i) | low.bval(i));
  }
  return result;
}

/// Rotate right by n (mod N).
template <std::size_t N>
constexpr Vec<N> rotr(const Vec<N>& v, std::size_t n) noexcept {
  return rotl(v, N - n % N);
}

/// Verilog v << amount; X if the amount has unknown bits.
template <std::size_t N, std::size_t M>
constexpr Vec<N> operator<<(const Vec<N>& v, const Vec<M>& amount) noexcept {
  const auto n = detail::shift_amount<M, N>(amount);
  return n ? v << *n : Vec<N>::xs();
}
/// Verilog v >> amount; X if the amount has unknown bits.
template <std::size_t N, std::size_t M>
constexpr Vec<N> operator>>(const Vec<N>& v, const Vec<M>& amount) noexcept {
  const auto n = detail::shift_amount<M, N>(amount);
  return n ? v >> *n : Vec<N>::xs();
}
/// Verilog v >>> amount (signed); X if the amount has unknown bits.
template <std::size_t N, std::size_t M>
constexpr Vec<N> ashr(const Vec<N>& v, const Vec<M>& amount) noexcept {
  const auto n = detail::shift_amount<M, N>(amount);
  return n ? ashr(v, *n) : Vec<N>::xs();
}
/// Rotate left by a Vec amount; X if it has unknown bits.
template <std::size_t N, std::size_t M>
constexpr Vec<N> rotl(const Vec<N>& v, const Vec<M>& amount) noexcept {
  const auto k = detail::amount_mod<N>(amount);
  return k ? rotl(v, *k) : Vec<N>::xs();
}
/// Rotate right by a Vec amount; X if it has unknown bits.
template <std::size_t N, std::size_t M>
constexpr Vec<N> rotr(const Vec<N>& v, const Vec<M>& amount) noexcept {
  const auto k = detail::amount_mod<N>(amount);
  return k ? rotr(v, *k) : Vec<N>::xs();
}

}  // namespace tetra
