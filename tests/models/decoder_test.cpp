#include "models/decoder.hpp"

#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/sampling.hpp"
#include "models/vocabulary.hpp"
#include "synthetic_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace tetra::models {
namespace {

const IntegerModel& checked_in_target() {
  static const IntegerModel model(load_model(default_model_path(ModelRole::target),
                                             ModelRole::target));
  return model;
}

const IntegerModel& checked_in_draft() {
  static const IntegerModel model(load_model(default_model_path(ModelRole::draft),
                                             ModelRole::draft));
  return model;
}

const std::vector<std::string>& prompts() {
  static const std::vector<std::string> texts{
      "",
      "t",
      "the ",
      "This program is free software",
      "licensor",
      "you may not use this file except in compliance with the license. ",
      "WITHOUT ANY WARRANTY",
      "copyright (c) 2007 free software foundation, inc. <http://fsf.org/>",
      "{}\t~~~",
      "the work",
      "0123456789",
      "permission is hereby granted, free of charge, to any person obtaining a copy of this "
      "software and associated documentation files, to deal in the software without restriction",
  };
  return texts;
}

DecodeOptions greedy(std::size_t tokens, std::size_t draft_length) {
  return {tokens, draft_length, DecodeMode::greedy, 1};
}

void expect_consistent(const DecodeStatistics& statistics, std::size_t tokens) {
  EXPECT_EQ(statistics.emitted, tokens);
  EXPECT_EQ(statistics.accepted() + statistics.iterations, statistics.emitted);
  EXPECT_EQ(statistics.accepted() + statistics.rejections, [&] {
    std::size_t tests = 0;
    for (std::size_t n = 0; n < statistics.accepted_count.size(); ++n) {
      tests += statistics.accepted_count[n] * n;
    }
    return tests + statistics.rejections;
  }());
}

TEST(GreedySpeculativeDecoding, EqualsAutoregressiveForEveryPromptAndK) {
  constexpr std::size_t kTokens = 40;
  std::size_t accepted = 0;
  std::size_t rejections = 0;
  for (const std::string& text : prompts()) {
    const std::vector<Token> prompt = Vocabulary::encode(text);
    const DecodeResult reference = decode_autoregressive(checked_in_target(), prompt,
                                                         greedy(kTokens, 0));
    ASSERT_EQ(reference.tokens.size(), kTokens);
    for (std::size_t k = 1; k <= 8; ++k) {
      const DecodeResult speculative = decode_speculative(checked_in_target(), checked_in_draft(),
                                                          prompt, greedy(kTokens, k));
      EXPECT_EQ(speculative.tokens, reference.tokens) << "prompt '" << text << "', K " << k;
      expect_consistent(speculative.statistics, kTokens);
      accepted += speculative.statistics.accepted();
      rejections += speculative.statistics.rejections;
    }
  }
  // The real draft both agrees and disagrees, so both paths of the accept unit ran.
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(rejections, 0u);
}

TEST(GreedySpeculativeDecoding, AcceptsEverythingFromADraftIdenticalToTheTarget) {
  const IntegerModel& target = checked_in_target();
  for (std::size_t k = 1; k <= 8; ++k) {
    const std::vector<Token> prompt = Vocabulary::encode("the license");
    const DecodeResult result = decode_speculative(target, target, prompt, greedy(50, k));
    EXPECT_EQ(result.tokens, decode_autoregressive(target, prompt, greedy(50, 0)).tokens);
    EXPECT_EQ(result.statistics.rejections, 0u);
    EXPECT_EQ(result.statistics.accepted(), result.statistics.drafted);
    EXPECT_EQ(result.statistics.iterations, (50 + k) / (k + 1));
  }
}

TEST(GreedySpeculativeDecoding, AcceptsNothingFromADraftThatAlwaysDisagrees) {
  const IntegerModel& target = checked_in_target();
  const testing::DisagreeingDraft draft(target);
  for (std::size_t k = 1; k <= 8; ++k) {
    const std::vector<Token> prompt = Vocabulary::encode("software");
    const DecodeResult result = decode_speculative(target, draft, prompt, greedy(30, k));
    EXPECT_EQ(result.tokens, decode_autoregressive(target, prompt, greedy(30, 0)).tokens);
    EXPECT_EQ(result.statistics.accepted(), 0u);
    EXPECT_EQ(result.statistics.iterations, 30u);
    EXPECT_EQ(result.statistics.accepted_count[0], 30u);
  }
}

TEST(GreedySpeculativeDecoding, EqualsAutoregressiveWithTheLargestVocabulary) {
  const IntegerModelParameters target_parameters = testing::random_model({256, 4, 8, 24}, 11);
  // The draft is the target with noisy output biases: it agrees often, not always.
  IntegerModelParameters draft_parameters = target_parameters;
  XorshiftRng noise(13);
  for (std::int32_t& bias : draft_parameters.output_bias) {
    bias += static_cast<std::int32_t>(noise.next() >> 58) * 64;
  }
  const IntegerModel target(target_parameters);
  const IntegerModel draft(draft_parameters);
  std::size_t accepted = 0;
  std::size_t rejections = 0;
  Token highest_token = 0;
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    XorshiftRng rng(seed);
    std::vector<Token> prompt;
    for (std::size_t index = 0; index < seed * 3; ++index) {
      prompt.push_back(static_cast<Token>(rng.next() >> 56));
    }
    const DecodeResult reference = decode_autoregressive(target, prompt, greedy(30, 0));
    for (std::size_t k = 1; k <= 8; ++k) {
      const DecodeResult speculative = decode_speculative(target, draft, prompt, greedy(30, k));
      EXPECT_EQ(speculative.tokens, reference.tokens) << "seed " << seed << ", K " << k;
      accepted += speculative.statistics.accepted();
      rejections += speculative.statistics.rejections;
    }
    EXPECT_EQ(decode_speculative(target, target, prompt, greedy(30, 3)).tokens, reference.tokens);
    highest_token = std::max(highest_token, *std::max_element(reference.tokens.begin(),
                                                              reference.tokens.end()));
  }
  EXPECT_GE(highest_token, 128) << "ids that need all 8 bits must occur";
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(rejections, 0u);
}

