#pragma once
// Word-level building blocks shared by the operator families: every operator is a loop
// over the 64-bit words of the two planes (one iteration, fully inlined, for N <= 64).

#include <array>
#include <bit>

#include "sim/values/vec.hpp"

namespace tetra::detail {

/// Applies `op(a_aval, a_bval, b_aval, b_bval) -> {aval, bval}` word by word.
template <std::size_t N, typename Op>
constexpr Vec<N> zip_words(const Vec<N>& a, const Vec<N>& b, Op op) noexcept {
  Vec<N> result = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const auto [aval, bval] = op(a.aval(i), a.bval(i), b.aval(i), b.bval(i));
    result.set_words(i, aval, bval);
  }
  return result;
}

struct Planes {
  Word aval;
  Word bval;
};

/// Summary of a vector: does any bit equal 1 (known), and is any bit unknown.
struct Presence {
  bool any_one = false;
  bool any_zero = false;
  bool any_unknown = false;
};

template <std::size_t N>
constexpr Presence presence(const Vec<N>& v) noexcept {
  Word one = 0, zero = 0, unknown = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const Word mask = i == Vec<N>::words - 1 ? Vec<N>::top_mask : ~Word{0};
    one |= v.aval(i) & ~v.bval(i);
    zero |= ~v.aval(i) & ~v.bval(i) & mask;
    unknown |= v.bval(i);
  }
  return {one != 0, zero != 0, unknown != 0};
}

constexpr Logic logic_of(bool value) noexcept { return value ? L1 : L0; }

__extension__ using WideWord = unsigned __int128;

template <std::size_t N>
using WordArray = std::array<Word, Vec<N>::words>;

template <std::size_t N>
constexpr WordArray<N> value_words(const Vec<N>& v) noexcept {
  WordArray<N> words{};
  for (std::size_t i = 0; i < Vec<N>::words; ++i) words[i] = v.aval(i);
  return words;
}

/// The known result in `words`, or all X when `unknown`. One word takes a branch, which
/// saves the mask and its plane store on the path RTL takes nearly always (the kernel
/// ring: 9% fewer instructions, 4% less time); wider values take the mask, which keeps
/// their word loop free of branches (with a branch, a 256-bit add took 3x longer).
template <std::size_t N>
constexpr Vec<N> known_or_xs(const WordArray<N>& words, bool unknown) noexcept {
  Vec<N> result = Vec<N>::zeros();
  if constexpr (Vec<N>::words == 1) {
    if (unknown) [[unlikely]] return Vec<N>::xs();
    result.set_words(0, words[0], 0);
  } else {
    const Word poison = unknown ? ~Word{0} : 0;
    for (std::size_t i = 0; i < Vec<N>::words; ++i) result.set_words(i, words[i] | poison, poison);
  }
  return result;
}

template <std::size_t N>
constexpr bool either_unknown(const Vec<N>& a, const Vec<N>& b) noexcept {
  Word unknown = 0;
  for (std::size_t i = 0; i < Vec<N>::words; ++i) unknown |= a.bval(i) | b.bval(i);
  return unknown != 0;
}

template <std::size_t N>
constexpr WordArray<N> add_words(const WordArray<N>& a, const WordArray<N>& b, Word carry) noexcept {
  WordArray<N> sum{};
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const Word partial = a[i] + b[i];
    const Word total = partial + carry;
    carry = static_cast<Word>(partial < a[i]) | static_cast<Word>(total < partial);
    sum[i] = total;
  }
  return sum;
}

/// Clears the bits above N, restoring the plane invariant inside a computation.
template <std::size_t N>
constexpr WordArray<N> mask_top(WordArray<N> a) noexcept {
  a[Vec<N>::words - 1] &= Vec<N>::top_mask;
  return a;
}

template <std::size_t N>
constexpr WordArray<N> invert_words(WordArray<N> a) noexcept {
  for (auto& word : a) word = ~word;
  return mask_top<N>(a);
}

template <std::size_t N>
constexpr bool all_zero(const WordArray<N>& a) noexcept {
  Word any = 0;
  for (Word word : a) any |= word;
  return any == 0;
}

/// v with every bit at index >= N - n replaced by `fill` (n <= N), for ashr.
template <std::size_t N>
constexpr Vec<N> fill_top(Vec<N> v, std::size_t n, Logic fill) noexcept {
  for (std::size_t i = 0; i < Vec<N>::words; ++i) {
    const std::size_t word_lsb = i * 64;
    const std::size_t first_filled = N - n;
    if (word_lsb + 64 <= first_filled) continue;
    const Word mask = first_filled <= word_lsb ? ~Word{0} : ~low_mask(first_filled - word_lsb);
    v.set_words(i, (v.aval(i) & ~mask) | (fill.aval() != 0 ? mask : 0),
                (v.bval(i) & ~mask) | (fill.bval() != 0 ? mask : 0));
  }
  return v;
}

/// The 64 bits of v starting at bit `lsb` (bits beyond N read as 0).
template <std::size_t N>
constexpr Planes word_at(const Vec<N>& v, std::size_t lsb) noexcept {
  const std::size_t k = lsb / 64, s = lsb % 64;
  if (k >= Vec<N>::words) return {0, 0};
  Word aval = v.aval(k) >> s, bval = v.bval(k) >> s;
  if (s != 0 && k + 1 < Vec<N>::words) {
    aval |= v.aval(k + 1) << (64 - s);
    bval |= v.bval(k + 1) << (64 - s);
  }
  return {aval, bval};
}

/// Bits [lsb, lsb + W) of v as a Vec<W> (bits beyond N read as 0).
template <std::size_t W, std::size_t N>
constexpr Vec<W> extract(const Vec<N>& v, std::size_t lsb) noexcept {
  Vec<W> result = Vec<W>::zeros();
  for (std::size_t i = 0; i < Vec<W>::words; ++i) {
    const auto [aval, bval] = word_at(v, lsb + i * 64);
    result.set_words(i, aval, bval);
  }
  return result;
}

/// Overwrites bits [lsb, lsb + M) of dst with src; the caller guarantees lsb + M <= N.
template <std::size_t N, std::size_t M>
constexpr void deposit(Vec<N>& dst, std::size_t lsb, const Vec<M>& src) noexcept {
  for (std::size_t j = 0; j < Vec<M>::words; ++j) {
    const std::size_t count = M - j * 64 < 64 ? M - j * 64 : 64;
    const std::size_t pos = lsb + j * 64, k = pos / 64, s = pos % 64;
    const Word mask = low_mask(count);
    dst.set_words(k, (dst.aval(k) & ~(mask << s)) | (src.aval(j) << s),
                  (dst.bval(k) & ~(mask << s)) | (src.bval(j) << s));
    if (s != 0 && s + count > 64) {
      dst.set_words(k + 1, (dst.aval(k + 1) & ~(mask >> (64 - s))) | (src.aval(j) >> (64 - s)),
                    (dst.bval(k + 1) & ~(mask >> (64 - s))) | (src.bval(j) >> (64 - s)));
    }
  }
}

}  // namespace tetra::detail
