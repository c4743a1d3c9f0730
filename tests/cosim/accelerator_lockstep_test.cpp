// The accelerator's kernel model (accel/) and its RTL (rtl/accel, Verilated) in lockstep:
// generated cases (prompts, K 0..8, both modes, seeds, lanes, bandwidths, latencies,
// back-pressure) run with every output and counter compared every cycle, zero
// divergences, and the tokens of both equal models::decode_speculative's. A difference
// injected in either side is caught at the first cycle where it shows.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "accel/lockstep/lockstep_run.hpp"
#include "accel/lockstep/verilated_accelerator_run.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "tests/support/shipped_models.hpp"

namespace tetra::accel {
namespace {

using testing::shipped_model;

using models::ModelRole;
using models::Token;
using namespace tetra::literals;

RtlConfiguration rtl_configuration(const HardwareParameters& hardware) {
  return {models::default_model_path(ModelRole::target), models::default_model_path(ModelRole::draft), hardware, {}};
}

/// One generated case.
struct LockstepCase {
  std::vector<Token> prompt;
  RunParameters run;
  HardwareParameters hardware;
  unsigned ready_percent = 100;  ///< out_ready is high at this share of edges
  std::uint64_t ready_seed = 0;
  std::uint64_t hold_edges = 0;  ///< out_ready is low for the edges before this one

