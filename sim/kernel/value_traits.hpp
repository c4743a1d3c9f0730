#pragma once
// How the kernel sees a value type carried by a signal: its width and its four-state
// bit-planes (VPI aval/bval words). Tracing, edge detection and wire resolution work on
// planes, so any type that exposes them can travel on a Signal.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "sim/values/logic.hpp"

namespace tetra {

/// Plane access for a value type. The primary template serves every type shaped like
/// Vec<N> (static width, aval(i)/bval(i)/set_words, xs()/zs()); specialise it for others.
template <class T>
struct ValueTraits {
  static constexpr std::size_t width = T::width;                 ///< Bits in the value.
  static constexpr std::size_t words = (width + 63) / 64;        ///< 64-bit words per plane.
  /// Value plane word i.
  static constexpr std::uint64_t aval(const T& v, std::size_t i) { return v.aval(i); }
  /// Unknown plane word i.
  static constexpr std::uint64_t bval(const T& v, std::size_t i) { return v.bval(i); }
  /// Sets word i of both planes.
  static constexpr void set_words(T& v, std::size_t i, std::uint64_t a, std::uint64_t b) { v.set_words(i, a, b); }
  /// The all-X value: a signal's initial value unless one is given.
  static constexpr T all_x() { return T::xs(); }
  /// The all-Z value: what an idle driver of a Wire contributes.
  static constexpr T all_z() { return T::zs(); }
};

/// Plane access for one four-state bit.
template <>
struct ValueTraits<Logic> {
  static constexpr std::size_t width = 1;
  static constexpr std::size_t words = 1;
  static constexpr std::uint64_t aval(Logic v, std::size_t) { return v.aval(); }
  static constexpr std::uint64_t bval(Logic v, std::size_t) { return v.bval(); }
  static constexpr void set_words(Logic& v, std::size_t, std::uint64_t a, std::uint64_t b) {
    v = Logic::from_planes(a, b);
  }
  static constexpr Logic all_x() { return LX; }
  static constexpr Logic all_z() { return LZ; }
};

/// Plane access for an array used as a memory: element 0 holds the least significant
/// bits of the flattened value, as in a Verilog unpacked array [K-1:0] packed for a dump.
template <class E, std::size_t K>
  requires(K > 0)
struct ValueTraits<std::array<E, K>> {
  using Array = std::array<E, K>;
  static constexpr std::size_t element_width = ValueTraits<E>::width;
  static constexpr std::size_t width = element_width * K;
  static constexpr std::size_t words = (width + 63) / 64;
  static constexpr std::uint64_t aval(const Array& v, std::size_t i) { return gather<true>(v, i); }
  static constexpr std::uint64_t bval(const Array& v, std::size_t i) { return gather<false>(v, i); }
  static constexpr void set_words(Array& v, std::size_t i, std::uint64_t a, std::uint64_t b) {
    for (std::size_t bit = 0; bit < 64 && 64 * i + bit < width; ++bit) {
      const std::size_t flat = 64 * i + bit;
      E& element = v[flat / element_width];
      const std::size_t inner = flat % element_width;
      const std::uint64_t mask = std::uint64_t{1} << (inner % 64);
      const std::uint64_t old_a = ValueTraits<E>::aval(element, inner / 64);
      const std::uint64_t old_b = ValueTraits<E>::bval(element, inner / 64);
      ValueTraits<E>::set_words(element, inner / 64, ((a >> bit) & 1u) != 0 ? old_a | mask : old_a & ~mask,
                                ((b >> bit) & 1u) != 0 ? old_b | mask : old_b & ~mask);
    }
  }
  static constexpr Array all_x() { return filled(ValueTraits<E>::all_x()); }
  static constexpr Array all_z() { return filled(ValueTraits<E>::all_z()); }

private:
  template <bool ValuePlane>
  static constexpr std::uint64_t gather(const Array& v, std::size_t i) {
    std::uint64_t word = 0;
    for (std::size_t bit = 0; bit < 64 && 64 * i + bit < width; ++bit) {
      const std::size_t flat = 64 * i + bit;
      const E& element = v[flat / element_width];
      const std::size_t inner = flat % element_width;
      const std::uint64_t plane =
          ValuePlane ? ValueTraits<E>::aval(element, inner / 64) : ValueTraits<E>::bval(element, inner / 64);
      word |= ((plane >> (inner % 64)) & 1u) << bit;
    }
    return word;
  }
  static constexpr Array filled(const E& value) {
    Array array{};
    array.fill(value);
    return array;
  }
};

/// A type a Signal can carry: regular (copyable, ==) with four-state planes.
template <class T>
concept SignalValue = std::regular<T> && requires(const T& v, T& m) {
  { ValueTraits<T>::width } -> std::convertible_to<std::size_t>;
  { ValueTraits<T>::aval(v, std::size_t{0}) } -> std::convertible_to<std::uint64_t>;
  { ValueTraits<T>::bval(v, std::size_t{0}) } -> std::convertible_to<std::uint64_t>;
  ValueTraits<T>::set_words(m, std::size_t{0}, std::uint64_t{0}, std::uint64_t{0});
  { ValueTraits<T>::all_x() } -> std::same_as<T>;
};

}  // namespace tetra
