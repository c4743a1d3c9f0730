#pragma once
// What a two-state model receives where Tetra has X or Z: a SystemC bool, sc_bv or
// sc_uint port (sim/systemc), like a Verilated model's input, holds only 0 and 1, so
// every unknown bit must become one of them, and the policy says how, or that it is an
// error (the default: X never silently becomes a value). Known bits always pass
// unchanged. This header knows nothing of the kernel: a bridge decides when an error
// is reported and with which time and path.

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace tetra {

/// How the X and Z bits of a value passed to a two-state port become 0 or 1.
///
/// **Example**
///
///     connect(dut.ready, ready, UnknownBitPolicy::random(42));
class UnknownBitPolicy {
public:
  /// The four policies.
  enum class Kind : std::uint8_t { error, zeros, ones, random };

  /// An unknown bit is an error naming the port (what the bridge does with it: its docs).
  static constexpr UnknownBitPolicy error() { return UnknownBitPolicy(Kind::error, 0); }
  /// Unknown bits become 0.
  static constexpr UnknownBitPolicy zeros() { return UnknownBitPolicy(Kind::zeros, 0); }
  /// Unknown bits become 1.
  static constexpr UnknownBitPolicy ones() { return UnknownBitPolicy(Kind::ones, 0); }
  /// Unknown bits become pseudo-random bits from a stream seeded with `seed` and the
  /// port's name, so that a run repeats; the seed is logged to stderr the first time a
  /// port replaces a bit.
  static constexpr UnknownBitPolicy random(std::uint64_t seed) { return UnknownBitPolicy(Kind::random, seed); }

  /// Which policy this is.
  [[nodiscard]] constexpr Kind kind() const { return kind_; }
  /// The seed of a random policy (0 for the others).
  [[nodiscard]] constexpr std::uint64_t seed() const { return seed_; }
  /// "error", "zeros", "ones" or "random (seed 42)".
  [[nodiscard]] std::string to_string() const {
    switch (kind_) {
      case Kind::error: return "error";
      case Kind::zeros: return "zeros";
      case Kind::ones: return "ones";
      case Kind::random: return fmt::format("random (seed {})", seed_);
    }
    return "?";
  }

  friend constexpr bool operator==(const UnknownBitPolicy&, const UnknownBitPolicy&) = default;

private:
  constexpr UnknownBitPolicy(Kind kind, std::uint64_t seed) : kind_(kind), seed_(seed) {}

  Kind kind_;
  std::uint64_t seed_;
};

/// One port's policy at work. Random bits come from a stream of the port's own (seeded
/// with the policy's seed and the port's name), so that other ports' traffic does not
/// change them.
class UnknownBitFiller {
public:
  /// The policy `policy` for the values passed to the port named `port` (a path; it is
  /// in the log line and seeds the random stream).
  UnknownBitFiller(UnknownBitPolicy policy, std::string port)
      : policy_(policy), port_(std::move(port)), random_state_(policy.seed() ^ name_hash(port_)) {}

  /// Replaces the unknown bits (set in `bval`) of the value plane `aval`, word 0 first,
  /// and returns true; under the error policy, leaves `aval` as it is and returns false.
  bool fill(std::span<std::uint64_t> aval, std::span<const std::uint64_t> bval) {
    switch (policy_.kind()) {
      case UnknownBitPolicy::Kind::error:
        return false;
      case UnknownBitPolicy::Kind::zeros:
        for (std::size_t i = 0; i < aval.size(); ++i) aval[i] &= ~bval[i];
        return true;
      case UnknownBitPolicy::Kind::ones:
        for (std::size_t i = 0; i < aval.size(); ++i) aval[i] |= bval[i];
        return true;
      case UnknownBitPolicy::Kind::random:
        if (!logged_) {
          logged_ = true;
          fmt::print(stderr, "tetra: {}: X/Z bits become random bits (unknown-bit policy: {})\n", port_,
                     policy_.to_string());
        }
        for (std::size_t i = 0; i < aval.size(); ++i) aval[i] = (aval[i] & ~bval[i]) | (next_random() & bval[i]);
        return true;
    }
    return false;
  }

  /// The policy.
  [[nodiscard]] UnknownBitPolicy policy() const { return policy_; }
  /// The port's name, as given.
  [[nodiscard]] const std::string& port() const { return port_; }

private:
  // FNV-1a: mixes the port's name into its random stream.
  static std::uint64_t name_hash(const std::string& name) {
    std::uint64_t hash = 0xcbf29ce484222325u;
    for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
    return hash;
  }
  // SplitMix64: small, fast, and the same sequence everywhere.
  std::uint64_t next_random() {
    std::uint64_t z = (random_state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }

  UnknownBitPolicy policy_;
  std::string port_;
  std::uint64_t random_state_;
  bool logged_ = false;
};

}  // namespace tetra
