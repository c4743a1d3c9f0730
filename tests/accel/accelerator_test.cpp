// The accelerator emits exactly the reference decoder's tokens, and its counters equal
// the reference's statistics, over prompts, draft lengths, seeds, modes and hardware.
#include "accel/accelerator_bench.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/kernel/thread.hpp"
#include "tests/support/shipped_models.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace tetra::accel {
namespace {

using testing::shipped_model;

using models::DecodeMode;
using models::ModelRole;

const std::vector<std::string>& prompts() {
  static const std::vector<std::string> texts{
      "", "t", "This program is free software", "WITHOUT ANY WARRANTY",
      "copyright (c) 2007 free software foundation, inc. <http://fsf.org/>", "{}\t~~~"};
  return texts;
}

models::DecodeResult reference(const std::vector<models::Token>& prompt, const RunParameters& run) {
  static const models::IntegerModel target(shipped_model(ModelRole::target));
  static const models::IntegerModel draft(shipped_model(ModelRole::draft));
  const models::DecodeOptions options{run.new_tokens, run.draft_length, run.mode, run.seed};
  return models::decode_speculative(target, draft, prompt, options);
}

// Runs the accelerator and the reference on one case and compares tokens and counters.
void expect_matches_reference(const std::string& text, const RunParameters& run,
                              const HardwareParameters& hardware = {}) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode(text);
  const AcceleratorRun measured =
      run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), hardware, prompt, run);
  const models::DecodeResult expected = reference(prompt, run);
  SCOPED_TRACE(::testing::Message() << "prompt \"" << text << "\", K " << run.draft_length
                                    << ", seed " << run.seed << ", lanes " << hardware.lanes);
  EXPECT_EQ(measured.tokens, expected.tokens);
  const models::DecodeStatistics& statistics = expected.statistics;
  EXPECT_EQ(measured.counters.iterations, statistics.iterations);
  EXPECT_EQ(measured.counters.drafted, statistics.drafted);
  EXPECT_EQ(measured.counters.accepted, statistics.accepted());
  EXPECT_EQ(measured.counters.rejections, statistics.rejections);
  EXPECT_EQ(measured.counters.emitted, statistics.emitted);
  EXPECT_GT(measured.counters.cycles, 0u);
}

TEST(Accelerator, GreedyTokensEqualTheReferenceForEveryPromptAndDraftLength) {
  for (const std::string& text : prompts()) {
    for (std::size_t k : {0, 1, 3, 4, 7}) {
      expect_matches_reference(text, {20, k, DecodeMode::greedy, 1});
    }
  }
}

TEST(Accelerator, SampledTokensEqualTheReferenceForEveryPromptDraftLengthAndSeed) {
  for (const std::string& text : prompts()) {
    for (std::size_t k : {0, 1, 4, 6}) {
      for (std::uint64_t seed : {1, 2, 99, 123456789}) {
        expect_matches_reference(text, {20, k, DecodeMode::sample, seed});
      }
    }
  }
}

TEST(Accelerator, TokensDoNotDependOnLanesBandwidthOrLatency) {
  const std::vector<HardwareParameters> variants{
      {2, 16, 32, 16}, {1, 4, 0, 8}, {8, 64, 200, 1}, {3, 1, 5, 16}};
  for (const HardwareParameters& hardware : variants) {
    expect_matches_reference("This program is free software", {10, 6, DecodeMode::sample, 3},
                             hardware);
    expect_matches_reference("the ", {10, 5, DecodeMode::greedy, 1}, hardware);
  }
}

TEST(Accelerator, DraftLengthsAboveTheLaneCountTakeSeveralWeightPasses) {
  expect_matches_reference("free software", {16, 9, DecodeMode::greedy, 1}, {4, 16, 8, 16});
  expect_matches_reference("free software", {16, 9, DecodeMode::sample, 8}, {4, 16, 8, 16});
}

// The cycle count of every controller state, from docs/accelerator.md, summed over the
// iterations the reference decoder performs (greedy: every pick takes 4 cycles).
std::uint64_t contract_cycles(const std::vector<models::Token>& prompt, const RunParameters& run,
                              const HardwareParameters& hardware) {
  const models::ModelShape& target = shipped_model(ModelRole::target).shape;
  const models::ModelShape& draft = shipped_model(ModelRole::draft).shape;
  const auto beats = [](const models::ModelShape& shape, std::size_t bytes) {
    return (shape.hidden * shape.hidden_inputs() + shape.vocabulary * shape.hidden) / bytes;
  };
  const auto engine_pass = [](const models::ModelShape& shape, std::size_t positions,
                              std::size_t latency, std::size_t pass_beats) {
    return positions * shape.context + latency + pass_beats + positions * shape.vocabulary + 6;
  };
  static const models::IntegerModel target_model(shipped_model(ModelRole::target));
  static const models::IntegerModel draft_model(shipped_model(ModelRole::draft));
  models::SpeculativeDecoder decoder(target_model, draft_model, run.mode, run.seed);
  std::vector<models::Token> history = prompt;
  std::size_t emitted = 0;
  std::uint64_t cycles = 1;  // the final iterate cycle
  while (emitted < run.new_tokens) {
    const std::size_t k = std::min(run.draft_length, run.new_tokens - emitted - 1);
    const models::IterationResult iteration = decoder.iterate(history, k);
    const std::size_t n = iteration.accepted;
    cycles += 1;  // iterate
    cycles += k * (engine_pass(draft, 1, 0, beats(draft, hardware.draft_bytes_per_cycle)) + 4);
    for (std::size_t first = 0; first < k + 1; first += hardware.lanes) {
      cycles += engine_pass(target, std::min(hardware.lanes, k + 1 - first),
                            hardware.memory_latency, beats(target, hardware.memory_bytes_per_cycle));
    }
    if (k > 0) cycles += 5 * (n < k ? n + 1 : k) + 2;  // accept
    cycles += 4 + 1 + (n + 1);                         // resolve, emit_wait, emit
    history.insert(history.end(), iteration.emitted.begin(), iteration.emitted.end());
    emitted += iteration.emitted.size();
  }
  return cycles;
}

