#pragma once
// Array<T, Size>: an unpacked array (memory) of four-state values, stored inline.
// Multidimensional arrays nest: Memory<Vec<8>, 4, 16> is Array<Array<Vec<8>, 16>, 4>.
//
// Two ways to index, for two kinds of caller:
//   - an integer index (operator[], the testbench's way) is bounds-checked and throws
//     std::out_of_range naming the index and the bound;
//   - a Vec index (read/write, the hardware's way) follows IEEE 1800 7.4.6: a known
//     out-of-range read gives all X and a known out-of-range write does nothing; an
//     index with X/Z bits reads all X, and writes pessimistically: every element the
//     index might select keeps only the bits on which its old and new values agree
//     and becomes X in the others.

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "sim/values/value_traits.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

template <typename T, std::size_t Size>
class Array;

namespace detail {
template <typename T>
inline constexpr bool is_array = false;
template <typename T, std::size_t Size>
inline constexpr bool is_array<Array<T, Size>> = true;
}  // namespace detail

/// An unpacked array of Size elements of type T (a value type or another Array).
template <typename T, std::size_t Size>
class Array {
  static_assert(Size >= 1, "an Array has at least one element");
  static_assert(FourStateValue<T>, "Array elements are value types (Logic, Vec, packed enum or struct, Array)");

public:
  using value_type = T;
  static constexpr std::size_t extent = Size;  ///< Number of elements.

  /// Every element all X, like an uninitialised memory.
  constexpr Array() {
    // A nested Array is already all X; building it from an all-X Vec would be slower.
    if constexpr (!detail::is_array<T>) {
      for (auto& element : elements_) element = all_x<T>();
    }
  }

  /// Element i; throws std::out_of_range if i >= Size.
  constexpr T& operator[](std::size_t i) {
    check_index(i);
    return elements_[i];
  }
  /// Element i; throws std::out_of_range if i >= Size.
  constexpr const T& operator[](std::size_t i) const {
    check_index(i);
    return elements_[i];
  }

  /// Hardware read mem[index]: all X if the index is unknown or out of range.
  template <std::size_t M>
  constexpr T read(const Vec<M>& index) const {
    const auto i = known_in_range(index);
    return i ? elements_[*i] : unknown_element();
  }

  /// Hardware write mem[index] = value: ignored when out of range; pessimistic when
  /// the index is unknown (see the header comment).
  template <std::size_t M>
  constexpr void write(const Vec<M>& index, const T& value) {
    if (index.is_known()) {
      if (const auto i = known_in_range(index)) elements_[*i] = value;
      return;
    }
    for (std::size_t i = 0; i < Size; ++i) {
      if (might_select(index, i)) elements_[i] = merge_unknown(elements_[i], value);
    }
  }

  constexpr auto begin() noexcept { return elements_.begin(); }
  constexpr auto end() noexcept { return elements_.end(); }
  constexpr auto begin() const noexcept { return elements_.begin(); }
  constexpr auto end() const noexcept { return elements_.end(); }

  /// Identity of every element.
  friend constexpr bool operator==(const Array&, const Array&) = default;

private:
  static constexpr T unknown_element() {
    if constexpr (detail::is_array<T>) {
      return T();
    } else {
      return all_x<T>();
    }
  }

  constexpr void check_index(std::size_t i) const {
    if (i >= Size) [[unlikely]] throw_out_of_range(i);
  }
  // Out of line, so that the message is not built where the element is read: GCC 12
  // with the sanitizers then saw elements_[i] on the throwing path (-Warray-bounds).
  [[noreturn, gnu::cold, gnu::noinline]] static void throw_out_of_range(std::size_t i) {
    throw std::out_of_range("index " + std::to_string(i) + " is out of range for an array of " +
                            std::to_string(Size) + " elements");
  }

  template <std::size_t M>
  static constexpr std::optional<std::size_t> known_in_range(const Vec<M>& index) noexcept {
    const auto i = detail::known_index(index);
    if (i && *i < Size) return i;
    return std::nullopt;
  }

  /// True if element i agrees with every known bit of the index.
  template <std::size_t M>
  static constexpr bool might_select(const Vec<M>& index, std::size_t i) noexcept {
    for (std::size_t w = 0; w < Vec<M>::words; ++w) {
      const detail::Word candidate = w == 0 ? static_cast<detail::Word>(i) : 0;
      if (((index.aval(w) ^ candidate) & ~index.bval(w)) != 0) return false;
    }
    return M >= 64 || (static_cast<detail::Word>(i) >> M) == 0;
  }

  std::array<T, Size> elements_;
};

/// An Array packs element 0 in the least significant bits.
template <typename T, std::size_t Size>
struct value_traits<Array<T, Size>> {
  static constexpr std::size_t width = Size * width_of<T>;
  static constexpr Vec<width> to_bits(const Array<T, Size>& array) {
    Vec<width> bits = Vec<width>::zeros();
    for (std::size_t i = 0; i < Size; ++i) detail::deposit(bits, i * width_of<T>, tetra::to_bits(array[i]));
    return bits;
  }
  static constexpr Array<T, Size> from_bits(const Vec<width>& bits) {
    Array<T, Size> array;
    for (std::size_t i = 0; i < Size; ++i) {
      array[i] = tetra::from_bits<T>(detail::extract<width_of<T>>(bits, i * width_of<T>));
    }
    return array;
  }
};

/// Element-by-element pessimistic merge, without going through one wide Vec.
template <typename T, std::size_t Size>
constexpr Array<T, Size> merge_unknown(const Array<T, Size>& a, const Array<T, Size>& b) {
  Array<T, Size> merged;
  for (std::size_t i = 0; i < Size; ++i) merged[i] = merge_unknown(a[i], b[i]);
  return merged;
}

namespace detail {
template <typename T, std::size_t... Dims>
struct MemoryOf;
template <typename T, std::size_t Last>
struct MemoryOf<T, Last> {
  using type = Array<T, Last>;
};
template <typename T, std::size_t First, std::size_t... Rest>
struct MemoryOf<T, First, Rest...> {
  using type = Array<typename MemoryOf<T, Rest...>::type, First>;
};
}  // namespace detail

/// Multidimensional unpacked array: Memory<Vec<8>, 4, 16> is indexed m[row][column].
template <FourStateValue T, std::size_t... Dims>
using Memory = typename detail::MemoryOf<T, Dims...>::type;

}  // namespace tetra
