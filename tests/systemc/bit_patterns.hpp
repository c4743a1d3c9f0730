#pragma once
// Values written as bit strings (MSB first, "01xz"), built independently on each side of
// the boundary: Tetra's parser and SystemC's own constructors and to_string(), so that a
// round trip checks the mapping and not only that it is its own inverse.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <random>
#include <string>

#include <fmt/format.h>
#include <systemc>

#include "sim/values/vec.hpp"

namespace tetra::systemc::testing {

/// `width` random bits, from "01xz" or "01".
inline std::string random_bits(std::size_t width, std::mt19937_64& rng, bool four_state) {
  std::string bits(width, '0');
  for (char& bit : bits) bit = "01xz"[rng() % (four_state ? 4 : 2)];
  return bits;
}

/// The Tetra value written `bits`.
template <class T>
T tetra_value(const std::string& bits) {
  if constexpr (std::is_same_v<T, Logic>) {
    return Vec<1>::parse("1'b" + bits).bit(0);
  } else {
    return T::parse(fmt::format("{}'b{}", T::width, bits));
  }
}

/// The SystemC value written `bits`.
template <class S>
S systemc_value(const std::string& bits) {
  std::string upper = bits;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  if constexpr (std::is_same_v<S, bool>) {
    return bits == "1";
  } else if constexpr (std::is_same_v<S, sc_dt::sc_logic>) {
    return sc_dt::sc_logic(upper[0]);
  } else if constexpr (requires { S().value(); }) {  // sc_uint
    return S(std::stoull(bits, nullptr, 2));
  } else {  // bit by bit: a string such as "0X1" would read as hexadecimal
    S value;
    for (std::size_t i = 0; i < bits.size(); ++i) value[static_cast<int>(bits.size() - 1 - i)] = sc_dt::sc_logic(upper[i]);
    return value;
  }
}

/// SystemC value `value` as a bit string.
template <class S>
std::string systemc_bits(const S& value) {
  std::string bits;
  if constexpr (std::is_same_v<S, bool>) {
    bits = value ? "1" : "0";
  } else if constexpr (std::is_same_v<S, sc_dt::sc_logic>) {
    bits = std::string(1, value.to_char());
  } else if constexpr (requires { value.value(); }) {  // sc_uint
    for (int i = value.length(); i-- > 0;) bits += value[i] ? '1' : '0';
  } else {
    bits = value.to_string();
  }
  std::transform(bits.begin(), bits.end(), bits.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  return bits;
}

}  // namespace tetra::systemc::testing
