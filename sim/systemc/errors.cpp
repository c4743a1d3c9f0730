#include "sim/systemc/errors.hpp"

#include <fmt/format.h>

namespace tetra::systemc::detail {

std::optional<std::string> unknown_bits_reason(const SignalBase& signal, std::string_view source) {
  const std::optional<std::string> value = unknown_value(signal);
  if (!value) return std::nullopt;
  return fmt::format("{} from {} reached a two-state SystemC port (unknown-bit policy: error; connect() with "
                     "UnknownBitPolicy::zeros(), ones() or random(seed) to accept it)",
                     *value, source);
}

}  // namespace tetra::systemc::detail
