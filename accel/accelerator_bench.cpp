#include "accel/accelerator_bench.hpp"

#include "sim/kernel/thread.hpp"
#include "sim/trace/tracer.hpp"

#include <fmt/format.h>

#include <array>

namespace tetra::accel {

AcceleratorBench::AcceleratorBench(const models::IntegerModelParameters& target,
                                   const models::IntegerModelParameters& draft,
                                   const HardwareParameters& hardware)
    : accelerator(sim, "accelerator", target, draft, hardware) {
  clock.clk(clk);
  accelerator.clk(clk);
  accelerator.rst(rst);
  accelerator.start(start);
  accelerator.cfg_prompt_length(cfg_prompt_length);
  accelerator.cfg_new_tokens(cfg_new_tokens);
  accelerator.cfg_draft_length(cfg_draft_length);
  accelerator.cfg_sample(cfg_sample);
  accelerator.cfg_seed(cfg_seed);
  accelerator.in_valid(in_valid);
  accelerator.in_token(in_token);
  accelerator.in_ready(in_ready);
  accelerator.out_valid(out_valid);
  accelerator.out_token(out_token);
  accelerator.out_ready(out_ready);
  accelerator.done(done);
  accelerator.cycles(cycles);
  accelerator.draft_cycles(draft_cycles);
  accelerator.verify_cycles(verify_cycles);
  accelerator.stall_cycles(stall_cycles);
  accelerator.iterations(iterations);
  accelerator.drafted(drafted);
  accelerator.accepted(accepted);
  accelerator.emitted(emitted);
  accelerator.rejections(rejections);
  for (std::size_t index = 0; index < kTrafficCounterCount; ++index) {
    traffic_counters.emplace_back(sim, traffic_counter_name(index));
    accelerator.traffic_counters[index](traffic_counters[index]);
  }
}

void AcceleratorBench::tick() { wait(clk.posedge()); }

void AcceleratorBench::reset_and_start(const RunParameters& run, std::size_t prompt_length) {
  validate(run, prompt_length);
  rst.write(L1);
  start.write(L0);
  in_valid.write(L0);
  tick();
  tick();
  rst.write(L0);
  cfg_prompt_length.write(Count16(prompt_length));
  cfg_new_tokens.write(Count16(run.new_tokens));
  cfg_draft_length.write(PositionIndex(run.draft_length));
  cfg_sample.write(bit(run.mode == models::DecodeMode::sample));
  cfg_seed.write(Vec<64>(run.seed));
  start.write(L1);
  tick();
  start.write(L0);
}

void AcceleratorBench::send_prompt(std::span<const models::Token> prompt) {
  for (const models::Token token : prompt) {
    in_valid.write(L1);
    in_token.write(TokenId(token));
    do {
      tick();  // in_ready as it was at this edge: the transfer happened if it was 1
    } while (in_ready.read() != L1);
  }
  in_valid.write(L0);
}

void AcceleratorBench::start_decode(std::span<const models::Token> prompt, const RunParameters& run,
                                    const RunHooks& hooks, DecodeOutput& output) {
  sim.thread("host", [this, prompt, run] {
    reset_and_start(run, prompt.size());
    send_prompt(prompt);
  });
  sim.thread("sink", [this, run, &hooks, &output] {
    const auto ready_at = [&hooks](std::uint64_t edge) { return !hooks.out_ready || hooks.out_ready(edge); };
    while (output.tokens.size() < run.new_tokens) {
      const bool ready = ready_at(output.clock_cycles);
      out_ready.write(bit(ready));
      tick();
      ++output.clock_cycles;
      if (ready && out_valid.read() == L1) {
        output.tokens.push_back(static_cast<models::Token>(out_token.read().to_uint64()));
        if (hooks.progress) hooks.progress(output.tokens.size(), run.new_tokens);
      }
    }
    while (done.read() != L1) {
      out_ready.write(bit(ready_at(output.clock_cycles)));
      tick();
      ++output.clock_cycles;
    }
    wait(clk.negedge());  // the last edge settles, and a lockstep compares it
    finish();
  });
  if (hooks.iteration) {
    // Samples the counters' inputs at the edge where the counters take them; before the
    // reset ends they are X, as every register's output.
    const PerformanceCounters& counters = accelerator.counters;
    sim.method("iteration_monitor", [this, &counters, &hooks] {
      if (rst.read() == L0 && read_bit(counters.iteration_done)) {
        hooks.iteration(read_uint(counters.iteration_drafted), read_uint(counters.iteration_accepted));
      }
    }).sensitive(clk.posedge());
  }
}

namespace {
constexpr std::array<std::uint64_t CounterValues::*, kCounterCount - kTrafficCounterCount> kPerformanceFields{
    &CounterValues::cycles,     &CounterValues::draft_cycles, &CounterValues::verify_cycles,
    &CounterValues::stall_cycles, &CounterValues::iterations, &CounterValues::drafted,
    &CounterValues::accepted,   &CounterValues::emitted,      &CounterValues::rejections};
}  // namespace

void set_counter(AcceleratorRun& run, std::size_t index, std::uint64_t value) {
  if (index < kPerformanceFields.size()) {
    run.counters.*kPerformanceFields[index] = value;
  } else {
    traffic_counter(run.traffic, index - kPerformanceFields.size()) = value;
  }
}

std::vector<CounterPort> counter_ports(AcceleratorBench& bench) {
  Accelerator& model = bench.accelerator;
  std::vector<CounterPort> ports{
      {&model.cycles, &bench.cycles},         {&model.draft_cycles, &bench.draft_cycles},
      {&model.verify_cycles, &bench.verify_cycles}, {&model.stall_cycles, &bench.stall_cycles},
      {&model.iterations, &bench.iterations}, {&model.drafted, &bench.drafted},
      {&model.accepted, &bench.accepted},     {&model.emitted, &bench.emitted},
      {&model.rejections, &bench.rejections}};
  for (std::size_t index = 0; index < kTrafficCounterCount; ++index) {
    ports.push_back({&model.traffic_counters[index], &bench.traffic_counters[index]});
  }
  return ports;
}

void read_counters(AcceleratorBench& bench, AcceleratorRun& run) {
  const std::vector<CounterPort> ports = counter_ports(bench);
  for (std::size_t index = 0; index < ports.size(); ++index) {
    set_counter(run, index, ports[index].signal->read().to_uint64());
  }
}

CounterValues read_counters(AcceleratorBench& bench) {
  AcceleratorRun run;
  read_counters(bench, run);
  return run.counters;
}

double AcceleratorRun::acceptance_rate() const {
  const std::uint64_t tests = counters.accepted + counters.rejections;
  return tests == 0 ? 0.0 : static_cast<double>(counters.accepted) / static_cast<double>(tests);
}

AcceleratorRun run_accelerator(const models::IntegerModelParameters& target,
                               const models::IntegerModelParameters& draft,
                               const HardwareParameters& hardware,
                               std::span<const models::Token> prompt, const RunParameters& run,
                               const RunHooks& hooks) {
  validate(run, prompt.size());
  AcceleratorBench bench(target, draft, hardware);
  if (!hooks.vcd_path.empty()) trace_vcd(bench.sim, hooks.vcd_path, hooks.trace_signals);
  if (!hooks.fst_path.empty()) trace_fst(bench.sim, hooks.fst_path, hooks.trace_signals);
  DecodeOutput output;
  bench.start_decode(prompt, run, hooks, output);
  bench.sim.run();
  AcceleratorRun result{std::move(output.tokens), {}, {}, output.clock_cycles};
  read_counters(bench, result);
  return result;
}

}  // namespace tetra::accel
