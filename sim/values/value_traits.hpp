#pragma once
// The one way every value type (Logic, Vec, Array, packed enums and structs) shows its
// bits, so that generic code (signals, tracing, memories) handles them alike:
//   width_of<T>            number of bits
//   to_bits(value)         the bits as a Vec<width_of<T>>
//   from_bits<T>(bits)     the value back from its bits
// A type joins by specialising value_traits<T> with `width`, `to_bits` and `from_bits`.

#include <concepts>
#include <cstddef>

#include "sim/values/vec.hpp"

namespace tetra {

/// Customisation point: width, to_bits and from_bits for a value type.
template <typename T>
struct value_traits;

/// A Logic is one bit.
template <>
struct value_traits<Logic> {
  static constexpr std::size_t width = 1;
  static constexpr Vec<1> to_bits(Logic bit) noexcept {
    Vec<1> bits = Vec<1>::zeros();
    bits.set_words(0, bit.aval(), bit.bval());
    return bits;
  }
  static constexpr Logic from_bits(const Vec<1>& bits) noexcept { return Logic::from_planes(bits.aval(0), bits.bval(0)); }
};

/// A Vec is its own bits.
template <std::size_t N>
struct value_traits<Vec<N>> {
  static constexpr std::size_t width = N;
  static constexpr const Vec<N>& to_bits(const Vec<N>& bits) noexcept { return bits; }
  static constexpr Vec<N> from_bits(const Vec<N>& bits) noexcept { return bits; }
};

/// A type with value_traits: it has a width and converts to and from its bits.
template <typename T>
concept FourStateValue = requires(const T& value) {
  { value_traits<T>::width } -> std::convertible_to<std::size_t>;
  { value_traits<T>::to_bits(value) } -> std::convertible_to<Vec<value_traits<T>::width>>;
  { value_traits<T>::from_bits(Vec<value_traits<T>::width>::zeros()) } -> std::same_as<T>;
};

/// Number of bits of a value type.
template <FourStateValue T>
inline constexpr std::size_t width_of = value_traits<T>::width;

/// The bits of a value.
template <FourStateValue T>
constexpr Vec<width_of<T>> to_bits(const T& value) {
  return value_traits<T>::to_bits(value);
}

/// A value from its bits.
template <FourStateValue T>
constexpr T from_bits(const Vec<width_of<T>>& bits) {
  return value_traits<T>::from_bits(bits);
}

/// The all-X value of a type: what an unknown read gives.
template <FourStateValue T>
constexpr T all_x() {
  return from_bits<T>(Vec<width_of<T>>::xs());
}

/// Pessimistic merge of two possible values: bits where both are the same known value
/// keep it, every other bit becomes X (what ?: with an unknown condition gives).
template <FourStateValue T>
constexpr T merge_unknown(const T& a, const T& b) {
  return from_bits<T>(select(LX, to_bits(a), to_bits(b)));
}

}  // namespace tetra
