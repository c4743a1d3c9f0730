#pragma once
// Vec<N>: an N-bit four-state vector, stored inline as two bit-planes (VPI aval/bval:
// 0=(0,0), 1=(1,0), Z=(0,1), X=(1,1)) of 64-bit words, or of one word as narrow as N
// allows. Every operation works on 64-bit words: aval(i) and bval(i) widen.
//
// Invariant: the unused top bits of the last word are zero in both planes, so that
// == can compare whole words and counting can popcount whole words.
//
// This header gives the whole values API: the class itself, then (included at the
// bottom) one header per operator family. Widths are static: Vec<8> & Vec<9> does not
// compile; zext/sext/trunc convert explicitly.
//
// Contract: every name of the values API contract is implemented as specified, with no
// deviation. Additions (octal radix, to_literal, truth, case_ne, wildcard_ne, to_vec,
// assign_slice, Vec-returning clz/ctz/priority_encode) are listed in docs/values.md.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "sim/values/errors.hpp"
#include "sim/values/logic.hpp"

namespace tetra {

/// Radix for formatting (and the base letter of a literal).
enum class Radix { binary, octal, hex, decimal };

template <std::size_t N>
class Vec;

namespace detail {
using Word = std::uint64_t;
inline constexpr std::size_t word_bits = 64;

/// A word with the low `count` bits set, for count in [0, 64].
constexpr Word low_mask(std::size_t count) noexcept {
  return count >= word_bits ? ~Word{0} : (Word{1} << count) - 1;
}

/// The narrowest unsigned type that holds `bits` (<= 64) bits: one plane of a
/// single-word Vec is stored in it, so that a Vec<16> takes 4 bytes and a signal's
/// current and next values share a cache line with its other hot fields.
template <std::size_t bits>
using PlaneStorage = std::conditional_t<
    bits <= 8, std::uint8_t,
    std::conditional_t<bits <= 16, std::uint16_t, std::conditional_t<bits <= 32, std::uint32_t, std::uint64_t>>>;

/// Number of bits needed to write values 0..max.
constexpr std::size_t bits_for(std::size_t max) noexcept {
  return max == 0 ? 1 : static_cast<std::size_t>(std::bit_width(max));
}
}  // namespace detail

/// An N-bit four-state vector (N >= 1), a regular value type with inline storage.
template <std::size_t N>
class Vec {
  static_assert(N >= 1, "a Vec has at least one bit");

public:
  using Word = detail::Word;
  static constexpr std::size_t width = N;                ///< Number of bits.
  static constexpr std::size_t words = (N + 63) / 64;    ///< Number of 64-bit words per plane.
  static constexpr Word top_mask = detail::low_mask(N - (words - 1) * 64);  ///< Used bits of the last word.

  /// All X: a value nobody has written is unknown, never silently 0.
  constexpr Vec() noexcept { fill(~Word{0}, ~Word{0}); }

  /// From an unsigned integer; throws std::out_of_range if it does not fit in N bits.
  constexpr explicit Vec(std::uint64_t value) : Vec(from_uint(value)) {}

  /// All bits 0.
  static constexpr Vec zeros() noexcept { return filled(0, 0); }
  /// All bits 1.
  static constexpr Vec ones() noexcept { return filled(~Word{0}, 0); }
  /// All bits X.
  static constexpr Vec xs() noexcept { return filled(~Word{0}, ~Word{0}); }
  /// All bits Z.
  static constexpr Vec zs() noexcept { return filled(0, ~Word{0}); }

  /// From an unsigned integer; throws std::out_of_range if it does not fit in N bits.
  static constexpr Vec from_uint(std::uint64_t value) {
    if (N < 64 && (value >> (N < 64 ? N : 0)) != 0) {
      throw std::out_of_range("value " + std::to_string(value) + " does not fit in " + std::to_string(N) +
                              " bits");
    }
    Vec result = zeros();
    result.set_words(0, value, 0);
    return result;
  }

  /// From a signed integer in two's complement; throws std::out_of_range unless
  /// -2^(N-1) <= value < 2^(N-1).
  static constexpr Vec from_int(std::int64_t value) {
    if (N < 64) {
      const std::int64_t limit = std::int64_t{1} << (N < 64 ? N - 1 : 0);
      if (value < -limit || value >= limit) {
        throw std::out_of_range("value " + std::to_string(value) + " does not fit in " + std::to_string(N) +
                                " signed bits");
      }
    }
    const Word fill_word = value < 0 ? ~Word{0} : 0;
    Vec result = filled(fill_word, 0);
    result.set_words(0, static_cast<Word>(value), 0);
    return result;
  }

  /// Parses Verilog literal text such as "8'b1010_xxzz"; its width must be N.
  /// Throws LiteralError naming the text, the position and the reason.
  static constexpr Vec parse(std::string_view text);

