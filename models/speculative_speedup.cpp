#include "models/speculative_speedup.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace tetra::models {

namespace {

void require_probability(double alpha) {
  if (!(alpha >= 0.0 && alpha <= 1.0)) {
    throw std::invalid_argument(fmt::format("acceptance rate {} is outside [0, 1]", alpha));
  }
}

}  // namespace

double expected_tokens_per_iteration(double alpha, std::size_t draft_length) {
  require_probability(alpha);
  if (alpha == 1.0) return static_cast<double>(draft_length + 1);
  return (1.0 - std::pow(alpha, static_cast<double>(draft_length + 1))) / (1.0 - alpha);
}

double walltime_improvement(double alpha, std::size_t draft_length, double cost_ratio) {
  if (!(cost_ratio >= 0.0 && std::isfinite(cost_ratio))) {
    throw std::invalid_argument(
        fmt::format("cost ratio {} is not a finite number >= 0", cost_ratio));
  }
  return expected_tokens_per_iteration(alpha, draft_length) /
         (static_cast<double>(draft_length) * cost_ratio + 1.0);
}

std::size_t best_draft_length(double alpha, double cost_ratio, std::size_t max_draft_length) {
  std::size_t best = 0;
  double best_improvement = walltime_improvement(alpha, 0, cost_ratio);
  for (std::size_t draft_length = 1; draft_length <= max_draft_length; ++draft_length) {
    const double improvement = walltime_improvement(alpha, draft_length, cost_ratio);
    if (improvement > best_improvement) {
      best = draft_length;
      best_improvement = improvement;
    }
  }
  return best;
}

}  // namespace tetra::models
