// The traffic counters against hand-computed values for small runs, and against an
// independent count from the configuration and the reference decoder's iterations; the
// energy model's arithmetic and presets.
#include "accel/accelerator_bench.hpp"
#include "accel/energy_model.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "tests/support/shipped_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace tetra::accel {
namespace {

using testing::shipped_model;

using models::DecodeMode;
using models::ModelRole;

AcceleratorRun run(const std::string& text, const RunParameters& parameters,
                   const HardwareParameters& hardware = {}) {
  return run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), hardware,
                         models::Vocabulary::encode(text), parameters);
}

// The checked-in models, as docs/accelerator.md counts them: the target streams
// 128*128 + 64*128 = 24,576 weight bytes a pass (C = 8), the draft 48*32 + 64*48 = 4,608
// (C = 4); V = 64, so a position's score entries are 64 * 7 = 448 bytes.
TEST(TrafficCounters, OneTargetTokenCountsOnePassByHand) {
  const AcceleratorRun measured = run("the ", {1, 0, DecodeMode::greedy, 1});
  TrafficCounts expected;
  expected.offchip_bytes.verify = 24'576;
  expected.macs.verify = 24'576;               // one lane
  expected.sram_read_bytes.verify = 8 + 14;    // gather 8 tokens; one greedy pick (both stores' entry)
  expected.sram_write_bytes.verify = 448 + 1;  // 64 score entries; the token appended
  EXPECT_EQ(measured.traffic, expected);
}

// N = 2, K = 1 greedy after "the ": the first iteration drafts one token; the reference
// decoder rejects it (checked below), so a second iteration of K = 0 follows.
TEST(TrafficCounters, ARejectedDraftTokenCountsItsDraftStepAndItsVerifyPositionByHand) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode("the ");
  static const models::IntegerModel target_model(shipped_model(ModelRole::target));
  static const models::IntegerModel draft_model(shipped_model(ModelRole::draft));
  models::SpeculativeDecoder reference(target_model, draft_model, DecodeMode::greedy, 1);
  ASSERT_EQ(reference.iterate(prompt, 1).accepted, 0u) << "the hand count assumes a rejection";

  const AcceleratorRun measured = run("the ", {2, 1, DecodeMode::greedy, 1});
  TrafficCounts expected;
  // Draft step: 4,608 weight bytes and MACs, 4 context reads, one greedy pick (14 bytes);
  // 448 score bytes and the drafted token written.
  expected.sram_read_bytes.draft = 4'608 + 4 + 14;
  expected.sram_write_bytes.draft = 448 + 1;
  expected.macs.draft = 4'608;
  // Verify, iteration 1: one pass of 2 positions; one accept test (a context read and a
  // score read, 15 bytes); the residual pick (greedy: one read); then iteration 2 (K = 0):
  // one pass of 1 position and its pick.
  expected.offchip_bytes.verify = 24'576 + 24'576;
  expected.macs.verify = 2 * 24'576 + 24'576;
  expected.sram_read_bytes.verify = (2 * 8 + 15 + 14) + (8 + 14);
  expected.sram_write_bytes.verify = (2 * 448 + 1) + (448 + 1);
  // Rejected: the whole draft step, and verify position 1 (its gather, scores and MACs);
  // the pass was needed for position 0, so no off-chip bytes.
  expected.sram_read_bytes.rejected = expected.sram_read_bytes.draft + 8;
  expected.sram_write_bytes.rejected = expected.sram_write_bytes.draft + 448;
  expected.macs.rejected = 4'608 + 24'576;
  EXPECT_EQ(measured.traffic, expected);
}

