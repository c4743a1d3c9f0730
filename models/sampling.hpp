#pragma once
// Integer sampling primitives shared by every decoder: drawing from integer weights
// and the exact rejection test of speculative sampling.

#include "models/language_model.hpp"
#include "models/xorshift_rng.hpp"

#include <cstdint>
#include <span>

namespace tetra::models {

/// Bits of the uniform U in the accept test (the top bits of one draw).
inline constexpr unsigned kAcceptUniformBits = 24;

/// Draws an index with probability weight / sum(weights) using one RNG draw:
/// r = (draw * sum) >> 64, then the first index whose running sum exceeds r.
/// Throws std::invalid_argument when every weight is zero or the sum exceeds 2^48.
std::size_t sample_from_weights(std::span<const std::uint64_t> weights, XorshiftRng& rng);

/// Same, for a model's masses.
Token sample_from_masses(const NextTokenScores& scores, XorshiftRng& rng);

/// The exact accept test for draft token x (target p, draft q), one RNG draw:
/// with U = draw >> 40, accept when U * q(x) * Sp < p(x) * Sq * 2^24.
bool accept_draft_token(const NextTokenScores& target, const NextTokenScores& draft, Token token,
                        XorshiftRng& rng);

/// Residual weights max(0, p(x) * Sq - q(x) * Sp), each below 2^40.
std::vector<std::uint64_t> residual_weights(const NextTokenScores& target,
                                            const NextTokenScores& draft);

}  // namespace tetra::models
