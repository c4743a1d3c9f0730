#include "sim/systemc/errors.hpp"

#include <fmt/format.h>

#include "sim/kernel/signal.hpp"

namespace tetra::systemc::detail {

std::optional<std::string> unknown_bits_reason(const SignalBase& signal, std::string_view source) {
  const std::string bits = signal.value_bits();
  if (bits.find_first_of("xz") == std::string::npos) return std::nullopt;
  return fmt::format("{}'b{} from {} reached a two-state SystemC port (unknown-bit policy: error; connect() with "
                     "UnknownBitPolicy::zeros(), ones() or random(seed) to accept it)",
                     signal.width(), bits, source);
}

}  // namespace tetra::systemc::detail
