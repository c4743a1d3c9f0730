#pragma once
// The decoders' random numbers: Marsaglia's xorshift64 (shifts 13, 7, 17), chosen
// because hardware reproduces it with three shifts and three XORs per draw.

#include <cstdint>

namespace tetra::models {

/// 64-bit xorshift generator; docs/models.md specifies it bit for bit.
class XorshiftRng {
public:
  /// XORed into the seed; also the state for the one seed that would give state 0
  /// (a state xorshift never leaves).
  static constexpr std::uint64_t kSeedMask = 0x9E3779B97F4A7C15ULL;

  /// State = seed XOR kSeedMask, or kSeedMask if that is zero.
  constexpr explicit XorshiftRng(std::uint64_t seed)
      : state_(seed ^ kSeedMask ? seed ^ kSeedMask : kSeedMask) {}

  /// Advances the state and returns it: one draw.
  constexpr std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

  /// The current state (the last value drawn, or the seeded state).
  constexpr std::uint64_t state() const { return state_; }

private:
  std::uint64_t state_;
};

}  // namespace tetra::models
