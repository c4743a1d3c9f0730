#pragma once
// Autoregressive and speculative decoding, greedy or by exact integer rejection sampling.

#include "models/language_model.hpp"
#include "models/xorshift_rng.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace tetra::models {

/// How a decoder picks tokens.
enum class DecodeMode { greedy, sample };

/// What to decode.
struct DecodeOptions {
  std::size_t new_tokens = 0;    ///< tokens to emit after the prompt
  std::size_t draft_length = 0;  ///< K, draft tokens per iteration (speculative only)
  DecodeMode mode = DecodeMode::greedy;
  std::uint64_t seed = 1;        ///< seeds the XorshiftRng (sample mode)
};

/// Counters of one decoding run.
struct DecodeStatistics {
  std::size_t iterations = 0;  ///< target passes
  std::size_t drafted = 0;     ///< draft tokens proposed
  std::size_t rejections = 0;  ///< iterations that ended on a rejected draft token
  std::size_t emitted = 0;     ///< tokens emitted
  /// accepted_at[i]: iterations whose draft token at position i (0-based) was accepted.
  std::vector<std::size_t> accepted_at;
  /// accepted_count[n]: iterations that accepted exactly n draft tokens.
  std::vector<std::size_t> accepted_count;

  /// Draft tokens accepted in all.
  std::size_t accepted() const;
  /// Measured alpha: accepted / (accepted + rejections), the fraction of accept tests
  /// that passed; 0 when nothing was tested.
  double acceptance_rate() const;
  /// Emitted tokens per iteration.
  double tokens_per_iteration() const;
};

/// A decoded continuation and how it was produced.
struct DecodeResult {
  std::vector<Token> tokens;  ///< the new tokens, prompt excluded
  DecodeStatistics statistics;
};

/// What one speculative iteration did.
struct IterationResult {
  std::size_t accepted = 0;    ///< draft tokens accepted
  std::vector<Token> emitted;  ///< the accepted draft tokens, then one target token
};

/// Runs speculative iterations: the draft proposes K tokens, the target scores K+1
/// positions, the accept unit keeps a prefix and adds one corrected or bonus token.
/// RNG draws per iteration (sample mode): K draft samples, one uniform per accept test
/// until the first rejection, then one residual or bonus sample.
class SpeculativeDecoder {
public:
  /// Both models must share a vocabulary; throws std::invalid_argument otherwise.
  SpeculativeDecoder(const LanguageModel& target, const LanguageModel& draft, DecodeMode mode,
                     std::uint64_t seed);

  /// One iteration after `history` with `draft_length` draft tokens (0 = one target token).
  IterationResult iterate(std::span<const Token> history, std::size_t draft_length);

  /// Counters accumulated over every iteration so far.
  const DecodeStatistics& statistics() const { return statistics_; }

private:
  const LanguageModel& target_;
  const LanguageModel& draft_;
  DecodeMode mode_;
  XorshiftRng rng_;
  DecodeStatistics statistics_;
};

/// Target-only decoding: one target pass and (sample mode) one RNG draw per token.
/// Equals decode_speculative with K = 0, draw for draw.
DecodeResult decode_autoregressive(const LanguageModel& target, std::span<const Token> prompt,
                                   const DecodeOptions& options);

/// Speculative decoding; the last iteration drafts min(K, tokens still wanted - 1) so
/// that exactly options.new_tokens are emitted.
DecodeResult decode_speculative(const LanguageModel& target, const LanguageModel& draft,
                                std::span<const Token> prompt, const DecodeOptions& options);

}  // namespace tetra::models