TEST(Accelerator, GreedyCycleCountsFollowTheContract) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode("This program is free");
  for (const HardwareParameters& hardware :
       {HardwareParameters{}, HardwareParameters{2, 8, 100, 4}}) {
    for (std::size_t k : {0, 1, 4}) {
      const RunParameters run{15, k, DecodeMode::greedy, 1};
      const AcceleratorRun measured =
          run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), hardware, prompt, run);
      EXPECT_EQ(measured.counters.cycles, contract_cycles(prompt, run, hardware))
          << "K " << k << ", lanes " << hardware.lanes;
    }
  }
}

TEST(Accelerator, SpeculationBeatsTheAutoregressiveBaselineOnTheSameHardware) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode("This program is free");
  const auto cycles = [&](std::size_t k) {
    return run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), {}, prompt,
                           {40, k, DecodeMode::greedy, 1})
        .counters.cycles;
  };
  EXPECT_LT(cycles(4), cycles(0) * 3 / 4);
}

TEST(Accelerator, HardwareThatDoesNotFitTheModelsIsRejectedWithTheReason) {
  const auto message = [](const HardwareParameters& hardware) {
    try {
      run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), hardware, {},
                      {1, 0, DecodeMode::greedy, 1});
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({0, 16, 32, 16}), "lanes is 0; it must be 1 to 65");
  EXPECT_EQ(message({8, 24, 32, 16}),
            "memory bandwidth (bytes per cycle) is 24; it must be a power of two from 1 to 64");
  EXPECT_EQ(message({8, 16, 32, 32}),
            "draft bandwidth (bytes per cycle) is 32; it must divide the draft model's row "
            "lengths C*E = 32 and H = 48");
  EXPECT_EQ(message({8, 16, 5000, 16}), "memory latency is 5000 cycles; it must be at most 4096");
}

TEST(Accelerator, RunParametersOutsideTheirRangesAreRejected) {
  const auto message = [](const RunParameters& run) {
    try {
      run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), {}, {}, run);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({0, 4, DecodeMode::greedy, 1}), "tokens is 0; it must be 1 to 65535");
  EXPECT_EQ(message({5, 65, DecodeMode::greedy, 1}), "k is 65; it must be 0 to 64");
}

// Holds out_ready low long enough to fill the output FIFO, then takes tokens when a coin
// says so: the tokens are unchanged, and the extra cycles are exactly the stall cycles.
TEST(Accelerator, OutputBackPressureStallsTheControllerWithoutChangingTokens) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode("Licensed under the");
  const RunParameters run{140, 4, DecodeMode::sample, 21};
  AcceleratorBench bench(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), {});
  std::vector<models::Token> received;
  std::mt19937_64 traffic(5);
  std::bernoulli_distribution coin(0.3);
  bench.sim.thread("driver", [&] {
    bench.reset_and_start(run, prompt.size());
    bench.send_prompt(prompt);
  });
  bench.sim.thread("sink", [&] {
    bench.out_ready.write(L0);
    for (int cycle = 0; cycle < 200'000; ++cycle) bench.tick();
    while (received.size() < run.new_tokens) {
      bench.out_ready.write(bit(coin(traffic)));
      bench.tick();
      if (bench.out_valid.read() == L1 && bench.out_ready.read() == L1) {
        received.push_back(static_cast<models::Token>(bench.out_token.read().to_uint64()));
      }
    }
    while (bench.done.read() != L1) bench.tick();
    finish();
  });
  bench.sim.run();
  const CounterValues blocked = read_counters(bench);
  const AcceleratorRun free_flowing =
      run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), {}, prompt, run);
  EXPECT_EQ(received, reference(prompt, run).tokens);
  EXPECT_GT(blocked.stall_cycles, free_flowing.counters.stall_cycles + 1000);
  EXPECT_EQ(blocked.cycles - blocked.stall_cycles,
            free_flowing.counters.cycles - free_flowing.counters.stall_cycles);
}

}  // namespace
}  // namespace tetra::accel
