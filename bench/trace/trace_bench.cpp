// How much tracing costs. The engine benchmarks count VCD value changes per second; the
// ring benchmark runs the same clocked design untraced, traced to /dev/null (formatting
// only) and traced to a file, so that the ratio shows whether writing dominates.
//
//   build/bench/trace/trace_bench --benchmark_min_time=1

#include "sim/kernel/simulation.hpp"
#include "sim/trace/tracer.hpp"
#include "sim/values/packed_struct.hpp"
#include "sim/trace/vcd_writer.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <deque>
#include <filesystem>
#include <random>
#include <type_traits>
#include <unistd.h>

namespace tetra {
namespace {

using namespace tetra::literals;

// Every one of `count` variables of `width` bits changes at every time step; with
// `unknowns`, a third of the values carry X and Z bits (the slow formatting path).
void engine_changes(benchmark::State& state, std::size_t width, bool unknowns) {
  const std::size_t count = 1024;
  const std::size_t words = (width + 63) / 64;
  VcdWriter writer("/dev/null", VcdTimescale{});
  std::vector<WaveVarId> ids;
  writer.open_scope("top");
  for (std::size_t i = 0; i < count; ++i) ids.push_back(writer.add_var(fmt::format("v{}", i), width, WaveVarKind::wire));
  writer.close_scope();
  writer.end_definitions();

  // Two precomputed value sets to alternate between, so that every change is written.
  std::mt19937_64 random(1);
  const std::uint64_t top_mask = width % 64 == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << (width % 64)) - 1;
  std::vector<std::uint64_t> aval(2 * count * words);
  std::vector<std::uint64_t> bval(2 * count * words);
  for (std::size_t i = 0; i < aval.size(); ++i) {
    const std::uint64_t mask = (i % words == words - 1) ? top_mask : ~std::uint64_t{0};
    aval[i] = random() & mask;
    bval[i] = unknowns && (i / words) % 3 == 0 ? random() & random() & mask : 0;
  }
  std::uint64_t time = 0;
  for (auto _ : state) {
    writer.advance_to(++time);
    const std::size_t set = time % 2;
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t at = (set * count + i) * words;
      writer.change(ids[i], std::span(&aval[at], words), std::span(&bval[at], words));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}

void BM_VcdWriterKnownValues(benchmark::State& state) { engine_changes(state, static_cast<std::size_t>(state.range(0)), false); }
void BM_VcdWriterFourStateValues(benchmark::State& state) { engine_changes(state, static_cast<std::size_t>(state.range(0)), true); }
BENCHMARK(BM_VcdWriterKnownValues)->Arg(1)->Arg(16)->Arg(64)->Arg(256);
BENCHMARK(BM_VcdWriterFourStateValues)->Arg(1)->Arg(16)->Arg(64)->Arg(256);

// A ring of 16-bit registers: register i takes register i-1 plus i at each rising edge,
// so every register changes every cycle, the worst case for a tracer.
constexpr unsigned ring_length = 1000;
constexpr unsigned ring_cycles = 2000;

enum class Tracing { none, to_null, to_file };

// The same 16 bits as a packed struct of four fields: the tracer writes four variables
// per change instead of one (one WaveWriter::change call per field).
struct Nibbles {
  Vec<4> n0, n1, n2, n3;
  TETRA_PACKED_FIELDS(Nibbles, n0, n1, n2, n3)
};

// `Register` is Vec<16> or Nibbles; both add as 16-bit numbers.
template <class Register>
Register register_of(unsigned value) {
  if constexpr (std::is_same_v<Register, Vec<16>>) {
    return Vec<16>::from_uint(value);
  } else {
    return from_bits<Register>(Vec<16>::from_uint(value));
  }
}
template <class Register>
Register plus(const Register& a, const Register& b) {
  if constexpr (std::is_same_v<Register, Vec<16>>) {
    return a + b;
  } else {
    return from_bits<Register>(to_bits(a) + to_bits(b));
  }
}

template <class Register>
void ring(benchmark::State& state, Tracing tracing) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() / fmt::format("tetra_trace_bench_{}.vcd", ::getpid());
  for (auto _ : state) {
    state.PauseTiming();
    {
      Simulation sim;
      Signal<Logic> clk(sim, "clk", L0);
      std::deque<Signal<Register>> registers;
      for (unsigned i = 0; i < ring_length; ++i) registers.emplace_back(sim, fmt::format("r{}", i), register_of<Register>(i));
      for (unsigned i = 0; i < ring_length; ++i) {
        Signal<Register>& self = registers[i];
        const Signal<Register>& previous = registers[(i + ring_length - 1) % ring_length];
        sim.method(fmt::format("step{}", i), [&self, &previous, increment = register_of<Register>(i)] {
          self.write(plus(previous.read(), increment));
        }).sensitive(clk.posedge());
      }
      sim.thread("clock", [&clk] {
        for (unsigned cycle = 0; cycle < ring_cycles; ++cycle) {
          wait(5_ns);
          clk.write(L1);
          wait(5_ns);
          clk.write(L0);
        }
      });
      if (tracing == Tracing::to_null) trace_vcd(sim, "/dev/null");
      if (tracing == Tracing::to_file) trace_vcd(sim, file);
      state.ResumeTiming();
      sim.run();
      state.PauseTiming();
    }
    state.ResumeTiming();
  }
  std::filesystem::remove(file);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * ring_cycles));
}
void BM_Ring(benchmark::State& state, Tracing tracing) { ring<Vec<16>>(state, tracing); }
void BM_StructRing(benchmark::State& state, Tracing tracing) { ring<Nibbles>(state, tracing); }
BENCHMARK_CAPTURE(BM_Ring, untraced, Tracing::none)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Ring, traced_to_dev_null, Tracing::to_null)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Ring, traced_to_file, Tracing::to_file)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_StructRing, untraced, Tracing::none)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_StructRing, traced_to_dev_null, Tracing::to_null)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tetra

BENCHMARK_MAIN();
