#pragma once
// Packed enums: a named set of encodings stored as a Vec<Width>, printed by name.
//
//   TETRA_PACKED_ENUM(State, 2, Idle, Busy, Done);            // 0, 1, 2
//   TETRA_PACKED_ENUM(Opcode, 4, Add = 1, Sub, Load = 0x8);   // 1, 2, 8
//   State s = State::Busy;        fmt::format("{}", s) == "Busy"
//   State u;                      // all X, prints "2'bxx"
//
// Encodings follow C++ enum rules (the next one is previous + 1); explicit ones must be
// integer literals (decimal, 0x or 0b) so that names and values can be read at compile
// time. Any bits are representable, as in hardware: an unnamed or X encoding prints as
// its sized literal.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "sim/values/value_traits.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

namespace detail {

/// One enumerator of a packed enum: its name and encoding.
struct Enumerator {
  std::string_view name;
  std::uint64_t value = 0;
};

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

/// Number of enumerators in "A, B = 3, C" (commas + 1).
constexpr std::size_t count_enumerators(std::string_view list) noexcept {
  std::size_t count = 1;
  for (char c : list) count += c == ',' ? 1 : 0;
  return count;
}

/// An integer literal (decimal, 0x..., 0b..., with ' separators); false if it is not one.
constexpr bool parse_integer(std::string_view text, std::uint64_t& value) noexcept {
  unsigned base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.size() > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B')) {
    base = 2;
    text.remove_prefix(2);
  }
  if (text.empty()) return false;
  value = 0;
  for (char c : text) {
    if (c == '\'') continue;
    unsigned digit = 16;
    if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
    if (digit >= base) return false;
    value = value * base + digit;
  }
  return true;
}

/// The enumerators of "A, B = 3, C" in order, or an empty name where an explicit value
/// is not an integer literal (rejected by the macro's static_assert).
template <std::size_t Count>
constexpr std::array<Enumerator, Count> parse_enumerators(std::string_view list) noexcept {
  std::array<Enumerator, Count> result{};
  std::uint64_t next = 0;
  for (std::size_t i = 0; i < Count; ++i) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    const std::size_t equals = item.find('=');
    Enumerator entry{trim(item.substr(0, equals)), next};
    if (equals != std::string_view::npos && !parse_integer(trim(item.substr(equals + 1)), entry.value)) entry.name = {};
    next = entry.value + 1;
    result[i] = entry;
  }
  return result;
}

template <typename Enum>
inline constexpr auto enumerators_of =
    parse_enumerators<count_enumerators(Enum::enumerator_list)>(Enum::enumerator_list);

/// True if every enumerator parsed and every encoding fits in `width` bits.
template <std::size_t Count>
constexpr bool enumerators_valid(const std::array<Enumerator, Count>& entries, std::size_t width) noexcept {
  for (const auto& entry : entries) {
    if (entry.name.empty()) return false;
    if (width < 64 && (entry.value >> width) != 0) return false;
  }
  return true;
}

}  // namespace detail

/// Marker base of every packed enum, for concepts.
struct PackedEnumTag {};

/// Base of the types TETRA_PACKED_ENUM declares: the bits of one encoding.
template <typename Derived, std::size_t Width>
class PackedEnum : public PackedEnumTag {
public:
  static constexpr std::size_t width = Width;  ///< Bits of the encoding.

  /// All X: an unassigned enum is unknown.
  constexpr PackedEnum() = default;
  /// Any bits, named or not (hardware can hold any pattern).
  constexpr explicit PackedEnum(const Vec<Width>& bits) noexcept : bits_(bits) {}

  /// The encoding.
  constexpr const Vec<Width>& bits() const noexcept { return bits_; }
  /// True if no bit is X or Z.
  constexpr bool is_known() const noexcept { return bits_.is_known(); }
  /// The enumerator name of a known, named encoding, else "".
  constexpr std::string_view name() const noexcept {
    if (!bits_.is_known()) return {};
    for (const auto& entry : detail::enumerators_of<Derived>) {
      if (Vec<Width>::from_uint(entry.value) == bits_) return entry.name;
    }
    return {};
  }

  /// Identity of the encodings.
  friend constexpr bool operator==(const Derived& a, const Derived& b) noexcept { return a.bits_ == b.bits_; }

private:
  Vec<Width> bits_;
};

/// A type declared with TETRA_PACKED_ENUM.
template <typename T>
concept PackedEnumType = std::derived_from<T, PackedEnumTag>;

/// A packed enum's bits are its encoding.
template <PackedEnumType T>
struct value_traits<T> {
  static constexpr std::size_t width = T::width;
  static constexpr Vec<width> to_bits(const T& value) noexcept { return value.bits(); }
  static constexpr T from_bits(const Vec<width>& bits) noexcept { return T(bits); }
};

/// The name of a named encoding, else its sized literal ("2'bx1").
template <PackedEnumType T>
std::string to_string(const T& value) {
  const std::string_view name = value.name();
  return name.empty() ? to_literal(value.bits()) : std::string(name);
}

}  // namespace tetra

/// Declares `struct Name`, a packed enum of `Width` bits with the listed enumerators
/// (e.g. `Idle, Busy = 4, Done`); Name::Busy converts implicitly to Name.
#define TETRA_PACKED_ENUM(Name, Width, ...)                                                              \
  struct Name : ::tetra::PackedEnum<Name, Width> {                                                      \
    enum Code : std::uint64_t { __VA_ARGS__ };                                                          \
    static constexpr std::string_view enumerator_list = #__VA_ARGS__;                                    \
    using PackedEnum::PackedEnum;                                                                       \
    constexpr Name() = default;                                                                         \
    constexpr Name(Code code) : PackedEnum(::tetra::Vec<Width>::from_uint(code)) {} /* NOLINT implicit */ \
  };                                                                                                    \
  static_assert(::tetra::detail::enumerators_valid(::tetra::detail::enumerators_of<Name>, Width),       \
                "TETRA_PACKED_ENUM " #Name ": explicit values must be integer literals that fit in " #Width \
                " bits")

/// "{}" prints the enumerator name, or the sized literal for an unnamed or unknown encoding.
template <tetra::PackedEnumType T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const T& value, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(tetra::to_string(value), context);
  }
};
