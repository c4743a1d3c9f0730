#include "models/sampling.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::models {

namespace {

// The multiply-shift keeps its bias below sum / 2^64, so sums are capped at 2^48
// (bias below 2^-16 of a weight step); hardware needs a 64 x 48-bit multiplier.
constexpr std::uint64_t kMaxWeightSum = std::uint64_t{1} << 48;

__extension__ using uint128 = unsigned __int128;

}  // namespace

std::size_t sample_from_weights(std::span<const std::uint64_t> weights, XorshiftRng& rng) {
  std::uint64_t sum = 0;
  for (std::uint64_t weight : weights) {
    sum += weight;
    if (sum > kMaxWeightSum) {
      throw std::invalid_argument(
          fmt::format("sampling weights sum above 2^48 over {} entries", weights.size()));
    }
  }
  if (sum == 0) {
    throw std::invalid_argument(
        fmt::format("cannot sample: all {} weights are zero", weights.size()));
  }
  const std::uint64_t draw = rng.next();
  const auto threshold = static_cast<std::uint64_t>((static_cast<uint128>(draw) * sum) >> 64);
  std::uint64_t running = 0;
  for (std::size_t index = 0; index < weights.size(); ++index) {
    running += weights[index];
    if (threshold < running) return index;
  }
  throw std::logic_error("sample_from_weights: threshold beyond the sum");
}

Token sample_from_masses(const NextTokenScores& scores, XorshiftRng& rng) {
  const std::vector<std::uint64_t> weights(scores.masses.begin(), scores.masses.end());
  return static_cast<Token>(sample_from_weights(weights, rng));
}

bool accept_draft_token(const NextTokenScores& target, const NextTokenScores& draft, Token token,
                        XorshiftRng& rng) {
  const std::uint64_t uniform = rng.next() >> (64 - kAcceptUniformBits);
  // Masses are below 2^16 and totals below 2^24, so both sides stay below 2^64.
  const std::uint64_t left =
      uniform * draft.masses[token] * static_cast<std::uint64_t>(target.total_mass);
  const std::uint64_t right = (static_cast<std::uint64_t>(target.masses[token]) *
                               draft.total_mass) << kAcceptUniformBits;
  return left < right;
}

std::vector<std::uint64_t> residual_weights(const NextTokenScores& target,
                                            const NextTokenScores& draft) {
  std::vector<std::uint64_t> weights(target.masses.size());
  for (std::size_t token = 0; token < weights.size(); ++token) {
    const std::uint64_t from_target =
        static_cast<std::uint64_t>(target.masses[token]) * draft.total_mass;
    const std::uint64_t from_draft =
        static_cast<std::uint64_t>(draft.masses[token]) * target.total_mass;
    weights[token] = from_target > from_draft ? from_target - from_draft : 0;
  }
  return weights;
}

}  // namespace tetra::models