  /// Value plane of word i (bit 0 of word 0 is bit 0 of the vector).
  constexpr Word aval(std::size_t i) const noexcept { return a_[i]; }
  /// Unknown plane of word i.
  constexpr Word bval(std::size_t i) const noexcept { return b_[i]; }
  /// Sets both planes of word i; bits above N in the last word are dropped.
  constexpr void set_words(std::size_t i, Word aval, Word bval) noexcept {
    const Word mask = i == words - 1 ? top_mask : ~Word{0};
    a_[i] = static_cast<Storage>(aval & mask);
    b_[i] = static_cast<Storage>(bval & mask);
  }

  /// Bit i; throws std::out_of_range if i >= N.
  constexpr Logic bit(std::size_t i) const {
    check_index(i);
    return Logic::from_planes(aval(i / 64) >> (i % 64), bval(i / 64) >> (i % 64));
  }
  /// Sets bit i; throws std::out_of_range if i >= N.
  constexpr void set_bit(std::size_t i, Logic value) {
    check_index(i);
    const Word mask = Word{1} << (i % 64);
    set_words(i / 64, (aval(i / 64) & ~mask) | (Word{value.aval()} << (i % 64)),
              (bval(i / 64) & ~mask) | (Word{value.bval()} << (i % 64)));
  }

  /// True if no bit is X or Z.
  constexpr bool is_known() const noexcept {
    Word unknown = 0;
    for (std::size_t i = 0; i < words; ++i) unknown |= bval(i);
    return unknown == 0;
  }

  /// The value as an unsigned integer (N <= 64); throws UnknownValueError on X/Z bits.
  constexpr std::uint64_t to_uint64() const {
    static_assert(N <= 64, "to_uint64 needs N <= 64: trunc<64> first if the top bits are known zero");
    require_known("an integer");
    return aval(0);
  }
  /// The value as a two's complement integer (N <= 64); throws UnknownValueError on X/Z bits.
  constexpr std::int64_t to_int64() const {
    static_assert(N <= 64, "to_int64 needs N <= 64");
    require_known("an integer");
    const Word sign_fill = (N < 64 && ((aval(0) >> (N - 1)) & 1u)) ? ~top_mask : 0;
    return static_cast<std::int64_t>(aval(0) | sign_fill);
  }
  /// Verilog truth: true if any bit is 1, false if all are 0; throws UnknownValueError
  /// when no bit is 1 but some bit is X or Z.
  constexpr explicit operator bool() const {
    Word known_one = 0;
    Word unknown = 0;
    for (std::size_t i = 0; i < words; ++i) {
      known_one |= aval(i) & ~bval(i);
      unknown |= bval(i);
    }
    if (known_one != 0) return true;
    if (unknown != 0) require_known("bool");
    return false;
  }

  /// Identity (===): X equals X. Use eq() for Verilog ==.
  /// Branch-free over the words: equal and unequal values take the same time.
  friend constexpr bool operator==(const Vec& x, const Vec& y) noexcept {
    Word difference = 0;
    for (std::size_t i = 0; i < words; ++i) difference |= (x.aval(i) ^ y.aval(i)) | (x.bval(i) ^ y.bval(i));
    return difference == 0;
  }

private:
  static constexpr Vec filled(Word aval_fill, Word bval_fill) noexcept {
    Vec result;
    result.fill(aval_fill, bval_fill);
    return result;
  }
  constexpr void fill(Word aval_fill, Word bval_fill) noexcept {
    for (std::size_t i = 0; i < words; ++i) set_words(i, aval_fill, bval_fill);
  }
  constexpr void check_index(std::size_t i) const {
    if (i >= N) {
      throw std::out_of_range("bit index " + std::to_string(i) + " is out of range for a " + std::to_string(N) +
                              "-bit value");
    }
  }
  constexpr void require_known(std::string_view target) const;

  // Several words are whole 64-bit words; one is as narrow as N allows.
  using Storage = detail::PlaneStorage<(words == 1 ? N : 64)>;
  std::array<Storage, words> a_{};
  std::array<Storage, words> b_{};
};

}  // namespace tetra

#include "sim/values/format.hpp"
#include "sim/values/literal.hpp"

template <std::size_t N>
constexpr void tetra::Vec<N>::require_known(std::string_view target) const {
  if (!is_known()) throw UnknownValueError(to_literal(*this), target);
}

#include "sim/values/word_ops.hpp"
#include "sim/values/bitwise.hpp"
#include "sim/values/compare.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/shift.hpp"
#include "sim/values/bit_layout.hpp"
#include "sim/values/select.hpp"
#include "sim/values/counting.hpp"
