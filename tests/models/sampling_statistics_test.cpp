// Statistical proof that integer speculative sampling is exact: over 100,000 draws from
// fixed distributions, and from distributions that change with the draft position,
// emitted tokens follow the target and accept counts follow Leviathan's law, by
// chi-square goodness-of-fit tests at significance 0.001.

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/sampling.hpp"
#include "tests/models/synthetic_models.hpp"
#include "tests/support/goodness_of_fit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>

namespace tetra::models {
namespace {

using test_support::expect_fit;

constexpr std::size_t kDraws = 100'000;

using Masses = std::vector<std::uint16_t>;

// Target and draft disagree on purpose: the draft proposes tokens 1 and 5 that the target
// never emits, the target emits token 4 that the draft never proposes, and nobody emits 7.
const Masses kTargetMasses{1000, 0, 3000, 500, 2500, 0, 3000, 0};
const Masses kDraftMasses{2000, 4000, 500, 500, 0, 3000, 1000, 0};

std::vector<double> normalized(const Masses& masses) {
  const double total = std::accumulate(masses.begin(), masses.end(), 0.0);
  std::vector<double> probabilities;
  for (std::uint16_t mass : masses) probabilities.push_back(mass / total);
  return probabilities;
}

// Leviathan's acceptance probability at one position: the sum over x of min(p(x), q(x)).
double acceptance_probability(const Masses& target, const Masses& draft) {
  const std::vector<double> p = normalized(target);
  const std::vector<double> q = normalized(draft);
  double alpha = 0;
  for (std::size_t token = 0; token < p.size(); ++token) alpha += std::min(p[token], q[token]);
  return alpha;
}

// Leviathan's law of the accepted count n = 0..K with acceptance alphas[i] at draft
// position i + 1: P(n) = alphas[0] ... alphas[n-1] (1 - alphas[n]), P(K) = the product.
std::vector<double> accepted_count_law(const std::vector<double>& alphas) {
  std::vector<double> law;
  double reached = 1;
  for (double alpha : alphas) {
    law.push_back(reached * (1 - alpha));
    reached *= alpha;
  }
  law.push_back(reached);
  return law;
}

// A model whose masses depend only on the history's length: masses[length], the last
// entry for longer histories. Decoding from an empty history, draft position i + 1 is
// scored with masses[i], so the acceptance differs by position.
class PositionalModel final : public LanguageModel {
public:
  explicit PositionalModel(std::vector<Masses> masses) : masses_(std::move(masses)) {}
  std::size_t vocabulary_size() const override { return masses_.front().size(); }
  std::size_t context_length() const override { return masses_.size(); }
  NextTokenScores score(std::span<const Token> history) const override {
    const Masses& masses = masses_[std::min(history.size(), masses_.size() - 1)];
    NextTokenScores scores;
    scores.masses.assign(masses.begin(), masses.end());
    scores.logits.assign(masses.begin(), masses.end());
    scores.total_mass = std::accumulate(scores.masses.begin(), scores.masses.end(), 0u);
    scores.argmax = static_cast<Token>(std::max_element(masses.begin(), masses.end()) -
                                       masses.begin());
    return scores;
  }

private:
  std::vector<Masses> masses_;
};

// The test itself, on hand-computed cases: (10 - 20)^2 / 20 twice is 10 with one degree
// of freedom, p = 0.00157 (just above the significance), (5 - 20)^2 / 20 twice is 22.5,
// p = 2.1e-6; cells expected below 5 times pool; a zero-probability count fails.
TEST(ChiSquareTest, ComputesPoolsAndRejectsImpossibleCounts) {
  const test_support::GoodnessOfFit close = test_support::chi_square_test({10, 30}, {0.5, 0.5});
  EXPECT_DOUBLE_EQ(close.chi_square, 10.0);
  EXPECT_EQ(close.degrees_of_freedom, 1u);
  EXPECT_NEAR(close.p_value, 0.001565, 0.000001);
  EXPECT_TRUE(close.passes());
  const test_support::GoodnessOfFit far = test_support::chi_square_test({5, 35}, {0.5, 0.5});
  EXPECT_DOUBLE_EQ(far.chi_square, 22.5);
  EXPECT_NEAR(far.p_value, 2.1e-6, 0.1e-6);
  EXPECT_FALSE(far.passes());
  // 100 samples: the two 0.02 cells (expected 2 each) pool into one bin expected 4, which
  // joins the 0.16 cell: bins (50 | 50), (30 | 30), (20 | 20) fit exactly.
  const test_support::GoodnessOfFit pooled =
      test_support::chi_square_test({50, 30, 16, 1, 3}, {0.5, 0.3, 0.16, 0.02, 0.02});
  EXPECT_DOUBLE_EQ(pooled.chi_square, 0.0);
  EXPECT_EQ(pooled.degrees_of_freedom, 2u);
  const test_support::GoodnessOfFit impossible =
      test_support::chi_square_test({50, 49, 1}, {0.5, 0.5, 0.0});
  EXPECT_EQ(impossible.impossible, 1u);
  EXPECT_FALSE(impossible.passes());
}

class SamplingStatistics : public ::testing::Test {
protected:
  IntegerModel target_{testing::fixed_distribution_model(kTargetMasses)};
  IntegerModel draft_{testing::fixed_distribution_model(kDraftMasses)};
};

TEST_F(SamplingStatistics, FixturesHaveTheIntendedMasses) {
  const NextTokenScores p = target_.score({});
  EXPECT_EQ(p.masses, std::vector<std::uint32_t>(kTargetMasses.begin(), kTargetMasses.end()));
  // 0.2818...: every accepted count from 0 to K is common enough to be tested.
  EXPECT_NEAR(acceptance_probability(kTargetMasses, kDraftMasses), 0.2818, 0.0001);
}

TEST_F(SamplingStatistics, EmittedTokensFollowTheTargetDistribution) {
  for (std::size_t draft_length : {1u, 3u}) {
    SpeculativeDecoder decoder(target_, draft_, DecodeMode::sample, draft_length);
    std::vector<std::size_t> counts(kTargetMasses.size());
    std::size_t emitted = 0;
    while (emitted < kDraws) {
      for (Token token : decoder.iterate({}, draft_length).emitted) {
        ++counts[token];
        ++emitted;
      }
    }
    expect_fit(counts, normalized(kTargetMasses), "K " + std::to_string(draft_length));
    EXPECT_GT(decoder.statistics().rejections, 0u);
  }
}

TEST_F(SamplingStatistics, AcceptedCountsFollowTheGeometricLaw) {
  constexpr std::size_t kDraftLength = 3;
  SpeculativeDecoder decoder(target_, draft_, DecodeMode::sample, 99);
  for (std::size_t iteration = 0; iteration < kDraws; ++iteration) {
    decoder.iterate({}, kDraftLength);
  }
  const double alpha = acceptance_probability(kTargetMasses, kDraftMasses);
  expect_fit(decoder.statistics().accepted_count,
             accepted_count_law(std::vector<double>(kDraftLength, alpha)), "accepted counts");
  EXPECT_NEAR(decoder.statistics().acceptance_rate(), alpha, 0.01);
}

// Draft positions 1, 2, 3 accept with 0.97, 0.52 and 0.35; position 4 emits the bonus.
TEST(PositionDependentSampling, AcceptedCountsAndEveryPositionsTokensFollowTheirLaws) {
  const std::vector<Masses> target_masses{{1000, 0, 3000, 500, 2500, 0, 3000, 0},
                                          {4000, 2000, 1000, 1000, 1000, 500, 0, 500},
                                          {0, 500, 500, 6000, 500, 1000, 1000, 500},
                                          {2000, 2000, 0, 1000, 1000, 2000, 1000, 1000}};
  const std::vector<Masses> draft_masses{{1200, 0, 2800, 600, 2400, 0, 3000, 0},
                                         {2000, 4000, 500, 500, 0, 3000, 1000, 0},
                                         {3000, 0, 2000, 1000, 0, 2000, 2000, 0}};
  const PositionalModel target(target_masses);
  const PositionalModel draft(draft_masses);
  std::vector<double> alphas;
  for (std::size_t position = 0; position < draft_masses.size(); ++position) {
    alphas.push_back(acceptance_probability(target_masses[position], draft_masses[position]));
  }
  ASSERT_GT(alphas[0] - alphas[1], 0.3);
  ASSERT_GT(alphas[1] - alphas[2], 0.15);

  const std::size_t draft_length = draft_masses.size();
  SpeculativeDecoder decoder(target, draft, DecodeMode::sample, 17);
  std::vector<std::vector<std::size_t>> tokens_at(target_masses.size(),
                                                  std::vector<std::size_t>(8));
  for (std::size_t iteration = 0; iteration < kDraws; ++iteration) {
    const IterationResult result = decoder.iterate({}, draft_length);
    for (std::size_t index = 0; index < result.emitted.size(); ++index) {
      ++tokens_at[index][result.emitted[index]];
    }
  }
  expect_fit(decoder.statistics().accepted_count, accepted_count_law(alphas), "accepted counts");
  // The token at index i of an iteration follows p_i: the target at that history length.
  for (std::size_t position = 0; position < target_masses.size(); ++position) {
    expect_fit(tokens_at[position], normalized(target_masses[position]),
               "tokens at position " + std::to_string(position + 1));
  }
}

TEST_F(SamplingStatistics, TargetOnlySamplingFollowsTheTargetDistribution) {
  XorshiftRng rng(5);
  const NextTokenScores p = target_.score({});
  std::vector<std::size_t> counts(kTargetMasses.size());
  for (std::size_t draw = 0; draw < kDraws; ++draw) ++counts[sample_from_masses(p, rng)];
  expect_fit(counts, normalized(kTargetMasses), "target-only samples");
}

TEST_F(SamplingStatistics, EqualDistributionsAcceptEveryDraftToken) {
  SpeculativeDecoder decoder(target_, target_, DecodeMode::sample, 3);
  std::vector<std::size_t> counts(kTargetMasses.size());
  for (std::size_t iteration = 0; iteration < kDraws / 5; ++iteration) {
    for (Token token : decoder.iterate({}, 4).emitted) ++counts[token];
  }
  EXPECT_EQ(decoder.statistics().rejections, 0u);
  expect_fit(counts, normalized(kTargetMasses), "emitted tokens");
}

}  // namespace
}  // namespace tetra::models
