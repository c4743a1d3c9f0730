#pragma once
// Verilator's fatal errors as C++ exceptions. Verilator's runtime ends the process with
// std::abort() on $stop, $fatal, $error and its own run-time errors; tetra::cosim builds
// that runtime with its own vl_fatal(), which throws VerilatorFatal instead, so that the
// simulation stops like any failed run: with the time and path, and with its VCD files
// closed. VerilatedModule turns it into a VerilogError.

#include <stdexcept>

namespace tetra::detail {

/// Thrown from inside a Verilated model's evaluation; the message is Verilator's, with
/// the Verilog file and line when it has them.
class VerilatorFatal : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

}  // namespace tetra::detail
