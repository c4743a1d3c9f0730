#pragma once
// How the kernel sees a value type carried by a signal: its width and its four-state
// bit-planes (VPI aval/bval words). Tracing, edge detection and wire resolution work on
// planes, so any type that exposes them can travel on a Signal.

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