  std::string describe() const {
    return "prompt \"" + models::Vocabulary::decode(prompt) + "\", N " + std::to_string(run.new_tokens) + ", K " +
           std::to_string(run.draft_length) + (run.mode == models::DecodeMode::sample ? ", sample" : ", greedy") +
           ", seed " + std::to_string(run.seed) + ", lanes " + std::to_string(hardware.lanes) + ", mem_bw " +
           std::to_string(hardware.memory_bytes_per_cycle) + ", latency " + std::to_string(hardware.memory_latency) +
           ", draft_bw " + std::to_string(hardware.draft_bytes_per_cycle) + ", out_ready " +
           std::to_string(ready_percent) + "% after edge " + std::to_string(hold_edges);
  }
};

// Case `index`, drawn from a generator seeded with it: nothing is chosen to pass.
LockstepCase generate_case(int index) {
  std::mt19937_64 random(0x5eed0000u + static_cast<unsigned>(index));
  const auto pick = [&random](auto... values) {
    const std::vector<std::uint64_t> choices{static_cast<std::uint64_t>(values)...};
    return choices[random() % choices.size()];
  };
  LockstepCase generated;
  static const std::string letters = "abcdefghijklmnopqrstuvwxyz ,.'\n0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string text;
  for (std::uint64_t length = random() % 24; length > 0; --length) text += letters[random() % letters.size()];
  generated.prompt = models::Vocabulary::encode(text);
  generated.run.new_tokens = 4 + random() % 20;
  generated.run.draft_length = random() % 9;
  generated.run.mode = random() % 2 == 0 ? models::DecodeMode::greedy : models::DecodeMode::sample;
  generated.run.seed = random();
  generated.hardware.lanes = pick(1, 2, 3, 4, 5, 8, 9, 16, 65);
  // Powers of two that divide the rows of the checked-in models (target C*E = H = 128;
  // draft C*E = 32, H = 48).
  generated.hardware.memory_bytes_per_cycle = pick(1, 2, 4, 8, 16, 32, 64);
  generated.hardware.draft_bytes_per_cycle = pick(1, 2, 4, 8, 16);
  generated.hardware.memory_latency = pick(0, 1, 2, 3, 7, 32, 100);
  generated.ready_percent = static_cast<unsigned>(pick(100, 90, 50, 20));
  generated.ready_seed = random();
  if (index % 8 == 7) {
    // More tokens than the 128-entry output FIFO holds, on fast hardware, and no token
    // taken for the first 200,000 edges: the FIFO fills and the controller waits.
    generated.run.new_tokens = kOutputFifoDepth + 8 + random() % 8;
    generated.hardware.lanes = 9;
    generated.hardware.memory_bytes_per_cycle = 64;
    generated.hardware.draft_bytes_per_cycle = 16;
    generated.hold_edges = 200'000;
  }
  return generated;
}

// out_ready for each edge of a case: a function of the edge's number alone, so that
// every run of the case sees the same back-pressure.
std::function<bool(std::uint64_t)> out_ready(const LockstepCase& lockstep_case) {
  if (lockstep_case.ready_percent == 100 && lockstep_case.hold_edges == 0) return {};
  return [percent = lockstep_case.ready_percent, seed = lockstep_case.ready_seed,
          hold = lockstep_case.hold_edges](std::uint64_t edge) {
    return edge >= hold && std::mt19937_64(seed ^ (edge * 0x9E3779B97F4A7C15u))() % 100 < percent;
  };
}

std::vector<Token> reference_tokens(const LockstepCase& lockstep_case) {
  static const models::IntegerModel target(shipped_model(ModelRole::target));
  static const models::IntegerModel draft(shipped_model(ModelRole::draft));
  const RunParameters& run = lockstep_case.run;
  return models::decode_speculative(target, draft, lockstep_case.prompt,
                                    {run.new_tokens, run.draft_length, run.mode, run.seed})
      .tokens;
}

constexpr int kCases = 48;

class GeneratedCase : public ::testing::TestWithParam<int> {};

TEST_P(GeneratedCase, RunsInLockstepWithZeroDivergences) {
  const LockstepCase lockstep_case = generate_case(GetParam());
  SCOPED_TRACE(lockstep_case.describe());
  LockstepHooks hooks;
  hooks.run.out_ready = out_ready(lockstep_case);
  const LockstepRun result = run_lockstep(shipped_model(ModelRole::target), shipped_model(ModelRole::draft),
                                          rtl_configuration(lockstep_case.hardware), lockstep_case.prompt,
                                          lockstep_case.run, hooks);
  const LockstepSummary& agreement = result.agreement;
  EXPECT_EQ(agreement.divergences, 0u);
  EXPECT_EQ(agreement.resolved_by_rtl, 0u);
  EXPECT_EQ(agreement.signals, 25u) << "4 host-side outputs, 9 performance and 12 traffic counters";
  EXPECT_EQ(agreement.cycles, result.kernel.clock_cycles);
  EXPECT_GT(result.kernel.counters.cycles, 0u);
  const std::vector<Token> expected = reference_tokens(lockstep_case);
  EXPECT_EQ(result.kernel.tokens, expected);
  EXPECT_EQ(result.rtl.tokens, expected);
  EXPECT_EQ(result.rtl.counters, result.kernel.counters);
  EXPECT_EQ(result.rtl.traffic, result.kernel.traffic);
  EXPECT_GT(result.kernel.traffic.offchip_bytes.verify, 0u);
  if (lockstep_case.hold_edges > 0) {
    // The full FIFO stalled the controller: stall cycles on top of the free-flowing run's,
    // and nothing else changed.
    const CounterValues free = run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft),
                                               lockstep_case.hardware, lockstep_case.prompt, lockstep_case.run)
                                   .counters;
    const CounterValues& held = result.kernel.counters;
    EXPECT_GT(held.stall_cycles, free.stall_cycles + 10'000);
    EXPECT_EQ(held.cycles - held.stall_cycles, free.cycles - free.stall_cycles);
  }

