#pragma once
// Packed structs: an ordinary C++ struct of value-type fields that also packs into one
// Vec, first field in the least significant bits (LSB-first in declaration order, as
// SeqiLog does; note that SystemVerilog packs its first field in the MOST significant bits).
//
//   struct Request {
//     Vec<8> data;
//     Logic valid;
//     State state;
//     TETRA_PACKED_FIELDS(Request, data, valid, state)
//   };
//   to_bits(request)   // Vec<11>: data in [7:0], valid in [8], state in [10:9]
//   request.data       // fields by name, as plain members
//
// Fields left unassigned are all X (every value type defaults to X).

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "sim/values/value_traits.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// A struct declared with TETRA_PACKED_FIELDS.
template <typename T>
concept PackedStructType = requires(T& value) {
  value.packed_fields();
  { T::packed_field_names } -> std::convertible_to<std::string_view>;
};

namespace detail {
template <typename Tuple>
struct FieldWidths;
template <typename... Fields>
struct FieldWidths<std::tuple<Fields&...>> {
  static constexpr std::size_t total = (width_of<std::remove_const_t<Fields>> + ... + 0);
};

template <PackedStructType T>
using FieldTuple = decltype(std::declval<T&>().packed_fields());

/// The i-th name of "a, b, c".
constexpr std::string_view field_name(std::string_view list, std::size_t index) noexcept {
  for (std::size_t i = 0; i < index; ++i) list = list.substr(list.find(',') + 1);
  const std::size_t comma = list.find(',');
  std::string_view name = list.substr(0, comma);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}
}  // namespace detail

/// One field of a packed struct as it lies in the struct's bits, for tools that show
/// fields one by one (a waveform shows each as its own variable).
struct PackedField {
  std::string_view name;
  std::size_t lsb;    ///< of the field in the enclosing struct's bits
  std::size_t width;
  std::span<const PackedField> fields;  ///< the field's own fields, when it is a packed struct
};

namespace detail {
template <typename T>
constexpr std::span<const PackedField> packed_fields_of() noexcept;

/// The fields of packed struct T, in declaration order (so from bit 0 up).
template <PackedStructType T>
struct PackedLayout {
  using Tuple = FieldTuple<T>;
  static constexpr std::size_t count = std::tuple_size_v<Tuple>;
  template <std::size_t I>
  using Field = std::remove_cvref_t<std::tuple_element_t<I, Tuple>>;

  template <std::size_t... I>
  static constexpr std::array<PackedField, count> make(std::index_sequence<I...> /*indices*/) {
    const std::array<std::size_t, count> widths{width_of<Field<I>>...};
    std::array<PackedField, count> layout{};
    std::size_t lsb = 0;
    ((layout[I] = PackedField{field_name(T::packed_field_names, I), lsb, widths[I], packed_fields_of<Field<I>>()},
      lsb += widths[I]),
     ...);
    return layout;
  }
  static constexpr std::array<PackedField, count> fields = make(std::make_index_sequence<count>{});
};

template <typename T>
constexpr std::span<const PackedField> packed_fields_of() noexcept {
  if constexpr (PackedStructType<T>) {
    return PackedLayout<T>::fields;
  } else {
    return {};
  }
}
}  // namespace detail

/// The fields of T's bits when T is a packed struct; empty for any other value type.
template <typename T>
constexpr std::span<const PackedField> packed_fields_of() noexcept {
  return detail::packed_fields_of<T>();
}

/// A packed struct's bits: its fields concatenated, first field lowest.
template <PackedStructType T>
struct value_traits<T> {
  static constexpr std::size_t width = detail::FieldWidths<detail::FieldTuple<T>>::total;

  static constexpr Vec<width> to_bits(const T& value) {
    Vec<width> bits = Vec<width>::zeros();
    std::size_t lsb = 0;
    std::apply(
        [&](const auto&... field) {
          ((detail::deposit(bits, lsb, tetra::to_bits(field)), lsb += width_of<std::remove_cvref_t<decltype(field)>>),
           ...);
        },
        value.packed_fields());
    return bits;
  }

  static constexpr T from_bits(const Vec<width>& bits) {
    T value{};
    std::size_t lsb = 0;
    std::apply(
        [&](auto&... field) {
          ((field = tetra::from_bits<std::remove_cvref_t<decltype(field)>>(
                detail::extract<width_of<std::remove_cvref_t<decltype(field)>>>(bits, lsb)),
            lsb += width_of<std::remove_cvref_t<decltype(field)>>),
           ...);
        },
        value.packed_fields());
    return value;
  }
};

/// "{data: 8'b00000001, valid: 1, state: Busy}", fields in declaration order.
template <PackedStructType T>
std::string to_string(const T& value) {
  std::string text = "{";
  std::size_t index = 0;
  std::apply(
      [&](const auto&... field) {
        ((text += (index == 0 ? "" : ", "), text += detail::field_name(T::packed_field_names, index++), text += ": ",
          text += fmt::format("{}", field)),
         ...);
      },
      value.packed_fields());
  return text + "}";
}

}  // namespace tetra

/// Inside a struct: lists its value-type fields (LSB-first) so that it packs into a Vec
/// and prints with field names. Also gives the struct identity ==.
#define TETRA_PACKED_FIELDS(Name, ...)                                                  \
  static constexpr std::string_view packed_field_names = #__VA_ARGS__;                  \
  constexpr auto packed_fields() noexcept { return std::tie(__VA_ARGS__); }             \
  constexpr auto packed_fields() const noexcept { return std::tie(__VA_ARGS__); }       \
  friend constexpr bool operator==(const Name&, const Name&) noexcept = default;

/// "{}" prints "{field: value, ...}".
template <tetra::PackedStructType T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const T& value, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(tetra::to_string(value), context);
  }
};
