#pragma once
// The decoders' random numbers: Marsaglia's xorshift64 (shifts 13, 7, 17), chosen
// because hardware reproduces a draw with three shifts and three XORs, seeded through
// splitmix64's output function because xorshift is linear over GF(2): seeded with the
// seed itself, nearby seeds would give nearly equal first draws.

#include <cstdint>

namespace tetra::models {

/// 64-bit xorshift generator with a mixed seed; docs/models.md specifies it bit for bit.
class XorshiftRng {
public:
  /// splitmix64's increment (2^64 divided by the golden ratio, odd): added to the seed
  /// before mixing, and the state that replaces 0 (a state xorshift never leaves).
  static constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

  /// The generator of `seed`: its state is seeded_state(seed).
  constexpr explicit XorshiftRng(std::uint64_t seed) : state_(seeded_state(seed)) {}

  /// A generator that starts in `state` unmixed (kGoldenGamma if `state` is 0), for a
  /// caller whose start is fixed otherwise (the trainer's reproduces the checked-in
  /// weights).
  static constexpr XorshiftRng from_state(std::uint64_t state) {
    return XorshiftRng(Unmixed{}, state);
  }

  /// splitmix64's output function of seed + kGoldenGamma, or kGoldenGamma if that is 0.
  /// Hardware computes it in the load cycle: two 64 x 64-bit multiplies.
  static constexpr std::uint64_t seeded_state(std::uint64_t seed) {
    std::uint64_t z = seed + kGoldenGamma;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return nonzero(z ^ (z >> 31));
  }

  /// The state after `state`: one xorshift step.
  static constexpr std::uint64_t advance(std::uint64_t state) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }

  /// Advances the state and returns it: one draw.
  constexpr std::uint64_t next() {
    state_ = advance(state_);
    return state_;
  }

  /// The current state (the last value drawn, or the seeded state).
  constexpr std::uint64_t state() const { return state_; }

private:
  struct Unmixed {};
  constexpr XorshiftRng(Unmixed, std::uint64_t state) : state_(nonzero(state)) {}

  static constexpr std::uint64_t nonzero(std::uint64_t state) {
    return state != 0 ? state : kGoldenGamma;
  }

  std::uint64_t state_;
};

}  // namespace tetra::models
