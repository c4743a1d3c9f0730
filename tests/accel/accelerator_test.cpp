// The accelerator emits exactly the reference decoder's tokens, and its counters equal
// the reference's statistics, over prompts, draft lengths, seeds, modes and hardware.
#include "accel/accelerator_bench.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace tetra::accel {
namespace {

using models::DecodeMode;
using models::ModelRole;

const models::IntegerModelParameters& target_parameters() {
  static const models::IntegerModelParameters parameters =
      models::load_model(models::default_model_path(ModelRole::target), ModelRole::target);
  return parameters;
}

const models::IntegerModelParameters& draft_parameters() {
  static const models::IntegerModelParameters parameters =
      models::load_model(models::default_model_path(ModelRole::draft), ModelRole::draft);
  return parameters;
}

const std::vector<std::string>& prompts() {
  static const std::vector<std::string> texts{
      "", "t", "This program is free software", "WITHOUT ANY WARRANTY",
      "copyright (c) 2007 free software foundation, inc. <http://fsf.org/>", "{}\t~~~"};
  return texts;
}

models::DecodeResult reference(const std::vector<models::Token>& prompt, const RunParameters& run) {
  static const models::IntegerModel target(target_parameters());
  static const models::IntegerModel draft(draft_parameters());
  const models::DecodeOptions options{run.new_tokens, run.draft_length, run.mode, run.seed};
  return models::decode_speculative(target, draft, prompt, options);
}

// Runs the accelerator and the reference on one case and compares tokens and counters.
void expect_matches_reference(const std::string& text, const RunParameters& run,
                              const HardwareParameters& hardware = {}) {
  const std::vector<models::Token> prompt = models::Vocabulary::encode(text);
  const AcceleratorRun measured =
      run_accelerator(target_parameters(), draft_parameters(), hardware, prompt, run);
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

}  // namespace
}  // namespace tetra::accel
