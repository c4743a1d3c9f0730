#pragma once
// Exceptions of the SystemC boundary. Each carries the simulated time and the path of
// the port involved, as every SimulationError does.

#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/errors.hpp"

namespace tetra {
class SignalBase;
}

namespace tetra::systemc {

/// An X or Z bit stayed on a two-state SystemC port (bool, sc_bv, sc_uint) whose
/// unknown-bit policy is error until the time step settled. The path is the SystemC
/// port's; the message gives the value and the Tetra side.
class UnknownBitError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

namespace detail {
/// The reason of an UnknownBitError for the value of `signal`, which `source` (the Tetra
/// signal or port, named) passes to a two-state port; nullopt if the value is known.
std::optional<std::string> unknown_bits_reason(const SignalBase& signal, std::string_view source);
}  // namespace detail

}  // namespace tetra::systemc
