#pragma once
// Hand-made models for the tests: fixed distributions, distributions that depend on the
// last token, random weights, and a draft that never agrees with its target.

#include "models/integer_model.hpp"
#include "models/language_model.hpp"
#include "models/xorshift_rng.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <vector>

namespace tetra::models::testing {

// A model whose masses are `masses` whatever the context: every weight is zero, logit v
// is -v, and exp_table[v] = masses[v]. masses[0] must be positive (token 0 is the argmax).
inline IntegerModelParameters fixed_distribution_model(const std::vector<std::uint16_t>& masses) {
  IntegerModelParameters parameters;
  const std::size_t vocabulary = masses.size();
  parameters.shape = {vocabulary, 1, 1, 1};
  parameters.embedding.assign(vocabulary, 0);
  parameters.hidden_weights.assign(1, 0);
  parameters.hidden_bias.assign(1, 0);
  parameters.output_weights.assign(vocabulary, 0);
  for (std::size_t token = 0; token < vocabulary; ++token) {
    parameters.output_bias.push_back(-static_cast<std::int32_t>(token));
  }
  parameters.exp_table.assign(kExpTableSize, 0);
  std::copy(masses.begin(), masses.end(), parameters.exp_table.begin());
  return parameters;
}

// A model whose masses depend on the last token only: masses[previous][next] (the empty
// history's padding is token 0). One-hot embeddings and an identity hidden layer make
// h the one-hot previous token; output weight -d selects exp_table[d]. The table holds
// the distinct masses in decreasing order, so every row's largest mass must be the
// same (it is exp_table[0]) and at most 127 masses may differ.
inline IntegerModelParameters bigram_model(const std::vector<std::vector<std::uint16_t>>& masses) {
  const std::size_t vocabulary = masses.size();
  std::vector<std::uint16_t> table;
  for (const std::vector<std::uint16_t>& row : masses) {
    for (std::uint16_t mass : row) {
      if (mass > 0) table.push_back(mass);
    }
  }
  std::sort(table.begin(), table.end(), std::greater<>());
  table.erase(std::unique(table.begin(), table.end()), table.end());
  if (table.empty() || table.size() > 127) {
    throw std::invalid_argument("a bigram model needs 1 to 127 distinct masses");
  }
  IntegerModelParameters parameters;
  parameters.shape = {vocabulary, 1, vocabulary, vocabulary};
  parameters.embedding.assign(vocabulary * vocabulary, 0);
  parameters.hidden_weights.assign(vocabulary * vocabulary, 0);
  for (std::size_t token = 0; token < vocabulary; ++token) {
    parameters.embedding[token * vocabulary + token] = 1;
    parameters.hidden_weights[token * vocabulary + token] = 1;
  }
  parameters.hidden_bias.assign(vocabulary, 0);
  parameters.output_weights.assign(vocabulary * vocabulary, 0);
  for (std::size_t previous = 0; previous < vocabulary; ++previous) {
    const std::vector<std::uint16_t>& row = masses[previous];
    if (row.size() != vocabulary || *std::max_element(row.begin(), row.end()) != table[0]) {
      throw std::invalid_argument("every bigram row needs V masses and the same largest mass");
    }
    for (std::size_t next = 0; next < vocabulary; ++next) {
      const auto index = static_cast<std::size_t>(
          std::find(table.begin(), table.end(), row[next]) - table.begin());  // table.size(): 0
      parameters.output_weights[next * vocabulary + previous] = static_cast<std::int8_t>(-index);
    }
  }
  parameters.output_bias.assign(vocabulary, 0);
  parameters.exp_table.assign(kExpTableSize, 0);
  std::copy(table.begin(), table.end(), parameters.exp_table.begin());
  return parameters;
}

// A model with random int8 weights: deterministic in `seed`, with varied argmaxes.
inline IntegerModelParameters random_model(const ModelShape& shape, std::uint64_t seed) {
  XorshiftRng rng(seed);
  const auto random_int8 = [&rng] { return static_cast<std::int8_t>(rng.next() >> 56); };
  IntegerModelParameters parameters;
  parameters.shape = shape;
  for (std::size_t index = 0; index < shape.vocabulary * shape.embedding; ++index) {
    parameters.embedding.push_back(random_int8());
  }
  for (std::size_t index = 0; index < shape.hidden * shape.hidden_inputs(); ++index) {
    parameters.hidden_weights.push_back(random_int8());
  }
  for (std::size_t index = 0; index < shape.hidden; ++index) {
    parameters.hidden_bias.push_back(static_cast<std::int32_t>(random_int8()) * 64);
  }
  parameters.hidden_shift = 10;
  for (std::size_t index = 0; index < shape.vocabulary * shape.hidden; ++index) {
    parameters.output_weights.push_back(random_int8());
  }
  for (std::size_t index = 0; index < shape.vocabulary; ++index) {
    parameters.output_bias.push_back(static_cast<std::int32_t>(random_int8()) * 16);
  }
  parameters.mass_shift = 6;
  for (std::size_t entry = 0; entry < kExpTableSize; ++entry) {
    parameters.exp_table.push_back(static_cast<std::uint16_t>(
        std::lround(65535.0 * std::exp(-static_cast<double>(entry) / 16.0))));
  }
  return parameters;
}

// A greedy draft that always proposes a token other than the target's argmax.
class DisagreeingDraft final : public LanguageModel {
public:
  explicit DisagreeingDraft(const LanguageModel& target) : target_(target) {}
  std::size_t vocabulary_size() const override { return target_.vocabulary_size(); }
  std::size_t context_length() const override { return target_.context_length(); }
  NextTokenScores score(std::span<const Token> history) const override {
    NextTokenScores scores = target_.score(history);
    scores.argmax = static_cast<Token>((scores.argmax + 1) % scores.masses.size());
    std::fill(scores.masses.begin(), scores.masses.end(), 0u);
    scores.masses[scores.argmax] = 1;
    scores.total_mass = 1;
    return scores;
  }

private:
  const LanguageModel& target_;
};

}  // namespace tetra::models::testing
