#pragma once
// How a SystemC value crosses into Tetra and back. sc_logic and sc_lv<N> encode a bit in
// two planes exactly as Tetra does (0 = (0,0), 1 = (1,0), Z = (0,1), X = (1,1)), in
// 32-bit words (sc_lv's data and control words) where Tetra has 64-bit ones: a crossing
// copies the words, and keeps all four states both ways. bool, sc_bv<N> and sc_uint<N>
// are two-state: into Tetra they are known bits; out of Tetra, an X or Z bit goes
// through the port's UnknownBitPolicy first.
//
// Widths must match: a Vec<8> signal connects to sc_lv<8>, sc_bv<8> or sc_uint<8>, and
// to nothing else (a static_assert says so).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include <systemc>

#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/kernel/value_traits.hpp"

namespace tetra::systemc {

/// The SystemC value types a Tetra signal can cross to; see the specialisations.
template <class S>
struct SystemCValue;

/// bool: one two-state bit.
template <>
struct SystemCValue<bool> {
  static constexpr std::size_t width = 1;
  static constexpr bool four_state = false;
  static void to_planes(const bool& value, std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) {
    aval[0] = value ? 1 : 0;
    bval[0] = 0;
  }
  static void from_planes(bool& value, std::span<const std::uint64_t> aval, std::span<const std::uint64_t>) {
    value = (aval[0] & 1u) != 0;
  }
};

/// sc_logic: one four-state bit, whose value is (aval | bval << 1).
template <>
struct SystemCValue<sc_dt::sc_logic> {
  static constexpr std::size_t width = 1;
  static constexpr bool four_state = true;
  static void to_planes(const sc_dt::sc_logic& value, std::span<std::uint64_t> aval,
                        std::span<std::uint64_t> bval) {
    const auto code = static_cast<std::uint64_t>(value.value());
    aval[0] = code & 1u;
    bval[0] = code >> 1;
  }
  static void from_planes(sc_dt::sc_logic& value, std::span<const std::uint64_t> aval,
                          std::span<const std::uint64_t> bval) {
    value = sc_dt::sc_logic(static_cast<sc_dt::sc_logic_value_t>((aval[0] & 1u) | (bval[0] & 1u) << 1));
  }
};

namespace detail {
// Two 32-bit SystemC words make one 64-bit Tetra word; `get(i)` reads SystemC word i.
template <class GetWord>
void join_words(std::size_t sc_words, std::span<std::uint64_t> plane, GetWord get) {
  for (std::size_t i = 0; i < plane.size(); ++i) {
    const std::uint64_t low = get(2 * i);
    const std::uint64_t high = 2 * i + 1 < sc_words ? get(2 * i + 1) : 0;
    plane[i] = low | high << 32;
  }
}
template <class SetWord>
void split_words(std::size_t sc_words, std::span<const std::uint64_t> plane, SetWord set) {
  for (std::size_t i = 0; i < sc_words; ++i) set(i, static_cast<sc_dt::sc_digit>(plane[i / 2] >> (32 * (i % 2))));
}

// sc_lv<N> and sc_bv<N>: data words, and for sc_lv control words, copied as they are.
template <class S, int N, bool FourState>
struct SystemCVector {
  static constexpr std::size_t width = N;
  static constexpr bool four_state = FourState;
  static constexpr std::size_t sc_words = (N + 31) / 32;
  static void to_planes(const S& value, std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) {
    join_words(sc_words, aval, [&](std::size_t i) { return value.get_word(static_cast<int>(i)); });
    if constexpr (FourState) {
      join_words(sc_words, bval, [&](std::size_t i) { return value.get_cword(static_cast<int>(i)); });
    } else {
      for (std::uint64_t& word : bval) word = 0;
    }
  }
  static void from_planes(S& value, std::span<const std::uint64_t> aval, std::span<const std::uint64_t> bval) {
    split_words(sc_words, aval, [&](std::size_t i, sc_dt::sc_digit word) { value.set_word(static_cast<int>(i), word); });
    if constexpr (FourState) {
      split_words(sc_words, bval, [&](std::size_t i, sc_dt::sc_digit word) { value.set_cword(static_cast<int>(i), word); });
    }
  }
};
}  // namespace detail

/// sc_lv<N>: N four-state bits.
template <int N>
struct SystemCValue<sc_dt::sc_lv<N>> : detail::SystemCVector<sc_dt::sc_lv<N>, N, true> {};

/// sc_bv<N>: N two-state bits.
template <int N>
struct SystemCValue<sc_dt::sc_bv<N>> : detail::SystemCVector<sc_dt::sc_bv<N>, N, false> {};

/// sc_uint<N>, N <= 64: an unsigned integer of N two-state bits.
template <int N>
struct SystemCValue<sc_dt::sc_uint<N>> {
  static constexpr std::size_t width = N;
  static constexpr bool four_state = false;
  static void to_planes(const sc_dt::sc_uint<N>& value, std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) {
    aval[0] = value.value();
    bval[0] = 0;
  }
  static void from_planes(sc_dt::sc_uint<N>& value, std::span<const std::uint64_t> aval,
                          std::span<const std::uint64_t>) {
    value = aval[0];
  }
};

/// A SystemC value type of the list above.
template <class S>
concept CrossingValue = requires { SystemCValue<S>::width; };

/// The planes of a value of `width` bits: word 0 first, both planes side by side.
template <std::size_t width>
struct Planes {
  static constexpr std::size_t words = (width + 63) / 64;
  std::array<std::uint64_t, words> aval{};
  std::array<std::uint64_t, words> bval{};
  /// True if some bit is X or Z.
  [[nodiscard]] bool has_unknown() const {
    std::uint64_t unknown = 0;
    for (const std::uint64_t word : bval) unknown |= word;
    return unknown != 0;
  }
};

/// The Tetra value of SystemC value `value`: every bit as it is (two-state types give
/// known bits).
template <SignalValue T, CrossingValue S>
T to_tetra(const S& value) {
  static_assert(ValueTraits<T>::width == SystemCValue<S>::width,
                "a Tetra signal connects only to a SystemC value type of the same width");
  Planes<ValueTraits<T>::width> planes;
  SystemCValue<S>::to_planes(value, planes.aval, planes.bval);
  T result = ValueTraits<T>::all_x();
  for (std::size_t i = 0; i < planes.words; ++i) ValueTraits<T>::set_words(result, i, planes.aval[i], planes.bval[i]);
  return result;
}

/// Sets `target` to Tetra value `value` and returns true. A two-state type takes X and Z
/// bits through `filler`; under the error policy `target` is left as it was and the
/// result is false.
template <CrossingValue S, SignalValue T>
bool to_systemc(const T& value, S& target, UnknownBitFiller& filler) {
  static_assert(ValueTraits<T>::width == SystemCValue<S>::width,
                "a Tetra signal connects only to a SystemC value type of the same width");
  Planes<ValueTraits<T>::width> planes;
  for (std::size_t i = 0; i < planes.words; ++i) {
    planes.aval[i] = ValueTraits<T>::aval(value, i);
    planes.bval[i] = ValueTraits<T>::bval(value, i);
  }
  if (!SystemCValue<S>::four_state && planes.has_unknown() && !filler.fill(planes.aval, planes.bval)) return false;
  SystemCValue<S>::from_planes(target, planes.aval, planes.bval);
  return true;
}

}  // namespace tetra::systemc
