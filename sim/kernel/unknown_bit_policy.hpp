#pragma once
// What a two-state model receives where Tetra has X or Z. A Verilated model's inputs
// (sim/cosim) and SystemC's bool, sc_bv and sc_uint ports (sim/systemc) hold only 0 and
// 1, so every unknown bit passed to them must become one of them, and the policy says
// how, or that it is an error (the default: X never silently becomes a value). Under the
// error policy a bridge holds the value back, and throws UnknownBitError only if it is
// still unknown when the time slot has settled: X that passes between delta cycles while
// logic settles is not an error; X that stays is.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "sim/kernel/errors.hpp"

namespace tetra {

class Scheduler;
class SignalBase;

/// How the X and Z bits of a value passed to a two-state port become 0 or 1. Known bits
/// always pass unchanged.
///
/// **Example**
///
///     VerilatedOptions options{.unknown_bits = UnknownBitPolicy::random(42)};
///     connect(dut.ready, ready, UnknownBitPolicy::zeros());  // in a SystemCModule
class UnknownBitPolicy {
public:
  /// The four policies.
  enum class Kind : std::uint8_t { error, zeros, ones, random };

  /// An X or Z bit that lasts until the time slot settles stops the run with
  /// UnknownBitError, naming the port, time and value.
  static constexpr UnknownBitPolicy error() { return UnknownBitPolicy(Kind::error, 0); }
  /// Unknown bits become 0.
  static constexpr UnknownBitPolicy zeros() { return UnknownBitPolicy(Kind::zeros, 0); }
  /// Unknown bits become 1.
  static constexpr UnknownBitPolicy ones() { return UnknownBitPolicy(Kind::ones, 0); }
  /// Unknown bits become pseudo-random bits drawn from a stream seeded with `seed` and
  /// the port's path, so that a run repeats; the seed is logged to stderr, with the time
  /// and the port, when the first unknown bit of a port is replaced.
  static constexpr UnknownBitPolicy random(std::uint64_t seed) { return UnknownBitPolicy(Kind::random, seed); }

  /// Which policy this is.
  [[nodiscard]] constexpr Kind kind() const { return kind_; }
  /// The seed of a random policy (0 for the others).
  [[nodiscard]] constexpr std::uint64_t seed() const { return seed_; }
  /// "error", "zeros", "ones" or "random (seed 42)".
  [[nodiscard]] std::string to_string() const;

  friend constexpr bool operator==(const UnknownBitPolicy&, const UnknownBitPolicy&) = default;

private:
  constexpr UnknownBitPolicy(Kind kind, std::uint64_t seed) : kind_(kind), seed_(seed) {}

  Kind kind_;
  std::uint64_t seed_;
};

/// An X or Z bit stayed on a two-state port whose unknown-bit policy is error until the
/// time slot settled. The path is the port's; the message gives the value, where it came
/// from and how to accept it.
class UnknownBitError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// The value of `signal` as an UnknownBitError quotes it ("8'bxxxx0z01") if some bit of
/// it is X or Z; nullopt if it is known.
std::optional<std::string> unknown_value(const SignalBase& signal);

/// One port's policy at work. Random bits come from a stream of the port's own (seeded
/// with the policy's seed and the port's path), so that other ports' traffic does not
/// change them.
class UnknownBitFiller {
public:
  /// The policy `policy` for the values passed to the port whose path is `port` (it is
  /// in the log line and seeds the random stream), in the simulation run by `scheduler`
  /// (its time is in the log line).
  UnknownBitFiller(UnknownBitPolicy policy, std::string port, const Scheduler& scheduler);

  /// Replaces the unknown bits (set in `bval`) of the value plane `aval`, word 0 first,
  /// and returns true; under the error policy, leaves `aval` as it is and returns false
  /// (the caller holds the value back).
  bool fill(std::span<std::uint64_t> aval, std::span<const std::uint64_t> bval);

  /// The policy.
  [[nodiscard]] UnknownBitPolicy policy() const { return policy_; }
  /// The port's path, as given.
  [[nodiscard]] const std::string& port() const { return port_; }

private:
  std::uint64_t next_random();

  UnknownBitPolicy policy_;
  std::string port_;
  const Scheduler* scheduler_;
  std::uint64_t random_state_;
  bool logged_ = false;
};

}  // namespace tetra
