#pragma once
// The integer multi-layer perceptron behind both the target and the draft model.
// docs/models.md gives its arithmetic bit for bit.

#include "models/language_model.hpp"

#include <cstdint>
#include <vector>

namespace tetra::models {

/// The dimensions of an IntegerModel.
struct ModelShape {
  std::size_t vocabulary = 0;  ///< V, at most 256
  std::size_t context = 0;     ///< C, tokens of context
  std::size_t embedding = 0;   ///< E, embedding width
  std::size_t hidden = 0;      ///< H, hidden-layer width

  /// Inputs of the hidden layer: C * E.
  std::size_t hidden_inputs() const { return context * embedding; }
  /// Bytes of int8 weights (embedding, hidden and output matrices).
  std::size_t weight_bytes() const {
    return vocabulary * embedding + hidden * hidden_inputs() + vocabulary * hidden;
  }
  friend bool operator==(const ModelShape&, const ModelShape&) = default;
};

/// Entries of the exp lookup table that turns logit differences into masses.
inline constexpr std::size_t kExpTableSize = 256;

/// Every number of an IntegerModel, laid out as the data file stores it.
struct IntegerModelParameters {
  ModelShape shape;
  std::vector<std::int8_t> embedding;        ///< V x E, row per token
  std::vector<std::int8_t> hidden_weights;   ///< H x (C*E), row per hidden unit
  std::vector<std::int32_t> hidden_bias;     ///< H
  std::uint32_t hidden_shift = 0;            ///< requantization shift of the hidden layer
  std::vector<std::int8_t> output_weights;   ///< V x H, row per token
  std::vector<std::int32_t> output_bias;     ///< V
  std::uint32_t mass_shift = 0;              ///< (max logit - logit) >> mass_shift indexes exp_table
  std::vector<std::uint16_t> exp_table;      ///< kExpTableSize masses, exp_table[0] > 0

  friend bool operator==(const IntegerModelParameters&, const IntegerModelParameters&) = default;
};

/// Throws std::invalid_argument, saying which dimension is wrong, unless a model of this
/// shape (with zero biases) has int32 accumulators that cannot overflow: V in 1..256,
/// C, E, H at least 1, C * E at most kMaxHiddenInputs, H at most kMaxHiddenWidth. Cheap,
/// so that a loader can refuse a shape before it allocates the tensors.
void validate(const ModelShape& shape);

/// The most hidden-layer inputs (C * E) and hidden units (H) a shape may have: one more
/// would let an accumulator of int8 products reach 2^31 (hidden) or 2^30 (output).
inline constexpr std::size_t kMaxHiddenInputs = ((std::size_t{1} << 31) - 1) / (128 * 128);
inline constexpr std::size_t kMaxHiddenWidth = ((std::size_t{1} << 30) - 1) / (128 * 128);

/// Throws std::invalid_argument, saying which field is wrong, unless the parameters
/// form a model whose int32 accumulators cannot overflow.
void validate(const IntegerModelParameters& parameters);

/// embedding -> hidden (int8 x int8, int32 sum, ReLU, shift, clamp to 127) -> logits ->
/// masses from the exp table.
class IntegerModel final : public LanguageModel {
public:
  /// Takes validated parameters (see validate()).
  explicit IntegerModel(IntegerModelParameters parameters);

  std::size_t vocabulary_size() const override { return parameters_.shape.vocabulary; }
  std::size_t context_length() const override { return parameters_.shape.context; }
  NextTokenScores score(std::span<const Token> history) const override;

  /// The hidden layer's int32 sums before ReLU and shift (used to calibrate hidden_shift).
  std::vector<std::int32_t> hidden_accumulators(std::span<const Token> history) const;

  /// The hidden activations min(127, max(0, sum) >> hidden_shift) for a history.
  std::vector<std::uint8_t> hidden_activations(std::span<const Token> history) const;

  /// The parameters the model was built from.
  const IntegerModelParameters& parameters() const { return parameters_; }

private:
  IntegerModelParameters parameters_;
};

/// Masses from logits: mass = exp_table[(max - logit) >> mass_shift], or 0 past the table.
NextTokenScores scores_from_logits(std::vector<std::int32_t> logits, std::uint32_t mass_shift,
                                   const std::vector<std::uint16_t>& exp_table);

}  // namespace tetra::models
