#pragma once
// How the kernel sees a value carried by a signal: its width and its four-state
// bit-planes (VPI aval/bval words). Edge detection, wire resolution and tracing work on
// planes. Every value type of sim/values (Logic, Vec, Array, packed enums and structs)
// has them through its value_traits (to_bits/from_bits).

#include <concepts>
#include <cstddef>
#include <cstdint>

#include "sim/values/value_traits.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// Plane access for a value type; defined for every FourStateValue, and open to
/// specialisation for other types.
template <class T>
struct ValueTraits;

/// Plane access through the value's bits (free for Vec, whose bits are itself).
template <FourStateValue T>
struct ValueTraits<T> {
  static constexpr std::size_t width = width_of<T>;          ///< Bits in the value.
  static constexpr std::size_t words = (width + 63) / 64;   ///< 64-bit words per plane.
  /// Value plane word i.
  static constexpr std::uint64_t aval(const T& v, std::size_t i) { return tetra::to_bits(v).aval(i); }
  /// Unknown plane word i.
  static constexpr std::uint64_t bval(const T& v, std::size_t i) { return tetra::to_bits(v).bval(i); }
  /// Sets word i of both planes.
  static constexpr void set_words(T& v, std::size_t i, std::uint64_t a, std::uint64_t b) {
    Vec<width> bits = tetra::to_bits(v);
    bits.set_words(i, a, b);
    v = tetra::from_bits<T>(bits);
  }
  /// The all-X value: a signal's initial value unless one is given.
  static constexpr T all_x() { return tetra::all_x<T>(); }
  /// The all-Z value: what an idle driver of a Wire contributes.
  static constexpr T all_z() { return tetra::from_bits<T>(Vec<width>::zs()); }
};

/// A type a Signal can carry: regular (copyable, ==) with four-state planes.
template <class T>
concept SignalValue = std::regular<T> && requires(const T& v, T& m) {
  { ValueTraits<T>::width } -> std::convertible_to<std::size_t>;
  { ValueTraits<T>::aval(v, std::size_t{0}) } -> std::convertible_to<std::uint64_t>;
  { ValueTraits<T>::bval(v, std::size_t{0}) } -> std::convertible_to<std::uint64_t>;
  ValueTraits<T>::set_words(m, std::size_t{0}, std::uint64_t{0}, std::uint64_t{0});
  { ValueTraits<T>::all_x() } -> std::same_as<T>;
  { ValueTraits<T>::all_z() } -> std::same_as<T>;
};

}  // namespace tetra