  // The RTL alone, from a plain loop (what the benchmarks time), does the same, edge for edge.
  const AcceleratorRun alone =
      run_verilated_accelerator(rtl_configuration(lockstep_case.hardware), shipped_model(ModelRole::target).shape,
                                shipped_model(ModelRole::draft).shape, lockstep_case.prompt, lockstep_case.run,
                                out_ready(lockstep_case));
  EXPECT_EQ(alone.tokens, expected);
  EXPECT_EQ(alone.counters, result.kernel.counters);
  EXPECT_EQ(alone.traffic, result.kernel.traffic);
  EXPECT_EQ(alone.clock_cycles, result.kernel.clock_cycles);
}

INSTANTIATE_TEST_SUITE_P(AcceleratorLockstep, GeneratedCase, ::testing::Range(0, kCases));

TEST(AcceleratorLockstep, TheGeneratedCasesCoverWhatTheyMust) {
  bool several_passes = false, back_pressure = false, full_output_fifo = false, greedy = false, sample = false, autoregressive = false,
       long_draft = false, empty_prompt = false;
  for (int index = 0; index < kCases; ++index) {
    const LockstepCase lockstep_case = generate_case(index);
    several_passes |= lockstep_case.run.draft_length + 1 > lockstep_case.hardware.lanes;
    back_pressure |= lockstep_case.ready_percent <= 50;
    full_output_fifo |= lockstep_case.hold_edges > 0 && lockstep_case.run.new_tokens > kOutputFifoDepth;
    greedy |= lockstep_case.run.mode == models::DecodeMode::greedy;
    sample |= lockstep_case.run.mode == models::DecodeMode::sample;
    autoregressive |= lockstep_case.run.draft_length == 0;
    long_draft |= lockstep_case.run.draft_length == 8;
    empty_prompt |= lockstep_case.prompt.empty();
  }
  EXPECT_TRUE(several_passes) << "K + 1 > lanes: several verify passes";
  EXPECT_TRUE(back_pressure);
  EXPECT_TRUE(full_output_fifo);
  EXPECT_TRUE(greedy);
  EXPECT_TRUE(sample);
  EXPECT_TRUE(autoregressive);
  EXPECT_TRUE(long_draft);
  EXPECT_TRUE(empty_prompt);
}

// ---- Injected differences ----

/// The first cycle at which a recording of both sides' outputs differs, found without
/// the comparator: each compared pair read after every rising edge has settled.
struct FirstDifference {
  std::uint64_t cycle = 0;
  std::string kernel_path, rtl_path, kernel_bits, rtl_bits;
};

/// Runs one case in lockstep, counting divergences rather than stopping, and records
/// both sides at every cycle; returns the first recorded difference, and the
/// comparator's divergences.
std::optional<FirstDifference> record_first_difference(const models::IntegerModelParameters& kernel_target,
                                                       const RtlConfiguration& rtl, const LockstepCase& lockstep_case,
                                                       std::vector<Divergence>& divergences) {
  LockstepBench bench(kernel_target, shipped_model(ModelRole::draft), rtl, {.on_divergence = OnDivergence::count});
  std::optional<FirstDifference> first;
  // Each falling edge, half a period after the rising edge of cycle c, sees its settled outputs.
  bench.kernel.sim.method("recorder", [&] {
    if (first || now() < kClockPeriod) return;
    const auto cycle = static_cast<std::uint64_t>((now() - kClockPeriod / 2).in_femtoseconds() /
                                                  kClockPeriod.in_femtoseconds());
    for (const LockstepBench::ComparedPair& pair : bench.compared()) {
      if (pair.kernel->value_bits() != pair.rtl->value_bits()) {
        first = FirstDifference{cycle, pair.kernel_path, pair.rtl_path, pair.kernel->value_bits(),
                                pair.rtl->value_bits()};
        return;
      }
    }
  }).sensitive(bench.kernel.clk.negedge());
  DecodeOutput output;
  RunHooks hooks;
  bench.kernel.start_decode(lockstep_case.prompt, lockstep_case.run, hooks, output);
  bench.kernel.sim.run();
  divergences = bench.lockstep.divergences();
  return first;
}

std::uint64_t literal_value(const std::string& literal) {  // 8'h3c
  return std::stoull(literal.substr(literal.find("'h") + 2), nullptr, 16);
}

/// Injects a difference into one side, and checks that the lockstep stops at the first
/// cycle where the recording shows it, naming the signal and both values.
void expect_caught_where_it_first_shows(const models::IntegerModelParameters& kernel_target,
                                        const RtlConfiguration& rtl, const LockstepCase& lockstep_case) {
  std::vector<Divergence> counted;
  const std::optional<FirstDifference> first = record_first_difference(kernel_target, rtl, lockstep_case, counted);
  ASSERT_TRUE(first) << "the injected difference never showed on an output";
  ASSERT_FALSE(counted.empty());
  EXPECT_EQ(counted.front().cycle, first->cycle);

  try {
    run_lockstep(kernel_target, shipped_model(ModelRole::draft), rtl, lockstep_case.prompt, lockstep_case.run);
    ADD_FAILURE() << "expected a DivergenceError at cycle " << first->cycle << " on " << first->rtl_path;
  } catch (const DivergenceError& error) {
    const std::string report = error.what();
    SCOPED_TRACE(report);
    EXPECT_EQ(error.path(), first->rtl_path);
    EXPECT_EQ(error.time(), kClockPeriod / 2 + kClockPeriod * static_cast<std::int64_t>(first->cycle));
    EXPECT_NE(report.find("cycle " + std::to_string(first->cycle) + " "), std::string::npos);
    const Divergence& divergence = counted.front();
    EXPECT_EQ(divergence.reference_path, first->kernel_path);
    EXPECT_EQ(divergence.candidate_path, first->rtl_path);
    EXPECT_EQ(divergence.kind, Divergence::Kind::mismatch);
    EXPECT_EQ(literal_value(divergence.reference_value), std::stoull(first->kernel_bits, nullptr, 2));
    EXPECT_EQ(literal_value(divergence.candidate_value), std::stoull(first->rtl_bits, nullptr, 2));
    EXPECT_NE(report.find(first->kernel_path + " = " + divergence.reference_value), std::string::npos);
    EXPECT_NE(report.find(first->rtl_path + " = " + divergence.candidate_value), std::string::npos);
  }
}

LockstepCase fault_case() {
  LockstepCase lockstep_case;
  lockstep_case.prompt = models::Vocabulary::encode("This program is free software");
  lockstep_case.run = {.new_tokens = 12, .draft_length = 4, .mode = models::DecodeMode::greedy, .seed = 1};
  return lockstep_case;
}

TEST(AcceleratorLockstep, AFaultInjectedInTheRtlIsCaughtWhereItFirstShows) {
  // host_interface.sv's test-only +fault_push=5 stores the sixth generated token with bit
  // 0 flipped: it shows when that token reaches the head of the output FIFO.
  RtlConfiguration rtl = rtl_configuration({});
  rtl.extra_plusargs = {"+fault_push=5"};
  expect_caught_where_it_first_shows(shipped_model(ModelRole::target), rtl, fault_case());
}

TEST(AcceleratorLockstep, AFaultInjectedInATrafficCounterIsCaughtWhereItFirstShows) {
  // traffic_counters.sv's test-only +fault_traffic=700 counts the 701st target weight beat
  // (in the first iteration's verify pass) one off-chip byte too high.
  RtlConfiguration rtl = rtl_configuration({});
  rtl.extra_plusargs = {"+fault_traffic=700"};
  std::vector<Divergence> counted;
  const std::optional<FirstDifference> first =
      record_first_difference(shipped_model(ModelRole::target), rtl, fault_case(), counted);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->rtl_path, "rtl.offchip_bytes_verify");
  EXPECT_EQ(std::stoull(first->rtl_bits, nullptr, 2), std::stoull(first->kernel_bits, nullptr, 2) + 1);
  expect_caught_where_it_first_shows(shipped_model(ModelRole::target), rtl, fault_case());
}

