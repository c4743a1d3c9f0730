// The accelerator RTL under Icarus Verilog, four-state: the reference decoder's tokens and
// the kernel model's counters, no X on an output after reset, an X injected on an input
// reported where it enters and traced where it goes, and options beyond the build refused.
// Icarus is slow (a few thousand cycles per second), so the runs are few and short.
#include "tests/rtl/icarus_accelerator.hpp"

#include "models/decoder.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "tests/support/shipped_models.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tetra::rtl_test {
namespace {

using testing::shipped_model;

using models::DecodeMode;
using models::ModelRole;

// ctest runs each test in its own process, possibly side by side: one directory each.
std::filesystem::path work_dir() {
  return std::filesystem::path(TETRA_RTL_WORK_DIR) /
         ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

std::vector<models::Token> reference_tokens(const IcarusCase& icarus_case) {
  static const models::IntegerModel target(shipped_model(ModelRole::target));
  static const models::IntegerModel draft(shipped_model(ModelRole::draft));
  const accel::RunParameters& run = icarus_case.run;
  return models::decode_speculative(target, draft, icarus_case.prompt,
                                    {run.new_tokens, run.draft_length, run.mode, run.seed})
      .tokens;
}

accel::AcceleratorRun kernel_model_run(const IcarusCase& icarus_case) {
  return accel::run_accelerator(shipped_model(ModelRole::target), shipped_model(ModelRole::draft), icarus_case.hardware,
                                icarus_case.prompt, icarus_case.run);
}

IcarusCase greedy_case(const std::string& prompt, std::size_t tokens, std::size_t draft_length,
                       const accel::HardwareParameters& hardware) {
  IcarusCase icarus_case;
  icarus_case.prompt = models::Vocabulary::encode(prompt);
  icarus_case.run = {tokens, draft_length, DecodeMode::greedy, 1};
  icarus_case.hardware = hardware;
  return icarus_case;
}

IcarusCase sampled_case(const std::string& prompt, std::size_t tokens, std::size_t draft_length,
                        std::uint64_t seed, const accel::HardwareParameters& hardware) {
  IcarusCase icarus_case = greedy_case(prompt, tokens, draft_length, hardware);
  icarus_case.run.mode = DecodeMode::sample;
  icarus_case.run.seed = seed;
  return icarus_case;
}

void expect_clean_run(const IcarusRun& run) {
  EXPECT_EQ(run.exit_code, 0) << run.log;
  EXPECT_EQ(run.status, "ok") << run.log;
  EXPECT_TRUE(run.errors.empty()) << run.log;
  for (const auto& [output, time] : run.x_after_reset) {
    ADD_FAILURE() << output << " held X at " << time << " ns, after reset";
  }
}

TEST(AcceleratorRtlIcarus, RunsEmitTheReferenceTokensWithTheKernelModelsCounters) {
  const std::vector<IcarusCase> cases{
      // Draft steps, one target pass, rejections and accepted drafts.
      greedy_case("the license", 6, 3, {8, 16, 4, 16}),
      // Autoregressive (K = 0) from an empty history: padding tokens only.
      greedy_case("", 3, 0, {8, 16, 2, 16}),
      // K + 1 > lanes: three target passes per iteration; narrow and wide beats, no latency.
      greedy_case("gnu", 5, 4, {2, 32, 0, 8}),
      // Sampled: draft picks, accept draws, residual and bonus picks, seeded by SplitMix64.
      sampled_case("the license", 6, 3, 5, {8, 16, 4, 16}),
      sampled_case("", 3, 0, 0, {8, 16, 2, 16}),
  };
  for (const IcarusCase& icarus_case : cases) {
    SCOPED_TRACE(::testing::Message() << "K " << icarus_case.run.draft_length << ", lanes "
                                      << icarus_case.hardware.lanes << ", seed "
                                      << icarus_case.run.seed << (icarus_case.run.mode ==
                                      DecodeMode::sample ? ", sampled" : ", greedy"));
    const IcarusRun run = run_icarus_accelerator(work_dir(), icarus_case);
    expect_clean_run(run);
    EXPECT_EQ(run.tokens, reference_tokens(icarus_case));
    const accel::AcceleratorRun kernel = kernel_model_run(icarus_case);
    EXPECT_EQ(run.counters, kernel.counters);
    EXPECT_EQ(run.traffic, kernel.traffic);
  }
}

TEST(AcceleratorRtlIcarus, OutputBackPressureStallsWithoutChangingTokensOrWork) {
  IcarusCase free_flowing = greedy_case("free", 4, 2, {8, 16, 4, 16});
  IcarusCase held = free_flowing;
  held.hold_output = 4000;  // longer than the run: the FIFO holds every token
  const IcarusRun free_run = run_icarus_accelerator(work_dir(), free_flowing);
  const IcarusRun held_run = run_icarus_accelerator(work_dir(), held);
  expect_clean_run(held_run);
  EXPECT_EQ(held_run.tokens, reference_tokens(held));
  EXPECT_EQ(held_run.counters, free_run.counters);
}

TEST(AcceleratorRtlIcarus, AnUnknownPromptTokenIsReportedAtTheHostAndFollowedThroughTheEngines) {
  IcarusCase icarus_case = greedy_case("gpl", 2, 1, {8, 16, 2, 16});
  icarus_case.inject = "in_token";
  const IcarusRun run = run_icarus_accelerator(work_dir(), icarus_case);
  ASSERT_FALSE(run.errors.empty()) << run.log;
  EXPECT_NE(run.errors.front().find("dut.host.in_token is xxxxxxxx at 3.5 ns"), std::string::npos)
      << run.errors.front();
  // The X is stored as the first history token and reaches both engines' logits.
  for (const std::string signal : {"host.prompt_token", "controller.append_token",
                                   "draft_engine.logit", "target_engine.logit"}) {
    EXPECT_TRUE(run.first_x.contains(signal)) << signal << "\n" << run.log;
  }
  EXPECT_LT(run.first_x.at("host.prompt_token"), run.first_x.at("controller.append_token"));
  EXPECT_LT(run.first_x.at("draft_engine.logit"), run.first_x.at("target_engine.logit"));
}

TEST(AcceleratorRtlIcarus, AnUnknownValidIsReportedWhileReadyAndIgnoredDuringReset) {
  for (const std::string inject : {"in_valid", "in_valid_in_reset"}) {
    IcarusCase icarus_case = greedy_case("gpl", 2, 1, {8, 16, 2, 16});
    icarus_case.inject = inject;
    const IcarusRun run = run_icarus_accelerator(work_dir(), icarus_case);
    SCOPED_TRACE(inject);
    EXPECT_EQ(run.status, "ok") << run.log;
    EXPECT_EQ(run.tokens, reference_tokens(icarus_case));
    if (inject == "in_valid") {
      ASSERT_EQ(run.errors.size(), 2u) << run.log;
      EXPECT_NE(run.errors[0].find("dut.host.in_valid is x at 3.5 ns"), std::string::npos);
      EXPECT_NE(run.errors[1].find("dut.controller.prompt_valid is x"), std::string::npos);
    } else {
      EXPECT_TRUE(run.errors.empty()) << run.log;
    }
  }
}

TEST(AcceleratorRtlIcarus, OptionsAndModelsBeyondTheBuildAreRefusedWithTheReason) {
  struct Refused {
    accel::HardwareParameters hardware;
    bool swap_models;
    std::string message;
  };
  const std::vector<Refused> refused{
      {{9, 16, 32, 16}, false, "lanes is 9; this build has LANES = 8"},
      {{8, 24, 32, 16}, false,
       "memory bandwidth (bytes per cycle) is 24; it must be a power of two from 1 to 64"},
      {{8, 16, 32, 64}, false,
       "draft bandwidth (bytes per cycle) is 64; it must divide the draft model's row lengths "
       "C*E = 32 and H = 48"},
      {{8, 16, 5000, 16}, false, "memory latency is 5000 cycles; it must be at most 4096"},
      {{}, true, "expected a target model, found role 1"},
  };
  for (const Refused& option : refused) {
    IcarusCase icarus_case = greedy_case("a", 1, 0, option.hardware);
    if (option.swap_models) icarus_case.target_file = icarus_case.draft_file;
    const IcarusRun run = run_icarus_accelerator(work_dir(), icarus_case);
    EXPECT_NE(run.exit_code, 0) << run.log;
    ASSERT_EQ(run.errors.size(), 1u) << run.log;
    EXPECT_NE(run.errors.front().find("accelerator: "), std::string::npos) << run.errors.front();
    EXPECT_NE(run.errors.front().find(option.message), std::string::npos) << run.errors.front();
    EXPECT_TRUE(run.tokens.empty());
  }
}

}  // namespace
}  // namespace tetra::rtl_test
