#include "accel/lockstep/lockstep_run.hpp"

#include "sim/trace/tracer.hpp"

namespace tetra::accel {

namespace {

// The RTL's counters at the end of the run.
void read_rtl_counters(const LockstepBench& bench, AcceleratorRun& run) {
  for (std::size_t index = 0; index < kCounterCount; ++index) {
    set_counter(run, index, bench.rtl_counters[index].read().to_uint64());
  }
}

}  // namespace

LockstepRun run_lockstep(const models::IntegerModelParameters& target, const models::IntegerModelParameters& draft,
                         const RtlConfiguration& rtl, std::span<const models::Token> prompt,
                         const RunParameters& run, const LockstepHooks& hooks) {
  validate(run, prompt.size());
  LockstepBench bench(target, draft, rtl,
                      {.reference_name = "tetra", .candidate_name = "rtl", .on_divergence = hooks.on_divergence},
                      hooks.rtl_vcd_path);
  if (!hooks.run.vcd_path.empty()) trace_vcd(bench.kernel.sim, hooks.run.vcd_path);
  DecodeOutput output;
  std::vector<models::Token> rtl_tokens;
  bench.kernel.start_decode(prompt, run, hooks.run, output);
  // The RTL's tokens, taken at the same edges as the sink takes the kernel model's.
  bench.kernel.sim.method("rtl_sink", [&bench, &rtl_tokens] {
    if (bench.kernel.out_ready.read() == L1 && bench.rtl_out_valid.read() == L1) {
      rtl_tokens.push_back(static_cast<models::Token>(bench.rtl_out_token.read().to_uint64()));
    }
  }).sensitive(bench.kernel.clk.posedge());
  bench.kernel.sim.run();
  LockstepRun result;
  result.kernel = AcceleratorRun{std::move(output.tokens), {}, {}, output.clock_cycles};
  read_counters(bench.kernel, result.kernel);
  result.rtl = AcceleratorRun{std::move(rtl_tokens), {}, {}, output.clock_cycles};
  read_rtl_counters(bench, result.rtl);
  result.agreement = bench.lockstep.summary();
  result.divergences = bench.lockstep.divergences();
  return result;
}

}  // namespace tetra::accel
