#include "sim/kernel/unknown_bit_policy.hpp"

#include <cstdio>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/signal.hpp"

namespace tetra {

std::string UnknownBitPolicy::to_string() const {
  switch (kind_) {
    case Kind::error: return "error";
    case Kind::zeros: return "zeros";
    case Kind::ones: return "ones";
    case Kind::random: return fmt::format("random (seed {})", seed_);
  }
  return "?";
}

std::optional<std::string> unknown_value(const SignalBase& signal) {
  const std::string bits = signal.value_bits();
  if (bits.find_first_of("xz") == std::string::npos) return std::nullopt;
  return fmt::format("{}'b{}", signal.width(), bits);
}

namespace {
// FNV-1a: mixes the port's path into its random stream.
std::uint64_t path_hash(const std::string& path) {
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (const char c : path) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
  return hash;
}
}  // namespace

UnknownBitFiller::UnknownBitFiller(UnknownBitPolicy policy, std::string port, const Scheduler& scheduler)
    : policy_(policy), port_(std::move(port)), scheduler_(&scheduler), random_state_(policy.seed() ^ path_hash(port_)) {}

std::uint64_t UnknownBitFiller::next_random() {
  // SplitMix64: small, fast, and the same sequence everywhere.
  std::uint64_t z = (random_state_ += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

bool UnknownBitFiller::fill(std::span<std::uint64_t> aval, std::span<const std::uint64_t> bval) {
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
        fmt::print(stderr, "tetra: at {} in {}: X/Z bits become random bits (unknown-bit policy: {})\n",
                   scheduler_->now(), port_, policy_.to_string());
      }
      for (std::size_t i = 0; i < aval.size(); ++i) aval[i] = (aval[i] & ~bval[i]) | (next_random() & bval[i]);
      return true;
  }
  return false;
}

}  // namespace tetra
