// The accelerator samples the target's distribution across seeds: over 1,024 seeds 1..N,
// and 1,024 seeds one bit apart, the first token and the first two that run_accelerator
// emits follow the target's exact law (chi-square, significance 0.001), without drafting
// (K = 0) and with it (K = 3). Small models whose distribution depends on the last token
// (V = 8) keep a run at a few hundred cycles.
#include "accel/accelerator_bench.hpp"

#include "models/integer_model.hpp"
#include "tests/models/seed_sweep.hpp"
#include "tests/models/synthetic_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace tetra::accel {
namespace {

using models::DecodeMode;
using models::Token;

constexpr std::size_t kSeeds = 1024;

// Every row a rotation of `row`, by `step` places per previous token.
std::vector<std::vector<std::uint16_t>> rotations(const std::vector<std::uint16_t>& row,
                                                  std::size_t step) {
  std::vector<std::vector<std::uint16_t>> masses;
  for (std::size_t previous = 0; previous < row.size(); ++previous) {
    std::vector<std::uint16_t> rotated = row;
    std::rotate(rotated.begin(), rotated.begin() + (previous * step) % row.size(), rotated.end());
    masses.push_back(rotated);
  }
  return masses;
}

// The draft proposes tokens the target never emits, and the target emits tokens the draft
// never proposes, so that every path of the accept unit and the sampler is taken.
const models::IntegerModelParameters& target() {
  static const models::IntegerModelParameters parameters = models::testing::bigram_model(
      rotations({24000, 12000, 8000, 6000, 3000, 1500, 500, 0}, 3));
  return parameters;
}

const models::IntegerModelParameters& draft() {
  static const models::IntegerModelParameters parameters = models::testing::bigram_model(
      rotations({24000, 12000, 6000, 8000, 3000, 0, 500, 700}, 3));
  return parameters;
}

void expect_samples_the_target(std::size_t draft_length, const std::vector<std::uint64_t>& seeds) {
  const std::vector<Token> prompt{5};
  const HardwareParameters hardware{4, 8, 0, 8};
  models::testing::expect_first_tokens_follow(
      models::testing::first_tokens_law(models::IntegerModel(target()), prompt), seeds,
      [&](std::uint64_t seed) {
        const RunParameters run{std::max<std::size_t>(2, draft_length + 1), draft_length,
                                DecodeMode::sample, seed};
        return run_accelerator(target(), draft(), hardware, prompt, run).tokens;
      });
}

TEST(AcceleratorSeedSampling, ConsecutiveSeedsSampleTheTargetWithoutDrafting) {
  expect_samples_the_target(0, models::testing::consecutive_seeds(kSeeds));
}

TEST(AcceleratorSeedSampling, ConsecutiveSeedsSampleTheTargetWhenSpeculating) {
  expect_samples_the_target(3, models::testing::consecutive_seeds(kSeeds));
}

TEST(AcceleratorSeedSampling, SeedsOneBitApartSampleTheTargetWithoutDrafting) {
  expect_samples_the_target(0, models::testing::one_bit_apart_seeds(kSeeds / 64));
}

TEST(AcceleratorSeedSampling, SeedsOneBitApartSampleTheTargetWhenSpeculating) {
  expect_samples_the_target(3, models::testing::one_bit_apart_seeds(kSeeds / 64));
}

}  // namespace
}  // namespace tetra::accel
