#pragma once
// How the SystemC boundary words its errors. An X or Z bit that stays on a two-state
// SystemC port under the error policy is an UnknownBitError (namespace tetra, with the
// policy), whose path is the SystemC port's.

#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/unknown_bit_policy.hpp"

namespace tetra {
class SignalBase;
}

namespace tetra::systemc::detail {

/// The reason of an UnknownBitError for the value of `signal`, which `source` (the Tetra
/// signal or port, named) passes to a two-state port; nullopt if the value is known.
std::optional<std::string> unknown_bits_reason(const SignalBase& signal, std::string_view source);

}  // namespace tetra::systemc::detail
