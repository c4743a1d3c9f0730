#pragma once
// The run-time options of one instance of a Verilated model, given with designated
// initializers when the instance is built:
//
//     FifoRtl rtl{top, "rtl", {.unknown_bits = UnknownBitPolicy::zeros(),
//                              .plusargs = {"+weights=draft.hex"},
//                              .trace_file = "rtl_internals.vcd"}};

#include <filesystem>
#include <string>
#include <vector>

#include "sim/kernel/unknown_bit_policy.hpp"

namespace tetra {

/// The unknown-bit policy of one input port, by its Verilog name.
struct PortUnknownBits {
  std::string port;
  UnknownBitPolicy policy;
};

/// How one instance of a Verilated model runs.
struct VerilatedOptions {
  /// What X and Z bits driven into any input become (default: an error).
  UnknownBitPolicy unknown_bits = UnknownBitPolicy::error();
  /// Per-input exceptions to `unknown_bits`; naming a port that is not an input of the
  /// model is an error when the instance is built.
  std::vector<PortUnknownBits> port_unknown_bits{};
  /// Plusargs of this instance alone, for $test$plusargs and $value$plusargs
  /// ("+verbose", "+weights=draft.hex"); every instance has its own Verilator context.
  std::vector<std::string> plusargs{};
  /// When not empty, Verilator's own VCD of the model's internals is written to this
  /// file, on the simulation's time base (the model must be Verilated with TRACE).
  std::filesystem::path trace_file{};
  /// Levels of the model's hierarchy in trace_file (Verilator's trace depth).
  int trace_depth = 99;
};

}  // namespace tetra