// The counters recomputed from the configuration and the reference decoder's iterations
// (greedy, so that every pick reads one score entry).
TrafficCounts independent_count(const std::vector<models::Token>& prompt, const RunParameters& parameters,
                                const HardwareParameters& hardware) {
  const models::ModelShape& target = shipped_model(ModelRole::target).shape;
  const models::ModelShape& draft = shipped_model(ModelRole::draft).shape;
  const auto weights = [](const models::ModelShape& shape) {
    return shape.hidden * shape.hidden_inputs() + shape.vocabulary * shape.hidden;
  };
  const std::uint64_t scores = target.vocabulary * 7;  // one position's entries
  const std::uint64_t pick = 14;                       // one entry of both stores
  static const models::IntegerModel target_model(shipped_model(ModelRole::target));
  static const models::IntegerModel draft_model(shipped_model(ModelRole::draft));
  models::SpeculativeDecoder decoder(target_model, draft_model, parameters.mode, parameters.seed);
  std::vector<models::Token> history = prompt;
  TrafficCounts counts;
  std::size_t emitted = 0;
  while (emitted < parameters.new_tokens) {
    const std::size_t k = std::min(parameters.draft_length, parameters.new_tokens - emitted - 1);
    const models::IterationResult iteration = decoder.iterate(history, k);
    const std::size_t n = iteration.accepted, rejected = k - n;
    const std::size_t passes = (k + 1 + hardware.lanes - 1) / hardware.lanes;
    const std::size_t needed_passes = (n + 1 + hardware.lanes - 1) / hardware.lanes;
    const std::uint64_t step_reads = weights(draft) + draft.context + pick;
    const std::uint64_t step_writes = scores + 1;
    counts.sram_read_bytes.draft += k * step_reads;
    counts.sram_write_bytes.draft += k * step_writes;
    counts.macs.draft += k * weights(draft);
    counts.offchip_bytes.verify += passes * weights(target);
    counts.macs.verify += (k + 1) * weights(target);
    const std::size_t tests = k == 0 ? 0 : n < k ? n + 1 : k;
    counts.sram_read_bytes.verify += (k + 1) * target.context + tests * (1 + pick) + pick;
    counts.sram_write_bytes.verify += (k + 1) * scores + 1;
    counts.offchip_bytes.rejected += (passes - needed_passes) * weights(target);
    counts.sram_read_bytes.rejected += rejected * (step_reads + target.context);
    counts.sram_write_bytes.rejected += rejected * (step_writes + scores);
    counts.macs.rejected += rejected * (weights(draft) + weights(target));
    history.insert(history.end(), iteration.emitted.begin(), iteration.emitted.end());
    emitted += iteration.emitted.size();
  }
  return counts;
}

TEST(TrafficCounters, GreedyCountsEqualAnIndependentCountFromTheReferenceIterations) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode("This program is free");
  for (const HardwareParameters& hardware :
       {HardwareParameters{}, HardwareParameters{2, 8, 100, 4}, HardwareParameters{3, 64, 0, 16}}) {
    for (std::size_t k : {0, 1, 4, 7}) {
      const RunParameters parameters{20, k, DecodeMode::greedy, 1};
      const AcceleratorRun measured = run("This program is free", parameters, hardware);
      EXPECT_EQ(measured.traffic, independent_count(prompt, parameters, hardware))
          << "K " << k << ", lanes " << hardware.lanes;
      // No run of 20 tokens accepts every draft token.
      EXPECT_EQ(measured.traffic.macs.rejected > 0, k > 0) << "K " << k;
    }
  }
}

// Sampled picks read a data-dependent number of entries; everything else follows the
// configuration, and the rejected work is part of the work done.
TEST(TrafficCounters, SampledRunsCountTheWeightTrafficOfEveryStepAndPass) {
  const HardwareParameters hardware{4, 16, 8, 16};
  const AcceleratorRun measured = run("free software", {24, 9, DecodeMode::sample, 8}, hardware);
  const TrafficCounts& traffic = measured.traffic;
  const std::uint64_t draft_weights = 4'608, target_weights = 24'576;
  EXPECT_EQ(traffic.macs.draft, measured.counters.drafted * draft_weights);
  EXPECT_EQ(traffic.sram_write_bytes.draft, measured.counters.drafted * (448 + 1));
  EXPECT_EQ(traffic.macs.verify, (measured.counters.drafted + measured.counters.iterations) * target_weights);
  EXPECT_EQ(traffic.offchip_bytes.draft, 0u);
  EXPECT_EQ(traffic.offchip_bytes.verify % target_weights, 0u);
  EXPECT_GT(traffic.offchip_bytes.verify, measured.counters.iterations * target_weights);  // K + 1 > lanes
  for (const auto& [name, quantity] : kTrafficQuantities) {
    EXPECT_LE((traffic.*quantity).rejected, (traffic.*quantity).total()) << name;
  }
  EXPECT_GT(traffic.offchip_bytes.rejected, 0u);
}

