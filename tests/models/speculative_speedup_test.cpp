#include "models/speculative_speedup.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace tetra::models {
namespace {

// Leviathan et al. 2023, section 3 and its table (c = 0), as quoted in
// shared/reference/speculative-decoding.md.
TEST(SpeculativeSpeedup, ReproducesThePapersTable) {
  EXPECT_NEAR(walltime_improvement(0.6, 2, 0.0), 1.96, 0.005);
  EXPECT_NEAR(walltime_improvement(0.8, 5, 0.0), 3.69, 0.005);
  EXPECT_NEAR(walltime_improvement(0.9, 10, 0.0), 6.86, 0.005);
  EXPECT_NEAR(walltime_improvement(0.75, 7, 0.02), 3.16, 0.005);
}

TEST(SpeculativeSpeedup, CountsExpectedTokensPerIteration) {
  EXPECT_DOUBLE_EQ(expected_tokens_per_iteration(0.5, 0), 1.0);
  EXPECT_DOUBLE_EQ(expected_tokens_per_iteration(0.5, 2), 1.75);
  EXPECT_DOUBLE_EQ(expected_tokens_per_iteration(0.0, 4), 1.0);
  EXPECT_DOUBLE_EQ(expected_tokens_per_iteration(1.0, 4), 5.0);
}

TEST(SpeculativeSpeedup, FindsTheBestDraftLengthNumerically) {
  EXPECT_EQ(best_draft_length(0.0, 0.1, 16), 0u);
  EXPECT_EQ(best_draft_length(1.0, 0.0, 16), 16u);
  const std::size_t best = best_draft_length(0.8, 0.05, 32);
  for (std::size_t k = 0; k <= 32; ++k) {
    EXPECT_GE(walltime_improvement(0.8, best, 0.05), walltime_improvement(0.8, k, 0.05));
  }
  EXPECT_GT(best, 1u);
  EXPECT_LT(best, 32u);
}

TEST(SpeculativeSpeedup, RejectsImpossibleInputs) {
  EXPECT_THROW(expected_tokens_per_iteration(1.5, 2), std::invalid_argument);
  EXPECT_THROW(expected_tokens_per_iteration(-0.1, 2), std::invalid_argument);
  EXPECT_THROW(walltime_improvement(0.5, 2, -1.0), std::invalid_argument);
  EXPECT_THROW(walltime_improvement(0.5, 2, std::numeric_limits<double>::infinity()),
               std::invalid_argument);
}

TEST(SpeculativeSpeedup, SaysWhatIsWrongWithANanCostRatio) {
  try {
    walltime_improvement(0.5, 2, std::numeric_limits<double>::quiet_NaN());
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "cost ratio nan is not a finite number >= 0");
  }
}

}  // namespace
}  // namespace tetra::models
