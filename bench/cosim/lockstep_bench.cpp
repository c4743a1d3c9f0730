// The lockstep FIFO in simulated cycles per CPU second: sim/lib's Fifo<Vec<16>, 3> of
// depth 5 and its Verilated twin rtl::Fifo, each alone and both together under a
// LockstepComparator of their four outputs, on the same traffic (fifo_bench.hpp): a
// ClockGenerator of 10 ns, and a method on the falling edge writing the next inputs.
// The modes run in turn, repeatedly, in one process; each prints its checksum, which
// must agree, and the median of its repetitions.
// Usage: cosim_lockstep_bench [cycles] [repetitions]   (default 1,000,000 and 5)
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "bench/cosim/fifo_bench.hpp"
#include "rtl_fifo.hpp"
#include "sim/cosim/lockstep_comparator.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/fifo.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::bench;

enum class Mode { tetra, rtl, both };

RunResult run(Mode mode, std::uint64_t cycles) {
  const double start = cpu_seconds();
  Simulation sim;
  ClockGenerator clock{sim, "clock", 10_ns};
  FifoSignals signals{sim, "tetra"};  // the inputs, and the outputs of the C++ FIFO (or the RTL alone)
  FifoSignals rtl_signals{sim, "rtl"};  // the outputs of the RTL beside the C++ FIFO
  clock.clk(signals.clk);
  std::unique_ptr<Fifo<Vec<16>, 3>> tetra_fifo;
  std::unique_ptr<rtl::Fifo> rtl_fifo;
  std::unique_ptr<LockstepComparator> lockstep;
  if (mode != Mode::rtl) {
    tetra_fifo = std::make_unique<Fifo<Vec<16>, 3>>(sim, "tetra", 5);
    bind_fifo(*tetra_fifo, signals, signals);
  }
  if (mode != Mode::tetra) {
    rtl_fifo = std::make_unique<rtl::Fifo>(sim, "rtl");
    bind_fifo(*rtl_fifo, signals, mode == Mode::both ? rtl_signals : signals);
  }
  if (mode == Mode::both) {
    lockstep = std::make_unique<LockstepComparator>(sim, "lockstep", LockstepOptions{.resolved_by_rtl = ResolvedByRtl::note});
    lockstep->clk(signals.clk);
    lockstep->compare(tetra_fifo->pop_data, rtl_fifo->pop_data);
    lockstep->compare(tetra_fifo->full, rtl_fifo->full);
    lockstep->compare(tetra_fifo->empty, rtl_fifo->empty);
    lockstep->compare(tetra_fifo->count, rtl_fifo->count);
  }
  FifoTraffic traffic;
  std::uint64_t falling_edges = 0;
  sim.method("traffic", [&] {
    // Two cycles of reset, then the traffic; pop_data is X only when nothing pops.
    if (++falling_edges > 2) {
      const bool popping_possible = signals.empty.read() == L0;
      const FifoStep step = traffic.next(signals.full.read() == L1, !popping_possible,
                                         popping_possible ? signals.pop_data.read().to_uint64() : 0);
      signals.push.write(step.push ? L1 : L0);
      signals.pop.write(step.pop ? L1 : L0);
      signals.push_data.write(Vec<16>(step.data));
    }
    signals.rst.write(falling_edges < 2 ? L1 : L0);
  }).sensitive(signals.clk.negedge());
  sim.run(10_ns * static_cast<std::int64_t>(cycles + 2) + 1_ns);
  sim.end_simulation(false);
  if (lockstep && lockstep->summary().divergences != 0) {
    fmt::print(stderr, "lockstep divergence: {}\n", lockstep->summary().first_divergence->report);
    std::exit(1);
  }
  return {cpu_seconds() - start, traffic.checksum()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t cycles = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const int repetitions = argc > 2 ? std::atoi(argv[2]) : 5;
  if (cycles == 0 || repetitions <= 0) {
    fmt::print(stderr, "usage: cosim_lockstep_bench [cycles > 0] [repetitions > 0]\n");
    return 2;
  }
  const Mode modes[] = {Mode::tetra, Mode::rtl, Mode::both};
  const char* names[] = {"tetra alone", "rtl alone (bridged)", "both, in lockstep"};
  std::vector<double> seconds[3];
  std::uint64_t checksum = 0;
  for (int repetition = 0; repetition < repetitions; ++repetition) {
    for (int m = 0; m < 3; ++m) {
      const RunResult result = run(modes[m], cycles);
      if (repetition == 0 && m == 0) checksum = result.checksum;
      if (result.checksum != checksum) {
        fmt::print(stderr, "checksums differ: {:016x} and {:016x} ({})\n", checksum, result.checksum, names[m]);
        return 1;
      }
      seconds[m].push_back(result.seconds);
    }
  }
  fmt::print("{} cycles, {} repetitions, checksum {:016x} in every mode\n", cycles, repetitions, checksum);
  fmt::print("{:<22} {:>10} {:>18}\n", "mode", "CPU s", "cycles per CPU s");
  for (int m = 0; m < 3; ++m) {
    const double cpu = median(seconds[m]);
    fmt::print("{:<22} {:>10.3f} {:>18.0f}\n", names[m], cpu, static_cast<double>(cycles) / cpu);
  }
  return 0;
}