TEST(TrafficCounters, NamesFollowQuantityThenWorkKind) {
  EXPECT_EQ(traffic_counter_name(0), "offchip_bytes_draft");
  EXPECT_EQ(traffic_counter_name(5), "sram_read_bytes_rejected");
  EXPECT_EQ(traffic_counter_name(kTrafficCounterCount - 1), "macs_rejected");
  TrafficCounts counts;
  traffic_counter(counts, 10) = 7;
  EXPECT_EQ(counts.macs.verify, 7u);
}

TEST(EnergyModel, EnergyIsCountsTimesCostsSplitLikeTheCounters) {
  TrafficCounts counts;
  counts.macs = {1000, 2000, 500};
  counts.sram_read_bytes = {100, 10, 50};
  counts.sram_write_bytes = {20, 30, 0};
  counts.offchip_bytes = {0, 64, 32};
  const EnergyCosts costs{0.25, 2.0, 100.0};
  const TrafficEnergy energy = traffic_energy(counts, costs);
  EXPECT_DOUBLE_EQ(energy.draft_pj, 1000 * 0.25 + 120 * 2.0);
  EXPECT_DOUBLE_EQ(energy.verify_pj, 2000 * 0.25 + 40 * 2.0 + 64 * 100.0);
  EXPECT_DOUBLE_EQ(energy.rejected_pj, 500 * 0.25 + 50 * 2.0 + 32 * 100.0);
  const PerTokenTraffic per = per_token(counts, costs, 4);
  EXPECT_DOUBLE_EQ(per.offchip_bytes, 16);
  EXPECT_DOUBLE_EQ(per.sram_bytes, 40);
  EXPECT_DOUBLE_EQ(per.macs, 750);
  EXPECT_DOUBLE_EQ(per.energy_pj, energy.total_pj() / 4);
  EXPECT_DOUBLE_EQ(per.rejected_energy_pj, energy.rejected_pj / 4);
  EXPECT_DOUBLE_EQ(per_token(counts, costs, 0).energy_pj, 0);
}

TEST(EnergyModel, PresetsCarryTheirSourcesFigures) {
  const EnergyCosts horowitz = energy_preset("horowitz45").costs;
  EXPECT_DOUBLE_EQ(horowitz.mac_pj, 0.23);           // 8-bit multiply 0.2 + add 0.03
  EXPECT_DOUBLE_EQ(horowitz.sram_byte_pj, 1.25);     // 8 KB SRAM, 10 pJ per 64 bits
  EXPECT_DOUBLE_EQ(horowitz.offchip_byte_pj, 162.5); // DRAM, 1.3 nJ per 64 bits
  EXPECT_DOUBLE_EQ(energy_preset("hbm2").costs.offchip_byte_pj, 3.97 * 8);
  EXPECT_EQ(energy_presets().front().name, "horowitz45");
  try {
    energy_preset("ddr9");
    FAIL() << "an unknown preset was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "energy preset 'ddr9' does not exist (presets: horowitz45, hbm2)");
  }
}

TEST(EnergyModel, SpeculationReadsTheTargetWeightsFewerTimesPerToken) {
  const AcceleratorRun speculative = run("This program is free", {40, 4, DecodeMode::greedy, 1});
  const AcceleratorRun baseline = run("This program is free", {40, 0, DecodeMode::greedy, 1});
  const EnergyCosts costs = energy_preset("horowitz45").costs;
  const PerTokenTraffic with_drafts = per_token(speculative.traffic, costs, speculative.counters.emitted);
  const PerTokenTraffic without = per_token(baseline.traffic, costs, baseline.counters.emitted);
  EXPECT_DOUBLE_EQ(without.offchip_bytes, 24'576);
  EXPECT_LT(with_drafts.offchip_bytes, without.offchip_bytes * 3 / 4);
  EXPECT_GT(with_drafts.rejected_energy_pj, 0);
  EXPECT_DOUBLE_EQ(without.rejected_energy_pj, 0);
}

}  // namespace
}  // namespace tetra::accel
