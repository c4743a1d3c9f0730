#pragma once
// The Verilated RTL of the accelerator alone, driven from a plain C++ loop (no kernel):
// the host protocol of AcceleratorBench::start_decode, edge for edge, on Verilator's own
// class. What the RTL costs without the bridge, for `tetra cosim` and the benchmarks.

#include "accel/accelerator_bench.hpp"
#include "accel/lockstep/rtl_configuration.hpp"

#include <cstdint>
#include <functional>
#include <span>

namespace tetra::accel {

/// Decodes `prompt` on the Verilated RTL; out_ready for each edge as `out_ready` says
/// (empty: always). Throws std::invalid_argument, naming the option or the model, for a
/// configuration refused by validate(RtlConfiguration, ...), before the model is built.
AcceleratorRun run_verilated_accelerator(const RtlConfiguration& rtl, const models::ModelShape& target,
                                         const models::ModelShape& draft, std::span<const models::Token> prompt,
                                         const RunParameters& run,
                                         const std::function<bool(std::uint64_t edge)>& out_ready = {});

}  // namespace tetra::accel
