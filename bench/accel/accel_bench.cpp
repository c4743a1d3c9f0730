// Simulated accelerator cycles per second: whole decoding runs of the accelerator model
// (all blocks, every signal four-state) on the Tetra kernel, at K = 0 and K = 4, in both
// modes. The "cycles_per_second" counter is simulated clock cycles (from reset to the
// last token) per second of wall time.
#include "accel/accelerator_bench.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace tetra;
using namespace tetra::accel;

const models::IntegerModelParameters& parameters(models::ModelRole role) {
  static const models::IntegerModelParameters target =
      models::load_model(models::default_model_path(models::ModelRole::target), models::ModelRole::target);
  static const models::IntegerModelParameters draft =
      models::load_model(models::default_model_path(models::ModelRole::draft), models::ModelRole::draft);
  return role == models::ModelRole::target ? target : draft;
}

void BM_AcceleratorDecode(benchmark::State& state) {
  const auto draft_length = static_cast<std::size_t>(state.range(0));
  const auto mode = state.range(1) == 0 ? models::DecodeMode::greedy : models::DecodeMode::sample;
  const std::vector<models::Token> prompt = models::Vocabulary::encode("This program is free software");
  const RunParameters run{60, draft_length, mode, 1};
  std::uint64_t simulated_cycles = 0;
  for (auto _ : state) {
    const AcceleratorRun result = run_accelerator(parameters(models::ModelRole::target),
                                                  parameters(models::ModelRole::draft), {}, prompt, run);
    benchmark::DoNotOptimize(result.tokens.data());
    simulated_cycles += result.counters.cycles;
  }
  state.counters["cycles_per_second"] =
      benchmark::Counter(static_cast<double>(simulated_cycles), benchmark::Counter::kIsRate);
  state.counters["cycles_per_run"] = benchmark::Counter(
      static_cast<double>(simulated_cycles) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_AcceleratorDecode)
    ->ArgNames({"k", "sample"})
    ->Args({0, 0})
    ->Args({4, 0})
    ->Args({0, 1})
    ->Args({4, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
