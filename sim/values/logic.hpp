#pragma once
// One four-state bit. Encoded like one bit of a Vec (VPI aval/bval): 0=(0,0), 1=(1,0),
// Z=(0,1), X=(1,1), so that Vec::bit and Vec::set_bit are plane copies.

#include <cstdint>
#include <string>

#include "sim/values/errors.hpp"

namespace tetra {

/// One four-state bit: 0, 1, X (unknown) or Z (high impedance).
class Logic {
public:
  /// The encoding is (bval << 1) | aval.
  enum class State : std::uint8_t { zero = 0, one = 1, z = 2, x = 3 };

  /// Default is X: an uninitialised bit is unknown, never silently 0.
  constexpr Logic() noexcept : state_(State::x) {}
  /// From a state.
  constexpr Logic(State state) noexcept : state_(state) {}  // NOLINT: implicit by design
  /// From a digit character: '0', '1', 'x'/'X', 'z'/'Z'/'?' ('?' is Z as in Verilog).
  constexpr explicit Logic(char digit) : state_(state_of(digit)) {}
  /// From its two planes (only the lowest bit of each is used).
  static constexpr Logic from_planes(std::uint64_t aval, std::uint64_t bval) noexcept {
    return Logic(static_cast<State>((aval & 1u) | ((bval & 1u) << 1)));
  }

  /// The state.
  constexpr State state() const noexcept { return state_; }
  /// Value plane bit (1 for 1 and X).
  constexpr std::uint64_t aval() const noexcept { return static_cast<std::uint64_t>(state_) & 1u; }
  /// Unknown plane bit (1 for X and Z).
  constexpr std::uint64_t bval() const noexcept { return static_cast<std::uint64_t>(state_) >> 1; }
  /// '0', '1', 'x' or 'z'.
  constexpr char to_char() const noexcept { return "01zx"[static_cast<unsigned>(state_)]; }
  /// True for 0 and 1.
  constexpr bool is_known() const noexcept { return bval() == 0; }
  /// True for 1, false for 0; throws UnknownValueError for X and Z.
  constexpr explicit operator bool() const {
    if (!is_known()) throw UnknownValueError(std::string("1'b") + to_char(), "bool");
    return aval() != 0;
  }

  /// Identity: X == X is true (Logic is a regular type; use eq() for Verilog ==).
  friend constexpr bool operator==(Logic, Logic) noexcept = default;

  /// Verilog ~ (Z reads as X).
  friend constexpr Logic operator~(Logic a) noexcept {
    return from_planes(~a.aval() | a.bval(), a.bval());
  }
  /// Verilog & : 0 dominates, otherwise unknown gives X.
  friend constexpr Logic operator&(Logic a, Logic b) noexcept {
    const std::uint64_t zero = a.is_zero() | b.is_zero();
    const std::uint64_t one = a.is_one() & b.is_one();
    const std::uint64_t unknown = ~(zero | one) & 1u;
    return from_planes(one | unknown, unknown);
  }
  /// Verilog | : 1 dominates, otherwise unknown gives X.
  friend constexpr Logic operator|(Logic a, Logic b) noexcept {
    const std::uint64_t one = a.is_one() | b.is_one();
    const std::uint64_t zero = a.is_zero() & b.is_zero();
    const std::uint64_t unknown = ~(zero | one) & 1u;
    return from_planes(one | unknown, unknown);
  }
  /// Verilog ^ : any unknown gives X.
  friend constexpr Logic operator^(Logic a, Logic b) noexcept {
    const std::uint64_t unknown = a.bval() | b.bval();
    return from_planes((a.aval() ^ b.aval()) | unknown, unknown);
  }

private:
  constexpr std::uint64_t is_one() const noexcept { return aval() & ~bval() & 1u; }
  constexpr std::uint64_t is_zero() const noexcept { return ~aval() & ~bval() & 1u; }

  static constexpr State state_of(char digit) {
    switch (digit) {
      case '0': return State::zero;
      case '1': return State::one;
      case 'x': case 'X': return State::x;
      case 'z': case 'Z': case '?': return State::z;
      default: throw LiteralError(std::string_view(&digit, 1), 0, "not a four-state digit (0, 1, x, z, ?)");
    }
  }

  State state_;
};

/// Verilog ~^ on one bit.
constexpr Logic xnor(Logic a, Logic b) noexcept { return ~(a ^ b); }

inline constexpr Logic L0{Logic::State::zero};  ///< Logic 0.
inline constexpr Logic L1{Logic::State::one};   ///< Logic 1.
inline constexpr Logic LX{Logic::State::x};     ///< Unknown.
inline constexpr Logic LZ{Logic::State::z};     ///< High impedance.

}  // namespace tetra
