#include "sim/cosim/unknown_bit_policy.hpp"

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/module/port.hpp"

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

namespace detail {

namespace {
// FNV-1a: mixes the port's name into its random stream.
std::uint64_t name_hash(const std::string& name) {
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
  return hash;
}

}  // namespace

void HeldUnknownInputs::hold(const PortBase& port) {
  ports_.push_back(&port);
  held_.notify();
}

void HeldUnknownInputs::check() {
  std::vector<const PortBase*> ports;
  ports.swap(ports_);
  for (const PortBase* port : ports) {
    const SignalBase& signal = *port->bound_signal();
    const std::string bits = signal.value_bits();
    if (bits.find_first_of("xz") == std::string::npos) continue;
    throw UnknownInputError(port->simulation().now(), port->path(),
                            fmt::format("{}'b{} driven into a Verilated model, which is two-state (unknown-bit "
                                        "policy: error; VerilatedOptions chooses zeros, ones or random)",
                                        signal.width(), bits));
  }
}

UnknownBitFiller::UnknownBitFiller(UnknownBitPolicy policy, const PortBase& port, HeldUnknownInputs& held)
    : policy_(policy), port_(&port), held_(&held), random_state_(policy.seed() ^ name_hash(port.name())) {}

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
      held_->hold(*port_);
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
        fmt::print(stderr, "tetra: at {} in {}: X/Z input bits become random bits (unknown-bit policy: {})\n",
                   port_->simulation().now(), port_->path(), policy_.to_string());
      }
      for (std::size_t i = 0; i < aval.size(); ++i) aval[i] = (aval[i] & ~bval[i]) | (next_random() & bval[i]);
      return true;
  }
  return false;
}

}  // namespace detail
}  // namespace tetra
