// The bridge's overhead: the Verilated rtl/lib FIFO (rtl::Fifo, 16-bit words, 5 deep)
// under the same traffic (fifo_bench.hpp), driven three ways, in turn, in one process:
//   plain    a C++ loop sets the inputs and calls eval() twice a cycle (clock high; clock
//            low with the next inputs), as a Verilator harness does;
//   bridged  the same model inside a Tetra simulation (VerilatedModule): one method,
//            woken every 5 ns, raises the clock, or lowers it and writes the next inputs,
//            so the model also evaluates twice a cycle;
//   bridged_clock_generator  as a Tetra design would drive it: a ClockGenerator, and a
//            traffic method on the falling edge (the inputs change a delta after the
//            clock, so the model evaluates three times a cycle).
// Each mode prints its checksum, which must agree. Reported: CPU seconds per mode (the
// median of the repetitions), and the median of the per-repetition ratios to plain.
// Usage: cosim_bridge_bench [cycles] [repetitions] [mode]   (default 2,000,000, 5, all
// three; one mode alone, for a profiler, prints only its time)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "Vrtl_fifo.h"
#include "bench/cosim/fifo_bench.hpp"
#include "rtl_fifo.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "verilated.h"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::bench;

constexpr std::uint64_t kResetCycles = 2;

RunResult run_plain(std::uint64_t cycles) {
  const double start = cpu_seconds();
  VerilatedContext context;
  Vrtl_fifo model{&context, "plain"};
  FifoTraffic traffic;
  model.rst = 1;
  model.push = 0;
  model.pop = 0;
  model.push_data = 0;
  model.clk = 0;
  model.eval();
  for (std::uint64_t cycle = 0; cycle < kResetCycles + cycles; ++cycle) {
    model.clk = 1;
    model.eval();
    if (cycle >= kResetCycles) {
      const FifoStep step = traffic.next(model.full != 0, model.empty != 0, model.pop_data);
      model.rst = 0;
      model.push = step.push;
      model.pop = step.pop;
      model.push_data = step.data;
    } else {
      model.rst = cycle + 1 < kResetCycles;
    }
    model.clk = 0;
    model.eval();
  }
  model.final();
  return {cpu_seconds() - start, traffic.checksum()};
}

/// The model in a Tetra simulation, with its signals and the traffic.
struct BridgedFifo {
  Simulation sim;
  FifoSignals signals{sim, "fifo"};
  rtl::Fifo fifo{sim, "fifo"};
  FifoTraffic traffic;
  std::uint64_t edges = 0;

  BridgedFifo() { bind_fifo(fifo, signals, signals); }
  /// The inputs of the cycle after rising edge number edges - 1, from the settled outputs.
  void write_inputs() {
    if (edges > kResetCycles) {
      const FifoStep step =
          traffic.next(signals.full.read() == L1, signals.empty.read() == L1, signals.pop_data.read().to_uint64());
      signals.push.write(step.push ? L1 : L0);
      signals.pop.write(step.pop ? L1 : L0);
      signals.push_data.write(Vec<16>(step.data));
    }
    signals.rst.write(edges < kResetCycles ? L1 : L0);
  }
};

RunResult run_bridged(std::uint64_t cycles) {
  const double start = cpu_seconds();
  BridgedFifo bench;
  Event tick{bench.sim};
  bool high = false;
  bench.sim.method("drive", [&] {
    high = !high;
    if (high) {
      bench.signals.clk.write(L1);
      ++bench.edges;
    } else {
      bench.signals.clk.write(L0);
      bench.write_inputs();
    }
    tick.notify_after(5_ns);
  }).sensitive(tick).run_at_start(false);
  tick.notify_after(5_ns);
  bench.sim.run(10_ns * static_cast<std::int64_t>(kResetCycles + cycles) + 1_ns);
  bench.sim.end_simulation(false);
  return {cpu_seconds() - start, bench.traffic.checksum()};
}

RunResult run_bridged_clock_generator(std::uint64_t cycles) {
  const double start = cpu_seconds();
  BridgedFifo bench;
  ClockGenerator clock{bench.sim, "clock", 10_ns};
  clock.clk(bench.signals.clk);
  bench.sim.method("count_edges", [&] { ++bench.edges; }).sensitive(bench.signals.clk.posedge());
  bench.sim.method("traffic", [&] { bench.write_inputs(); }).sensitive(bench.signals.clk.negedge());
  bench.sim.run(10_ns * static_cast<std::int64_t>(kResetCycles + cycles) + 1_ns);
  bench.sim.end_simulation(false);
  return {cpu_seconds() - start, bench.traffic.checksum()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t cycles = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
  const int repetitions = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::string only = argc > 3 ? argv[3] : "";
  using Runner = RunResult (*)(std::uint64_t);
  const std::pair<const char*, Runner> single[] = {
      {"plain", run_plain}, {"bridged", run_bridged}, {"bridged_clock_generator", run_bridged_clock_generator}};
  if (cycles == 0 || repetitions <= 0) {
    fmt::print(stderr, "usage: cosim_bridge_bench [cycles > 0] [repetitions > 0] [plain|bridged|bridged_clock_generator]\n");
    return 2;
  }
  for (const auto& [name, runner] : single) {
    if (only != name) continue;
    const RunResult result = runner(cycles);
    fmt::print("{}: {} cycles in {:.3f} CPU s, checksum {:016x}\n", name, cycles, result.seconds, result.checksum);
    return 0;
  }
  if (!only.empty()) {
    fmt::print(stderr, "unknown mode '{}'\n", only);
    return 2;
  }
  std::vector<double> plain, bridged, generator, bridged_ratio, generator_ratio;
  std::uint64_t checksum = 0;
  for (int repetition = 0; repetition < repetitions; ++repetition) {
    const RunResult a = run_plain(cycles);
    const RunResult b = run_bridged(cycles);
    const RunResult c = run_bridged_clock_generator(cycles);
    if (a.checksum != b.checksum || a.checksum != c.checksum) {
      fmt::print(stderr, "checksums differ: plain {:016x}, bridged {:016x}, clock generator {:016x}\n", a.checksum,
                 b.checksum, c.checksum);
      return 1;
    }
    checksum = a.checksum;
    plain.push_back(a.seconds);
    bridged.push_back(b.seconds);
    generator.push_back(c.seconds);
    bridged_ratio.push_back(b.seconds / a.seconds);
    generator_ratio.push_back(c.seconds / a.seconds);
  }
  const double cycle_count = static_cast<double>(cycles);
  fmt::print("{} cycles, {} repetitions, checksum {:016x} in every mode\n", cycles, repetitions, checksum);
  fmt::print("{:<24} {:>10} {:>12} {:>14}\n", "mode", "CPU s", "ns/cycle", "ratio to plain");
  fmt::print("{:<24} {:>10.3f} {:>12.1f} {:>14}\n", "plain", median(plain), median(plain) / cycle_count * 1e9, "1.00");
  fmt::print("{:<24} {:>10.3f} {:>12.1f} {:>14.2f}\n", "bridged", median(bridged), median(bridged) / cycle_count * 1e9,
             median(bridged_ratio));
  fmt::print("{:<24} {:>10.3f} {:>12.1f} {:>14.2f}\n", "bridged_clock_generator", median(generator),
             median(generator) / cycle_count * 1e9, median(generator_ratio));
  return 0;
}