TEST(AcceleratorLockstep, AFaultInjectedInTheKernelModelIsCaughtWhereItFirstShows) {
  // The kernel model's copy of the target model favours token 1 in every logit; the RTL
  // reads the file. The first target verdict differs, then the counters and tokens.
  models::IntegerModelParameters favouring = shipped_model(ModelRole::target);
  favouring.output_bias[1] += 1 << 20;
  expect_caught_where_it_first_shows(favouring, rtl_configuration({}), fault_case());
}

// ---- Configurations the RTL build cannot hold ----

TEST(AcceleratorLockstep, AConfigurationBeyondTheRtlBuildIsRefusedBeforeTheModelIsBuilt) {
  const auto refusal = [](const models::IntegerModelParameters& target, const HardwareParameters& hardware) {
    try {
      LockstepBench bench(target, shipped_model(ModelRole::draft), rtl_configuration(hardware));
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal(shipped_model(ModelRole::target), {.lanes = 66}), "lanes is 66; it must be 1 to 65");
  EXPECT_EQ(refusal(shipped_model(ModelRole::target), {.memory_bytes_per_cycle = 128}),
            "memory bandwidth (bytes per cycle) is 128; it must be a power of two from 1 to 64");
  EXPECT_EQ(refusal(shipped_model(ModelRole::target), {.memory_latency = 5000}),
            "memory latency is 5000 cycles; it must be at most 4096");
  models::IntegerModelParameters wide = shipped_model(ModelRole::target);
  wide.shape.hidden = 512;
  EXPECT_EQ(refusal(wide, {}),
            "the target model's (" + models::default_model_path(ModelRole::target).string() +
                ") H is 512; the Verilated RTL (rtl_accelerator) is built for at most 256");
}

}  // namespace
}  // namespace tetra::accel
