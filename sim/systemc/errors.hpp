#pragma once
// Exceptions of the SystemC boundary. Each carries the simulated time and the path of
// the port involved, as every SimulationError does.

#include "sim/kernel/errors.hpp"

namespace tetra::systemc {

/// An X or Z bit stayed on a two-state SystemC port (bool, sc_bv, sc_uint) whose
/// unknown-bit policy is error until the time step settled. The path is the SystemC
/// port's; the message gives the value and the Tetra side.
class UnknownBitError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

}  // namespace tetra::systemc
