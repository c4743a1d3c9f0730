// Statistical proof that integer speculative sampling is exact: over 100,000 draws from
// fixed distributions, emitted tokens follow the target and accept counts follow
// Leviathan's geometric law.

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/sampling.hpp"
#include "synthetic_models.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace tetra::models {
namespace {

constexpr std::size_t kDraws = 100'000;
constexpr double kSigmas = 6.0;

// Target and draft disagree on purpose: the draft proposes tokens 1 and 5 that the target
// never emits, the target emits token 4 that the draft never proposes, and nobody emits 7.
const std::vector<std::uint16_t> kTargetMasses{1000, 0, 3000, 500, 2500, 0, 3000, 0};
const std::vector<std::uint16_t> kDraftMasses{2000, 4000, 500, 500, 0, 3000, 1000, 0};

std::vector<double> normalized(const std::vector<std::uint16_t>& masses) {
  const double total = std::accumulate(masses.begin(), masses.end(), 0.0);
  std::vector<double> probabilities;
  for (std::uint16_t mass : masses) probabilities.push_back(mass / total);
  return probabilities;
}

// Leviathan's per-position acceptance probability: sum over x of min(p(x), q(x)).
double acceptance_probability() {
  const std::vector<double> p = normalized(kTargetMasses);
  const std::vector<double> q = normalized(kDraftMasses);
  double alpha = 0;
  for (std::size_t token = 0; token < p.size(); ++token) alpha += std::min(p[token], q[token]);
  return alpha;
}

// Every bin within kSigmas binomial standard deviations of trials * probability; bins of
// probability 0 must be empty.
void expect_counts_follow(const std::vector<std::size_t>& counts,
                          const std::vector<double>& probabilities) {
  const double trials = static_cast<double>(std::accumulate(counts.begin(), counts.end(),
                                                            std::size_t{0}));
  ASSERT_EQ(counts.size(), probabilities.size());
  for (std::size_t bin = 0; bin < counts.size(); ++bin) {
    const double expected = trials * probabilities[bin];
    if (probabilities[bin] == 0.0) {
      EXPECT_EQ(counts[bin], 0u) << "bin " << bin << " has probability 0";
      continue;
    }
    const double sigma = std::sqrt(trials * probabilities[bin] * (1.0 - probabilities[bin]));
    EXPECT_LE(std::abs(static_cast<double>(counts[bin]) - expected), kSigmas * sigma)
        << "bin " << bin << ": " << counts[bin] << " against " << expected;
  }
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
  EXPECT_NEAR(acceptance_probability(), 0.2818, 0.0001);
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
    expect_counts_follow(counts, normalized(kTargetMasses));
    EXPECT_GT(decoder.statistics().rejections, 0u);
  }
}

TEST_F(SamplingStatistics, AcceptedCountsFollowTheGeometricLaw) {
  constexpr std::size_t kDraftLength = 3;
  SpeculativeDecoder decoder(target_, draft_, DecodeMode::sample, 99);
  for (std::size_t iteration = 0; iteration < kDraws; ++iteration) {
    decoder.iterate({}, kDraftLength);
  }
  const double alpha = acceptance_probability();
  // [1 - a, a (1 - a), a^2 (1 - a), a^3] with every a_i = a here.
  const std::vector<double> law{1 - alpha, alpha * (1 - alpha), alpha * alpha * (1 - alpha),
                                alpha * alpha * alpha};
  expect_counts_follow(decoder.statistics().accepted_count, law);
  EXPECT_NEAR(decoder.statistics().acceptance_rate(), alpha, 0.01);
}

TEST_F(SamplingStatistics, TargetOnlySamplingFollowsTheTargetDistribution) {
  XorshiftRng rng(5);
  const NextTokenScores p = target_.score({});
  std::vector<std::size_t> counts(kTargetMasses.size());
  for (std::size_t draw = 0; draw < kDraws; ++draw) ++counts[sample_from_masses(p, rng)];
  expect_counts_follow(counts, normalized(kTargetMasses));
}

TEST_F(SamplingStatistics, EqualDistributionsAcceptEveryDraftToken) {
  SpeculativeDecoder decoder(target_, target_, DecodeMode::sample, 3);
  std::vector<std::size_t> counts(kTargetMasses.size());
  for (std::size_t iteration = 0; iteration < kDraws / 5; ++iteration) {
    for (Token token : decoder.iterate({}, 4).emitted) ++counts[token];
  }
  EXPECT_EQ(decoder.statistics().rejections, 0u);
  expect_counts_follow(counts, normalized(kTargetMasses));
}

}  // namespace
}  // namespace tetra::models
