#include "accel/lockstep/verilated_accelerator_run.hpp"

#include "Vrtl_accelerator.h"  // Verilator's class of rtl_accelerator
#include "verilated.h"

#include <array>
#include <string>
#include <vector>

namespace tetra::accel {

AcceleratorRun run_verilated_accelerator(const RtlConfiguration& rtl, const models::ModelShape& target,
                                         const models::ModelShape& draft, std::span<const models::Token> prompt,
                                         const RunParameters& run,
                                         const std::function<bool(std::uint64_t edge)>& out_ready) {
  validate(run, prompt.size());
  validate(rtl, target, draft);
  const std::vector<std::string> plusargs = rtl.plusargs();
  std::vector<const char*> arguments{"tetra"};
  for (const std::string& plusarg : plusargs) arguments.push_back(plusarg.c_str());
  VerilatedContext context;
  context.commandArgs(static_cast<int>(arguments.size()), arguments.data());
  Vrtl_accelerator model{&context, "accelerator"};

  AcceleratorRun result;
  std::uint64_t& edge = result.clock_cycles;
  // One rising edge (and the falling one after it); returns whether the token at the
  // head of the output FIFO was taken at it.
  const auto tick = [&] {
    const bool ready = !out_ready || out_ready(edge);
    model.out_ready = ready;
    const bool taken = ready && model.out_valid;
    const auto token = static_cast<models::Token>(model.out_token);
    const bool prompt_taken = model.in_ready && model.in_valid;
    model.clk = 1;
    model.eval();
    model.clk = 0;
    model.eval();
    ++edge;
    if (taken) result.tokens.push_back(token);
    return prompt_taken;
  };
  model.clk = 0;
  model.rst = 1;
  model.eval();  // time 0: the initial blocks read the configuration and the models
  tick();
  tick();
  model.rst = 0;
  model.cfg_prompt_length = static_cast<std::uint16_t>(prompt.size());
  model.cfg_new_tokens = static_cast<std::uint16_t>(run.new_tokens);
  model.cfg_draft_length = static_cast<std::uint8_t>(run.draft_length);
  model.cfg_sample = run.mode == models::DecodeMode::sample;
  model.cfg_seed = run.seed;
  model.start = 1;
  tick();
  model.start = 0;
  for (const models::Token token : prompt) {
    model.in_valid = 1;
    model.in_token = static_cast<std::uint8_t>(token);
    while (!tick()) {
    }
  }
  model.in_valid = 0;
  while (result.tokens.size() < run.new_tokens) tick();
  while (!model.done) tick();
  model.final();
  // In counter_ports' order.
  const std::array<std::uint64_t, kCounterCount> counters{
      model.cycles,     model.draft_cycles, model.verify_cycles, model.stall_cycles, model.iterations,
      model.drafted,    model.accepted,     model.emitted,       model.rejections,
      model.offchip_bytes_draft,    model.offchip_bytes_verify,    model.offchip_bytes_rejected,
      model.sram_read_bytes_draft,  model.sram_read_bytes_verify,  model.sram_read_bytes_rejected,
      model.sram_write_bytes_draft, model.sram_write_bytes_verify, model.sram_write_bytes_rejected,
      model.macs_draft,             model.macs_verify,             model.macs_rejected};
  for (std::size_t index = 0; index < kCounterCount; ++index) set_counter(result, index, counters[index]);
  return result;
}

}  // namespace tetra::accel
