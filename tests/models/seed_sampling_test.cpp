// Seeds 1..N, and seeds one bit apart, sample the target's distribution: the first token
// and the first two that the reference decoder emits after a prompt, over 2,048 seeds of
// each family, follow the checked-in target's exact law (chi-square, significance 0.001),
// without drafting (K = 0) and with it (K = 4).

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "tests/models/seed_sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tetra::models {
namespace {

constexpr std::size_t kSeeds = 2048;

class SeedSampling : public ::testing::Test {
protected:
  static const IntegerModel& target() {
    static const IntegerModel model(load_model(default_model_path(ModelRole::target),
                                               ModelRole::target));
    return model;
  }
  static const IntegerModel& draft() {
    static const IntegerModel model(load_model(default_model_path(ModelRole::draft),
                                               ModelRole::draft));
    return model;
  }

  // Two tokens at least, and enough for the first iteration to draft all K.
  static void expect_samples_the_target(std::size_t draft_length,
                                        const std::vector<std::uint64_t>& seeds) {
    const std::vector<Token> prompt = Vocabulary::encode("the ");
    testing::expect_first_tokens_follow(
        testing::first_tokens_law(target(), prompt), seeds, [&](std::uint64_t seed) {
          const DecodeOptions options{std::max<std::size_t>(2, draft_length + 1), draft_length,
                                      DecodeMode::sample, seed};
          return decode_speculative(target(), draft(), prompt, options).tokens;
        });
  }
};

TEST_F(SeedSampling, ConsecutiveSeedsSampleTheTargetWithoutDrafting) {
  expect_samples_the_target(0, testing::consecutive_seeds(kSeeds));
}

TEST_F(SeedSampling, ConsecutiveSeedsSampleTheTargetWhenSpeculating) {
  expect_samples_the_target(4, testing::consecutive_seeds(kSeeds));
}

TEST_F(SeedSampling, SeedsOneBitApartSampleTheTargetWithoutDrafting) {
  expect_samples_the_target(0, testing::one_bit_apart_seeds(kSeeds / 64));
}

TEST_F(SeedSampling, SeedsOneBitApartSampleTheTargetWhenSpeculating) {
  expect_samples_the_target(4, testing::one_bit_apart_seeds(kSeeds / 64));
}

}  // namespace
}  // namespace tetra::models
