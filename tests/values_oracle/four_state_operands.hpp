#pragma once
// Random four-state operands for the oracle test, as Verilog bit strings (MSB first,
// one of '0' '1' 'x' 'z' per bit). They are kept as text, independent of Tetra's Vec,
// so the same operand feeds both Icarus (through $readmemb) and Tetra (bit by bit).

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace tetra::oracle {

// Draws operands rich in X and Z and in edge values, from a fixed seed: the same seed
// gives the same sequence on every machine (mt19937_64's output is fixed by the standard,
// and the draws below use no implementation-defined distribution).
class FourStateOperandGenerator {
public:
  explicit FourStateOperandGenerator(std::uint64_t seed) : engine_(seed) {}

  // A width-bit operand: fully known, sprinkled with X/Z, all X, all Z, zero, all ones,
  // MSB only, a small number, or known but for one X bit.
  std::string operand(std::size_t width);

  // A second operand that often relates to `first` (equal, equal but for some X/Z
  // bits, one bit flipped), so that equality and wildcard operators also see matches.
  std::string partner(std::string_view first);

  // A shift amount, bit index or part-select base of `bits` bits for a `width`-bit
  // operand: mostly within [0, width], sometimes beyond it, sometimes with X/Z bits.
  std::string amount(std::size_t width, std::size_t bits);

  // A known amount of `bits` bits (for rotations, whose amount must be known).
  std::string known_amount(std::size_t bits);

  // One of '0' '1' 'x' 'z', equally likely.
  char logic();

private:
  std::uint64_t below(std::uint64_t bound) { return engine_() % bound; }
  char known_bit() { return below(2) == 0 ? '0' : '1'; }
  std::string known(std::size_t width);
  std::string sprinkled(std::size_t width);

  std::mt19937_64 engine_;
};

// The bit string of `value` in `bits` bits, MSB first (`value` must fit).
std::string bits_of(std::uint64_t value, std::size_t bits);

} // namespace tetra::oracle
