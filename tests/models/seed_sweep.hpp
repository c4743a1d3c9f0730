#pragma once
// Sampling across seeds, as a study that sweeps seeds does it: the seed families (1..N,
// and seeds one bit apart), the exact law of the first one and two tokens a decoder
// emits after a prompt, and the goodness-of-fit test of a decoder's tokens against it.

#include "models/language_model.hpp"
#include "tests/support/goodness_of_fit.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

namespace tetra::models::testing {

/// Seeds 1..count.
inline std::vector<std::uint64_t> consecutive_seeds(std::size_t count) {
  std::vector<std::uint64_t> seeds(count);
  for (std::size_t index = 0; index < count; ++index) seeds[index] = index + 1;
  return seeds;
}

/// For each of `bases` fixed 64-bit bases, the 64 seeds base ^ (1 << bit): 64 * bases seeds.
inline std::vector<std::uint64_t> one_bit_apart_seeds(std::size_t bases) {
  std::mt19937_64 base_source(2024);  // the standard fixes its stream: the same bases everywhere
  std::vector<std::uint64_t> seeds;
  for (std::size_t group = 0; group < bases; ++group) {
    const std::uint64_t base = base_source();
    for (unsigned bit = 0; bit < 64; ++bit) seeds.push_back(base ^ (std::uint64_t{1} << bit));
  }
  return seeds;
}

/// The target's exact probabilities (masses / total) of the first token after a prompt,
/// and of the first two (cell first * V + second).
struct FirstTokensLaw {
  std::vector<double> first;
  std::vector<double> first_two;
};

inline FirstTokensLaw first_tokens_law(const LanguageModel& target, std::span<const Token> prompt) {
  const auto probabilities = [](const NextTokenScores& scores) {
    std::vector<double> result;
    for (std::uint32_t mass : scores.masses) {
      result.push_back(static_cast<double>(mass) / static_cast<double>(scores.total_mass));
    }
    return result;
  };
  FirstTokensLaw law;
  law.first = probabilities(target.score(prompt));
  std::vector<Token> history(prompt.begin(), prompt.end());
  history.push_back(0);
  for (std::size_t first = 0; first < law.first.size(); ++first) {
    history.back() = static_cast<Token>(first);
    for (double second : probabilities(target.score(history))) {
      law.first_two.push_back(law.first[first] * second);
    }
  }
  return law;
}

/// Decodes with each seed (`decode` returns at least two tokens) and expects the first
/// token and the first two to follow `law`; prints both statistics.
inline void expect_first_tokens_follow(
    const FirstTokensLaw& law, const std::vector<std::uint64_t>& seeds,
    const std::function<std::vector<Token>(std::uint64_t seed)>& decode) {
  const std::size_t vocabulary = law.first.size();
  std::vector<std::size_t> first(vocabulary), first_two(vocabulary * vocabulary);
  for (std::uint64_t seed : seeds) {
    const std::vector<Token> tokens = decode(seed);
    ASSERT_GE(tokens.size(), 2u) << "seed " << seed;
    ++first[tokens[0]];
    ++first_two[tokens[0] * vocabulary + tokens[1]];
  }
  test_support::expect_fit(first, law.first, "first token");
  test_support::expect_fit(first_two, law.first_two, "first two tokens");
}

}  // namespace tetra::models::testing