TEST(SpeculativeDecoding, WithKZeroEqualsAutoregressiveDrawForDraw) {
  for (DecodeMode mode : {DecodeMode::greedy, DecodeMode::sample}) {
    for (const std::string& text : prompts()) {
      const std::vector<Token> prompt = Vocabulary::encode(text);
      const DecodeOptions options{60, 0, mode, 42};
      const DecodeResult speculative =
          decode_speculative(checked_in_target(), checked_in_draft(), prompt, options);
      EXPECT_EQ(speculative.tokens,
                decode_autoregressive(checked_in_target(), prompt, options).tokens);
      EXPECT_EQ(speculative.statistics.drafted, 0u);
      EXPECT_EQ(speculative.statistics.iterations, 60u);
    }
  }
}

TEST(SpeculativeDecoding, SamplingIsDeterministicForASeed) {
  const std::vector<Token> prompt = Vocabulary::encode("the licensee");
  const DecodeOptions options{200, 4, DecodeMode::sample, 7};
  const DecodeResult first = decode_speculative(checked_in_target(), checked_in_draft(), prompt,
                                                options);
  const DecodeResult second = decode_speculative(checked_in_target(), checked_in_draft(), prompt,
                                                 options);
  EXPECT_EQ(first.tokens, second.tokens);
  EXPECT_EQ(first.statistics.accepted_at, second.statistics.accepted_at);
  EXPECT_EQ(first.statistics.rejections, second.statistics.rejections);
  const DecodeResult other_seed = decode_speculative(
      checked_in_target(), checked_in_draft(), prompt, {200, 4, DecodeMode::sample, 8});
  EXPECT_NE(first.tokens, other_seed.tokens);
  expect_consistent(first.statistics, 200);
}

