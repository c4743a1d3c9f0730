#include "models/decoder.hpp"

#include "models/sampling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace tetra::models {

std::size_t DecodeStatistics::accepted() const {
  std::size_t total = 0;
  for (std::size_t count : accepted_at) total += count;
  return total;
}

double DecodeStatistics::acceptance_rate() const {
  const std::size_t tests = accepted() + rejections;
  return tests == 0 ? 0.0 : static_cast<double>(accepted()) / static_cast<double>(tests);
}

double DecodeStatistics::tokens_per_iteration() const {
  return iterations == 0 ? 0.0 : static_cast<double>(emitted) / static_cast<double>(iterations);
}

SpeculativeDecoder::SpeculativeDecoder(const LanguageModel& target, const LanguageModel& draft,
                                       DecodeMode mode, std::uint64_t seed)
    : target_(target), draft_(draft), mode_(mode), rng_(seed) {
  if (target.vocabulary_size() != draft.vocabulary_size()) {
    throw std::invalid_argument(
        fmt::format("the draft model has {} tokens but the target model has {}",
                    draft.vocabulary_size(), target.vocabulary_size()));
  }
}

IterationResult SpeculativeDecoder::iterate(std::span<const Token> history,
                                            std::size_t draft_length) {
  // Only the last max(C) tokens matter; shorter histories keep their padding.
  const std::size_t needed = std::max(target_.context_length(), draft_.context_length());
  std::vector<Token> window(history.end() - static_cast<std::ptrdiff_t>(
                                                std::min(needed, history.size())),
                            history.end());
  const std::size_t base = window.size();

  std::vector<NextTokenScores> draft_scores;
  for (std::size_t position = 0; position < draft_length; ++position) {
    draft_scores.push_back(draft_.score(window));
    const NextTokenScores& scores = draft_scores.back();
    window.push_back(mode_ == DecodeMode::greedy ? scores.argmax
                                                 : sample_from_masses(scores, rng_));
  }

  // The target scores all K+1 positions from the same drafted window (one pass in hardware).
  std::vector<NextTokenScores> target_scores;
  for (std::size_t position = 0; position <= draft_length; ++position) {
    target_scores.push_back(target_.score(std::span(window).first(base + position)));
  }

  IterationResult result;
  for (; result.accepted < draft_length; ++result.accepted) {
    const std::size_t position = result.accepted;
    const Token proposal = window[base + position];
    const bool accepted =
        mode_ == DecodeMode::greedy
            ? proposal == target_scores[position].argmax
            : accept_draft_token(target_scores[position], draft_scores[position], proposal, rng_);
    if (!accepted) break;
    result.emitted.push_back(proposal);
  }

  const NextTokenScores& final_scores = target_scores[result.accepted];
  Token final_token = final_scores.argmax;
  if (mode_ == DecodeMode::sample) {
    final_token = result.accepted < draft_length
                      ? static_cast<Token>(sample_from_weights(
                            residual_weights(final_scores, draft_scores[result.accepted]), rng_))
                      : sample_from_masses(final_scores, rng_);
  }
  result.emitted.push_back(final_token);

  statistics_.iterations += 1;
  statistics_.drafted += draft_length;
  statistics_.rejections += result.accepted < draft_length ? 1 : 0;
  statistics_.emitted += result.emitted.size();
  if (statistics_.accepted_at.size() < draft_length) statistics_.accepted_at.resize(draft_length);
  if (statistics_.accepted_count.size() <= draft_length) {
    statistics_.accepted_count.resize(draft_length + 1);
  }
  for (std::size_t position = 0; position < result.accepted; ++position) {
    statistics_.accepted_at[position] += 1;
  }
  statistics_.accepted_count[result.accepted] += 1;
  return result;
}

DecodeResult decode_autoregressive(const LanguageModel& target, std::span<const Token> prompt,
                                   const DecodeOptions& options) {
  XorshiftRng rng(options.seed);
  std::vector<Token> history(prompt.begin(), prompt.end());
  for (std::size_t emitted = 0; emitted < options.new_tokens; ++emitted) {
    const NextTokenScores scores = target.score(history);
    history.push_back(options.mode == DecodeMode::greedy ? scores.argmax
                                                         : sample_from_masses(scores, rng));
  }
  DecodeResult result;
  result.tokens.assign(history.begin() + static_cast<std::ptrdiff_t>(prompt.size()),
                       history.end());
  result.statistics.iterations = options.new_tokens;
  result.statistics.emitted = options.new_tokens;
  result.statistics.accepted_count = {options.new_tokens};
  return result;
}

DecodeResult decode_speculative(const LanguageModel& target, const LanguageModel& draft,
                                std::span<const Token> prompt, const DecodeOptions& options) {
  SpeculativeDecoder decoder(target, draft, options.mode, options.seed);
  std::vector<Token> history(prompt.begin(), prompt.end());
  std::size_t emitted = 0;
  while (emitted < options.new_tokens) {
    const std::size_t draft_length = std::min(options.draft_length,
                                              options.new_tokens - emitted - 1);
    const IterationResult iteration = decoder.iterate(history, draft_length);
    history.insert(history.end(), iteration.emitted.begin(), iteration.emitted.end());
    emitted += iteration.emitted.size();
  }
  DecodeResult result;
  result.tokens.assign(history.begin() + static_cast<std::ptrdiff_t>(prompt.size()),
                       history.end());
  result.statistics = decoder.statistics();
  result.statistics.accepted_at.resize(options.draft_length);
  result.statistics.accepted_count.resize(options.draft_length + 1);
  return result;
}

}  // namespace tetra::models
