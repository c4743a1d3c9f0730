#pragma once
// Exceptions of co-simulation: an unknown bit refused at a Verilated model's input, a
// Verilog run-time error inside the model, a time that a model's precision cannot
// state, and a divergence found by the lockstep comparator. Each carries the simulated
// time and the hierarchical path, as every SimulationError does.

#include "sim/kernel/errors.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"

namespace tetra {

/// An X or Z bit reached a Verilated model's input whose unknown-bit policy is error.
/// The path is the input port's; the message gives the value.
class UnknownInputError : public UnknownBitError {
public:
  using UnknownBitError::UnknownBitError;
};

/// The Verilated model stopped itself: $stop, $fatal, $error (Verilator treats them as
/// fatal), or a Verilator run-time error. The path is the model's; the message is
/// Verilator's, with the Verilog file and line.
class VerilogError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// A time the bridge cannot pass exactly between the simulation's ticks and a model's
/// time precision (a time is never rounded).
class ModelTimeError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// The lockstep comparator found a difference and its options say stop. The path is the
/// second implementation's signal; the message is the whole report.
class DivergenceError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

}  // namespace tetra
