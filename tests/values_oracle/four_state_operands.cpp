#include "tests/values_oracle/four_state_operands.hpp"

#include <algorithm>
#include <stdexcept>

namespace tetra::oracle {

std::string bits_of(std::uint64_t value, std::size_t bits) {
  if (bits < 64 && (value >> bits) != 0) {
    throw std::out_of_range("bits_of: " + std::to_string(value) + " does not fit in " +
                            std::to_string(bits) + " bits");
  }
  std::string text(bits, '0');
  for (std::size_t i = 0; i < bits && i < 64; ++i) {
    if (((value >> i) & 1U) != 0) {
      text[bits - 1 - i] = '1';
    }
  }
  return text;
}

std::string FourStateOperandGenerator::known(std::size_t width) {
  std::string text(width, '0');
  for (char& bit : text) {
    bit = known_bit();
  }
  return text;
}

std::string FourStateOperandGenerator::sprinkled(std::size_t width) {
  std::string text(width, '0');
  for (char& bit : text) {
    switch (below(8)) {
    case 0: bit = 'x'; break;
    case 1: bit = 'z'; break;
    default: bit = known_bit(); break;
    }
  }
  return text;
}

std::string FourStateOperandGenerator::operand(std::size_t width) {
  // Weights: 3 fully known, 3 sprinkled, 1 for each edge kind (13 in all).
  const std::uint64_t kind = below(13);
  if (kind < 3) {
    return known(width);
  }
  if (kind < 6) {
    return sprinkled(width);
  }
  switch (kind) {
  case 6: return std::string(width, 'x');
  case 7: return std::string(width, 'z');
  case 8: return std::string(width, '0');
  case 9: return std::string(width, '1');
  case 10: return '1' + std::string(width - 1, '0');
  case 11: {
    const std::size_t small_bits = std::min<std::size_t>(width, 3);
    return std::string(width - small_bits, '0') + bits_of(below(std::uint64_t{1} << small_bits), small_bits);
  }
  default: {
    std::string text = known(width);
    text[below(width)] = 'x';
    return text;
  }
  }
}

std::string FourStateOperandGenerator::partner(std::string_view first) {
  // Weights: 6 independent, 1 equal, 1 equal but for X/Z bits, 1 one bit flipped.
  const std::uint64_t kind = below(9);
  std::string text(first);
  switch (kind) {
  case 6: return text;
  case 7:
    for (char& bit : text) {
      if (below(4) == 0) {
        bit = below(2) == 0 ? 'x' : 'z';
      }
    }
    return text;
  case 8: {
    char& bit = text[below(text.size())];
    bit = bit == '1' ? '0' : '1';
    return text;
  }
  default: return operand(first.size());
  }
}

std::string FourStateOperandGenerator::amount(std::size_t width, std::size_t bits) {
  const std::uint64_t limit = std::uint64_t{1} << bits;
  // Weights: 4 within [0, width], 1 anywhere in range of `bits`, 1 with X/Z bits.
  switch (below(6)) {
  case 4: return bits_of(below(limit), bits);
  case 5: {
    std::string text = bits_of(below(std::min<std::uint64_t>(width + 1, limit)), bits);
    text[below(bits)] = below(2) == 0 ? 'x' : 'z';
    return text;
  }
  default: return bits_of(below(std::min<std::uint64_t>(width + 1, limit)), bits);
  }
}

std::string FourStateOperandGenerator::known_amount(std::size_t bits) {
  return bits_of(below(std::uint64_t{1} << bits), bits);
}

char FourStateOperandGenerator::logic() {
  constexpr std::string_view values = "01xz";
  return values[below(values.size())];
}

} // namespace tetra::oracle
