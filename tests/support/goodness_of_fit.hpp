#pragma once
// Pearson's chi-square goodness-of-fit test of observed counts against exact
// probabilities, with the textbook pooling of rare cells, for the sampling tests.

#include <boost/math/distributions/chi_squared.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tetra::test_support {

/// The significance every sampling test rejects at: a fit whose p-value is below it fails.
inline constexpr double kSignificance = 0.001;

/// Cells expected fewer times than this are pooled into one bin.
inline constexpr double kMinExpectedCount = 5.0;

/// The outcome of one test.
struct GoodnessOfFit {
  double chi_square = 0;
  std::size_t degrees_of_freedom = 0;
  double p_value = 1;
  std::size_t samples = 0;
  std::size_t impossible = 0;  ///< samples in cells of probability 0

  [[nodiscard]] bool passes() const { return p_value >= kSignificance; }
  [[nodiscard]] std::string describe() const {
    if (impossible > 0) {
      return fmt::format("{} of {} samples in cells of probability 0", impossible, samples);
    }
    return fmt::format("chi-square {:.1f} with {} degrees of freedom over {} samples, p = {:.3g}",
                       chi_square, degrees_of_freedom, samples, p_value);
  }
};

/// Tests `counts[i]` against `probabilities[i]` (summing to 1). A count in a cell of
/// probability 0 is impossible: an infinite statistic, p = 0. Cells expected fewer than
/// kMinExpectedCount times are pooled into one bin; a pool still expected fewer times
/// joins the least expected kept cell.
inline GoodnessOfFit chi_square_test(const std::vector<std::size_t>& counts,
                                     const std::vector<double>& probabilities) {
  if (counts.size() != probabilities.size()) {
    throw std::invalid_argument(fmt::format("{} counts against {} probabilities", counts.size(),
                                            probabilities.size()));
  }
  GoodnessOfFit result;
  result.samples = std::accumulate(counts.begin(), counts.end(), std::size_t{0});
  const auto samples = static_cast<double>(result.samples);
  struct Bin {
    double observed = 0;
    double expected = 0;
  };
  std::vector<Bin> kept;
  Bin pool;
  for (std::size_t cell = 0; cell < counts.size(); ++cell) {
    if (probabilities[cell] == 0) {
      result.impossible += counts[cell];
      continue;
    }
    const Bin bin{static_cast<double>(counts[cell]), samples * probabilities[cell]};
    Bin& into = bin.expected < kMinExpectedCount ? pool : kept.emplace_back();
    into.observed += bin.observed;
    into.expected += bin.expected;
  }
  if (result.impossible > 0) {
    result.chi_square = std::numeric_limits<double>::infinity();
    result.p_value = 0;
    return result;
  }
  if (pool.expected >= kMinExpectedCount) {
    kept.push_back(pool);
  } else if (pool.expected > 0 && !kept.empty()) {
    Bin& smallest = *std::min_element(kept.begin(), kept.end(), [](const Bin& a, const Bin& b) {
      return a.expected < b.expected;
    });
    smallest.observed += pool.observed;
    smallest.expected += pool.expected;
  }
  if (kept.size() < 2) throw std::invalid_argument("a goodness-of-fit test needs two bins");
  for (const Bin& bin : kept) {
    const double difference = bin.observed - bin.expected;
    result.chi_square += difference * difference / bin.expected;
  }
  result.degrees_of_freedom = kept.size() - 1;
  const boost::math::chi_squared_distribution<double> law(
      static_cast<double>(result.degrees_of_freedom));
  result.p_value = boost::math::cdf(boost::math::complement(law, result.chi_square));
  return result;
}

/// Expects `counts` to fit `probabilities` at kSignificance, and prints the statistic
/// (a passing fit's statistic is worth reading too: it says by how much it passed).
inline void expect_fit(const std::vector<std::size_t>& counts,
                       const std::vector<double>& probabilities, std::string_view what) {
  const GoodnessOfFit fit = chi_square_test(counts, probabilities);
  fmt::print("{}: {}\n", what, fit.describe());
  EXPECT_TRUE(fit.passes()) << what << ": " << fit.describe() << " (significance "
                            << kSignificance << ")";
}

}  // namespace tetra::test_support
