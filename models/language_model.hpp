#pragma once
// The one interface the decoders see: a model scores the next token from its context.

#include "models/vocabulary.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace tetra::models {

/// A model's integer output for one position: logits and unnormalized probability masses.
struct NextTokenScores {
  std::vector<std::int32_t> logits;   ///< one per token
  std::vector<std::uint32_t> masses;  ///< one per token, each below 2^16
  std::uint32_t total_mass = 0;       ///< sum of masses, always > 0
  Token argmax = 0;                   ///< highest logit, lowest id on ties
};

/// A next-token model over a vocabulary of at most 256 tokens.
class LanguageModel {
public:
  virtual ~LanguageModel() = default;

  /// Number of tokens the model scores.
  virtual std::size_t vocabulary_size() const = 0;

  /// Number of most recent tokens the model looks at.
  virtual std::size_t context_length() const = 0;

  /// Scores the token that follows `history` (all tokens so far, oldest first).
  virtual NextTokenScores score(std::span<const Token> history) const = 0;
};

}  // namespace tetra::models
