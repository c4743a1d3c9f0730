#pragma once
// One decode on the kernel model and the Verilated RTL in lockstep (LockstepBench): the
// same host stimulus as a run of the kernel model alone (AcceleratorBench::start_decode),
// every output and counter compared at every edge.

#include "accel/lockstep/lockstep_bench.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace tetra::accel {

/// Options of a lockstep run beyond the decode itself.
struct LockstepHooks {
  RunHooks run;                          ///< the kernel trace (both sides' ports), progress, back-pressure
  std::filesystem::path rtl_vcd_path;    ///< when not empty, Verilator's VCD of the RTL's internals
  OnDivergence on_divergence = OnDivergence::stop;
};

/// What a lockstep run produced.
struct LockstepRun {
  AcceleratorRun kernel;  ///< the tokens taken from the kernel model's port and its counters
  AcceleratorRun rtl;     ///< the same, read from the RTL's ports
  LockstepSummary agreement;
  std::vector<Divergence> divergences;  ///< those kept (OnDivergence::count)
};

/// Decodes `prompt` on both sides; with OnDivergence::stop the first divergence throws
/// DivergenceError (its message is the report). Throws std::invalid_argument for a
/// configuration refused by LockstepBench, before anything runs.
LockstepRun run_lockstep(const models::IntegerModelParameters& target, const models::IntegerModelParameters& draft,
                         const RtlConfiguration& rtl, std::span<const models::Token> prompt,
                         const RunParameters& run, const LockstepHooks& hooks = {});

}  // namespace tetra::accel