TEST(SpeculativeDecoding, TakesDrawsInTheDocumentedOrder) {
  // K = 2: draft sample, draft sample, accept test(s), then residual or bonus sample.
  const IntegerModel target(testing::fixed_distribution_model({100, 300, 0, 600}));
  const IntegerModel draft(testing::fixed_distribution_model({500, 100, 400, 0}));
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    SpeculativeDecoder decoder(target, draft, DecodeMode::sample, seed);
    const IterationResult result = decoder.iterate({}, 2);

    XorshiftRng rng(seed);
    const NextTokenScores p = target.score({});
    const NextTokenScores q = draft.score({});
    const std::vector<Token> proposals{sample_from_masses(q, rng), sample_from_masses(q, rng)};
    std::vector<Token> expected;
    for (Token proposal : proposals) {
      if (!accept_draft_token(p, q, proposal, rng)) break;
      expected.push_back(proposal);
    }
    expected.push_back(expected.size() < 2
                           ? static_cast<Token>(sample_from_weights(residual_weights(p, q), rng))
                           : sample_from_masses(p, rng));
    EXPECT_EQ(result.emitted, expected) << "seed " << seed;
  }
}

TEST(SpeculativeDecoding, NeverNeedsTheZeroResidualWhenDraftEqualsTarget) {
  const std::vector<Token> prompt = Vocabulary::encode("distribution");
  for (std::size_t k = 1; k <= 8; ++k) {
    const DecodeResult result = decode_speculative(
        checked_in_target(), checked_in_target(), prompt, {100, k, DecodeMode::sample, k});
    EXPECT_EQ(result.statistics.rejections, 0u);
    EXPECT_EQ(result.statistics.accepted(), result.statistics.drafted);
  }
  const NextTokenScores p = checked_in_target().score(prompt);
  for (std::uint64_t weight : residual_weights(p, p)) EXPECT_EQ(weight, 0u);
}

TEST(SpeculativeDecoding, SeesOnlyTheLastContextTokensOfALongPrompt) {
  const std::vector<Token> long_prompt = Vocabulary::encode(prompts().back());
  const std::vector<Token> tail(long_prompt.end() - 8, long_prompt.end());  // C of the target
  for (DecodeMode mode : {DecodeMode::greedy, DecodeMode::sample}) {
    const DecodeOptions options{50, 5, mode, 3};
    EXPECT_EQ(decode_speculative(checked_in_target(), checked_in_draft(), long_prompt, options)
                  .tokens,
              decode_speculative(checked_in_target(), checked_in_draft(), tail, options).tokens);
  }
}

TEST(SpeculativeDecoding, DecodesFromAnEmptyPrompt) {
  const DecodeResult result = decode_speculative(checked_in_target(), checked_in_draft(), {},
                                                 {30, 4, DecodeMode::sample, 5});
  EXPECT_EQ(result.tokens.size(), 30u);
  EXPECT_EQ(decode_speculative(checked_in_target(), checked_in_draft(), {}, greedy(30, 4)).tokens,
            decode_autoregressive(checked_in_target(), {}, greedy(30, 0)).tokens);
}

TEST(SpeculativeDecoding, EmitsExactlyTheTokensAskedForEvenWithALongDraft) {
  for (std::size_t tokens : {1u, 2u, 7u}) {
    const DecodeResult result = decode_speculative(checked_in_target(), checked_in_target(), {},
                                                   greedy(tokens, 8));
    EXPECT_EQ(result.tokens.size(), tokens);
    EXPECT_EQ(result.statistics.iterations, 1u);
    EXPECT_EQ(result.statistics.drafted, tokens - 1);
  }
  EXPECT_TRUE(decode_speculative(checked_in_target(), checked_in_draft(), {}, greedy(0, 4))
                  .tokens.empty());
}

TEST(SpeculativeDecoding, RejectsModelsWithDifferentVocabularies) {
  const IntegerModel small(testing::fixed_distribution_model({1, 2, 3}));
  EXPECT_THROW(SpeculativeDecoder(checked_in_target(), small, DecodeMode::greedy, 1),
               std::invalid_argument);
}

}  // namespace
}  // namespace tetra::models
