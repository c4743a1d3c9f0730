#pragma once
// Leviathan et al.'s analytic model of speculative decoding (section 3 of the paper).

#include <cstddef>

namespace tetra::models {

/// Expected tokens emitted per iteration: (1 - alpha^(K+1)) / (1 - alpha), K+1 at alpha = 1.
double expected_tokens_per_iteration(double alpha, std::size_t draft_length);

/// Expected walltime improvement over target-only decoding when a draft step costs c
/// target steps: expected_tokens_per_iteration / (K c + 1). Throws std::invalid_argument
/// unless c is finite and >= 0.
double walltime_improvement(double alpha, std::size_t draft_length, double cost_ratio);

/// The K in 0..max_draft_length with the largest walltime_improvement (smallest on ties).
std::size_t best_draft_length(double alpha, double cost_ratio, std::size_t max_draft_length);

}  // namespace tetra::models
