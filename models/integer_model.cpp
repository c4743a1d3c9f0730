#include "models/integer_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace tetra::models {

namespace {

// Largest magnitude of an int8 x int8 (or int8 x 0..127) product.
constexpr std::int64_t kMaxProduct = 128 * 128;

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument("invalid model: " + message);
}

void require_size(std::string_view field, std::size_t actual, std::size_t expected) {
  require(actual == expected,
          fmt::format("{} has {} entries, expected {}", field, actual, expected));
}

// The accumulator stays below `limit` in magnitude for every input.
void require_accumulator_bound(std::string_view layer, const std::vector<std::int32_t>& bias,
                               std::size_t inputs, std::int64_t limit) {
  for (std::size_t index = 0; index < bias.size(); ++index) {
    const std::int64_t worst =
        std::abs(static_cast<std::int64_t>(bias[index])) +
        static_cast<std::int64_t>(inputs) * kMaxProduct;
    require(worst < limit, fmt::format("{} bias[{}] = {} lets the accumulator reach {} "
                                       "(limit {})",
                                       layer, index, bias[index], worst, limit));
  }
}

}  // namespace

void validate(const ModelShape& shape) {
  require(shape.vocabulary >= 1 && shape.vocabulary <= kMaxVocabularySize,
          fmt::format("vocabulary size {} is outside 1..{}", shape.vocabulary,
                      kMaxVocabularySize));
  require(shape.context >= 1, "context length is 0");
  require(shape.embedding >= 1, "embedding width is 0");
  require(shape.hidden >= 1, "hidden width is 0");
  // Divides rather than multiplies, so that no C * E can wrap.
  require(shape.context <= kMaxHiddenInputs / shape.embedding,
          fmt::format("C * E = {} * {} hidden inputs is above {}, so the hidden accumulator "
                      "could overflow int32",
                      shape.context, shape.embedding, kMaxHiddenInputs));
  require(shape.hidden <= kMaxHiddenWidth,
          fmt::format("hidden width {} is above {}, so a logit could pass 2^30", shape.hidden,
                      kMaxHiddenWidth));
}

void validate(const IntegerModelParameters& parameters) {
  const ModelShape& shape = parameters.shape;
  validate(shape);
  require_size("embedding", parameters.embedding.size(), shape.vocabulary * shape.embedding);
  require_size("hidden_weights", parameters.hidden_weights.size(),
               shape.hidden * shape.hidden_inputs());
  require_size("hidden_bias", parameters.hidden_bias.size(), shape.hidden);
  require_size("output_weights", parameters.output_weights.size(),
               shape.vocabulary * shape.hidden);
  require_size("output_bias", parameters.output_bias.size(), shape.vocabulary);
  require_size("exp_table", parameters.exp_table.size(), kExpTableSize);
  require(parameters.hidden_shift <= 31,
          fmt::format("hidden_shift {} is above 31", parameters.hidden_shift));
  require(parameters.mass_shift <= 31,
          fmt::format("mass_shift {} is above 31", parameters.mass_shift));
  require(parameters.exp_table[0] > 0, "exp_table[0] is 0, so the argmax would have no mass");
  require_accumulator_bound("hidden", parameters.hidden_bias, shape.hidden_inputs(),
                            std::int64_t{1} << 31);
  // Logits stay within +-2^30 so that max - logit fits in 31 bits.
  require_accumulator_bound("output", parameters.output_bias, shape.hidden,
                            std::int64_t{1} << 30);
}

IntegerModel::IntegerModel(IntegerModelParameters parameters)
    : parameters_(std::move(parameters)) {
  validate(parameters_);
}

std::vector<std::int32_t> IntegerModel::hidden_accumulators(
    std::span<const Token> history) const {
  const ModelShape& shape = parameters_.shape;
  // The last C tokens, oldest first; positions before the start of the text hold
  // kUnknownToken.
  std::vector<std::int8_t> inputs(shape.hidden_inputs());
  for (std::size_t slot = 0; slot < shape.context; ++slot) {
    const std::size_t back = shape.context - slot;  // 1 = most recent token
    const Token token = back <= history.size() ? history[history.size() - back] : kUnknownToken;
    if (token >= shape.vocabulary) {
      throw std::out_of_range(fmt::format("token {} is outside the model's {}-token vocabulary",
                                          token, shape.vocabulary));
    }
    std::copy_n(parameters_.embedding.begin() +
                    static_cast<std::ptrdiff_t>(token * shape.embedding),
                shape.embedding,
                inputs.begin() + static_cast<std::ptrdiff_t>(slot * shape.embedding));
  }

  std::vector<std::int32_t> sums(shape.hidden);
  for (std::size_t unit = 0; unit < shape.hidden; ++unit) {
    const std::int8_t* row = parameters_.hidden_weights.data() + unit * inputs.size();
    std::int32_t sum = parameters_.hidden_bias[unit];
    for (std::size_t input = 0; input < inputs.size(); ++input) {
      sum += static_cast<std::int32_t>(row[input]) * inputs[input];
    }
    sums[unit] = sum;
  }
  return sums;
}

std::vector<std::uint8_t> IntegerModel::hidden_activations(
    std::span<const Token> history) const {
  const std::vector<std::int32_t> sums = hidden_accumulators(history);
  std::vector<std::uint8_t> activations(sums.size());
  for (std::size_t unit = 0; unit < sums.size(); ++unit) {
    const std::int32_t shifted = std::max(sums[unit], 0) >> parameters_.hidden_shift;
    activations[unit] = static_cast<std::uint8_t>(std::min(shifted, 127));
  }
  return activations;
}

NextTokenScores IntegerModel::score(std::span<const Token> history) const {
  const ModelShape& shape = parameters_.shape;
  const std::vector<std::uint8_t> activations = hidden_activations(history);
  std::vector<std::int32_t> logits(shape.vocabulary);
  for (std::size_t token = 0; token < shape.vocabulary; ++token) {
    const std::int8_t* row = parameters_.output_weights.data() + token * shape.hidden;
    std::int32_t sum = parameters_.output_bias[token];
    for (std::size_t unit = 0; unit < shape.hidden; ++unit) {
      sum += static_cast<std::int32_t>(row[unit]) * activations[unit];
    }
    logits[token] = sum;
  }
  return scores_from_logits(std::move(logits), parameters_.mass_shift, parameters_.exp_table);
}

NextTokenScores scores_from_logits(std::vector<std::int32_t> logits, std::uint32_t mass_shift,
                                   const std::vector<std::uint16_t>& exp_table) {
  NextTokenScores scores;
  const auto highest = std::max_element(logits.begin(), logits.end());
  scores.argmax = static_cast<Token>(highest - logits.begin());
  const std::int32_t max_logit = *highest;
  scores.masses.resize(logits.size());
  for (std::size_t token = 0; token < logits.size(); ++token) {
    const std::uint32_t distance =
        static_cast<std::uint32_t>(max_logit - logits[token]) >> mass_shift;
    scores.masses[token] = distance < exp_table.size() ? exp_table[distance] : 0;
    scores.total_mass += scores.masses[token];
  }
  scores.logits = std::move(logits);
  return scores;
}

}  // namespace tetra::models
