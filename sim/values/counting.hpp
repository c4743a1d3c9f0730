#pragma once
// Counting and encoding. The counts follow IEEE 1800 $countbits/$onehot/$onehot0 (they
// look only at bits in the named state, so they always have an answer). The encoders
// are pessimistic like the arithmetic: any X or Z input bit gives an all-X result.

#include "sim/values/vec.hpp"

namespace tetra {

/// $countbits(v, '1): number of bits that are 1.
template <std::size_t N>
constexpr std::size_t count_ones(const Vec<N>& v) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) count += static_cast<std::size_t>(std::popcount(v.aval(i) & ~v.bval(i)));
  return count;
}
/// $countbits(v, '0): number of bits that are 0.
template <std::size_t N>
constexpr std::size_t count_zeros(const Vec<N>& v) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) count += static_cast<std::size_t>(std::popcount(~v.aval(i) & ~v.bval(i)));
  return count - (Vec<N>::words * 64 - N);  // the unused top bits are (0,0) by invariant
}
/// $countbits(v, 'x, 'z): number of bits that are X or Z.
template <std::size_t N>
constexpr std::size_t count_unknowns(const Vec<N>& v) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) count += static_cast<std::size_t>(std::popcount(v.bval(i)));
  return count;
}
/// $onehot(v): exactly one bit is 1 (X and Z bits are not counted).
template <std::size_t N>
constexpr bool onehot(const Vec<N>& v) noexcept { return count_ones(v) == 1; }
/// $onehot0(v): at most one bit is 1 (X and Z bits are not counted).
template <std::size_t N>
constexpr bool onehot0(const Vec<N>& v) noexcept { return count_ones(v) <= 1; }

/// Width of a result that counts 0..N.
template <std::size_t N>
inline constexpr std::size_t count_width = detail::bits_for(N);
/// Width of a bit index 0..N-1.
template <std::size_t N>
inline constexpr std::size_t index_width = detail::bits_for(N - 1);

/// Number of 0 bits above the most significant 1 (N for zero); all X if any bit is unknown.
template <std::size_t N>
constexpr Vec<count_width<N>> clz(const Vec<N>& v) noexcept {
  if (!v.is_known()) return Vec<count_width<N>>::xs();
  std::size_t count = 0;
  for (std::size_t i = Vec<N>::words; i-- > 0;) {
    const std::size_t used = i == Vec<N>::words - 1 ? N - i * 64 : 64;
    if (v.aval(i) != 0) {
      count += static_cast<std::size_t>(std::countl_zero(v.aval(i))) - (64 - used);
      return Vec<count_width<N>>(count);
    }
    count += used;
  }
  return Vec<count_width<N>>(count);
}

/// Number of 0 bits below the least significant 1 (N for zero); all X if any bit is unknown.
template <std::size_t N>
constexpr Vec<count_width<N>> ctz(const Vec<N>& v) noexcept {
  if (!v.is_known()) return Vec<count_width<N>>::xs();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    if (v.aval(i) != 0) return Vec<count_width<N>>(i * 64 + static_cast<std::size_t>(std::countr_zero(v.aval(i))));
  }
  return Vec<count_width<N>>(N);
}

/// Index of the most significant 1 bit (0 when v is zero: check reduce_or(v) for
/// "any"); all X if any bit is unknown.
template <std::size_t N>
constexpr Vec<index_width<N>> priority_encode(const Vec<N>& v) noexcept {
  if (!v.is_known()) return Vec<index_width<N>>::xs();
  for (std::size_t i = Vec<N>::words; i-- > 0;) {
    if (v.aval(i) != 0) return Vec<index_width<N>>(i * 64 + 63 - static_cast<std::size_t>(std::countl_zero(v.aval(i))));
  }
  return Vec<index_width<N>>::zeros();
}

/// One-hot decode: bit `index` of a 2^M-bit result is 1; all X if the index is unknown.
template <std::size_t M>
constexpr Vec<(std::size_t{1} << M)> decode(const Vec<M>& index) noexcept {
  static_assert(M <= 16, "decode<M> makes 2^M bits; M is limited to 16");
  constexpr std::size_t out = std::size_t{1} << M;
  if (!index.is_known()) return Vec<out>::xs();
  Vec<out> result = Vec<out>::zeros();
  result.set_bit(static_cast<std::size_t>(index.aval(0)), L1);
  return result;
}

}  // namespace tetra
