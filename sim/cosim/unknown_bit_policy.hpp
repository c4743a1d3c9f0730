#pragma once
// What a Verilated model receives where Tetra drives X or Z: Verilator is two-state, so
// every unknown bit of an input must become 0 or 1, and the policy says how, or that it
// is an error (the default: X never silently becomes a value).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/kernel/event.hpp"

namespace tetra {

class PortBase;
class Scheduler;

/// How the X and Z bits of a value driven into a Verilated model's input become two-state
/// bits. Known bits always pass unchanged. Chosen per model and per input port
/// (VerilatedOptions). Inputs are applied as they change, delta by delta; an unknown
/// value under the error policy is held back, and is an error only if it is still
/// unknown when the time slot has settled.
///
/// **Example**
///
///     VerilatedOptions options{.unknown_bits = UnknownBitPolicy::random(42)};
class UnknownBitPolicy {
public:
  /// The four policies.
  enum class Kind : std::uint8_t { error, zeros, ones, random };

  /// An X or Z bit that lasts until the time slot settles stops the run with
  /// UnknownInputError, naming the port, time and value.
  static constexpr UnknownBitPolicy error() { return UnknownBitPolicy(Kind::error, 0); }
  /// Unknown bits become 0.
  static constexpr UnknownBitPolicy zeros() { return UnknownBitPolicy(Kind::zeros, 0); }
  /// Unknown bits become 1.
  static constexpr UnknownBitPolicy ones() { return UnknownBitPolicy(Kind::ones, 0); }
  /// Unknown bits become pseudo-random bits drawn from a stream seeded with `seed` (and
  /// the port's name), so that a run repeats; the seed is logged to stderr when the first
  /// unknown bit of a port is replaced.
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

namespace detail {

/// The inputs of one model that were X or Z under the error policy when it evaluated:
/// they were not applied (the model kept their last values), and the run stops if one
/// is still unknown once the time slot has settled, so that X passing between delta
/// cycles while logic settles is not an error, and X that stays is.
class HeldUnknownInputs {
public:
  /// Fires when an input is held.
  explicit HeldUnknownInputs(Scheduler& scheduler) : held_(scheduler) {}

  /// Records that `port` held an unknown value back.
  void hold(const PortBase& port);
  /// Fires (immediately) when an input is held.
  [[nodiscard]] const Event& held() const { return held_; }
  /// Throws UnknownInputError for the first held port whose value is still unknown;
  /// then forgets them all. Called in the read-only region.
  void check();

private:
  Event held_;
  std::vector<const PortBase*> ports_;
};

/// One input port's policy at work: turns the unknown bits of the values driven into the
/// port into two-state bits, or holds the value back (error policy). Random bits come
/// from a stream of the port's own (seeded with the policy's seed and the port's name),
/// so that other ports' traffic does not change them.
class UnknownBitFiller {
public:
  /// The policy `policy` for values driven into `port`; `held` collects the held ones.
  UnknownBitFiller(UnknownBitPolicy policy, const PortBase& port, HeldUnknownInputs& held);

  /// Replaces the unknown bits (set in `bval`) of the value plane `aval`, word 0 first,
  /// and returns true; under the error policy, holds the value back and returns false.
  bool fill(std::span<std::uint64_t> aval, std::span<const std::uint64_t> bval);

  /// The policy.
  [[nodiscard]] UnknownBitPolicy policy() const { return policy_; }

private:
  std::uint64_t next_random();

  UnknownBitPolicy policy_;
  const PortBase* port_;
  HeldUnknownInputs* held_;
  std::uint64_t random_state_;
  bool logged_ = false;
};

}  // namespace detail

}  // namespace tetra
