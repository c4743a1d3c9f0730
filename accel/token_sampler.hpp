#pragma once
// The residual and bonus sampler: picks one token from a position of the score stores.
// Greedy: the argmax. Sample: one draw r, threshold = (r * W) >> 64, and the first token
// whose running weight sum exceeds it, scanning one token per edge. The weights are the
// draft's masses (drafting), the target's (bonus, or K = 0), or the residual
// max(0, p * Sq - q * Sp), whose sum W takes one extra pass over the tokens.

#include "accel/clocked_block.hpp"
#include "accel/probability_unit.hpp"

namespace tetra::accel {

/// What the sampler draws from.
enum class SampleSource : std::uint64_t {
  draft = 0,     ///< the draft's masses q (drafting)
  target = 1,    ///< the target's masses p (bonus token, or greedy correction)
  residual = 2,  ///< max(0, p Sq - q Sp) (after a rejection, sample mode)
};
/// Width of the source command.
using SampleCommand = Vec<2>;

/// Score reads are registered at both stores: a token issued at edge t is consumed at t + 2.
class TokenSampler : public ClockedBlock {
public:
  In<Logic> start{*this, "start"};
  In<SampleCommand> source{*this, "source"};
  In<PositionIndex> position{*this, "position"};
  In<Logic> sample_mode{*this, "sample_mode"};
  Out<TokenId> token{*this, "token"};
  Out<Logic> done{*this, "done"};
  Out<PositionIndex> target_position{*this, "target_position"};
  Out<TokenId> target_token{*this, "target_token"};
  In<MassValue> target_mass{*this, "target_mass"};
  In<TotalValue> target_total{*this, "target_total"};
  In<TokenId> target_argmax{*this, "target_argmax"};
  Out<PositionIndex> draft_position{*this, "draft_position"};
  Out<TokenId> draft_token{*this, "draft_token"};
  In<MassValue> draft_mass{*this, "draft_mass"};
  In<TotalValue> draft_total{*this, "draft_total"};
  In<TokenId> draft_argmax{*this, "draft_argmax"};
  Out<Logic> draw{*this, "draw"};
  In<Vec<64>> random{*this, "random"};

  /// An idle sampler over a vocabulary of `vocabulary` tokens.
  TokenSampler(Scope& parent, std::string_view name, std::size_t vocabulary);

private:
  friend class ClockedBlock;
  enum State : std::uint64_t { idle, lookup, sum, scan };
  void reset();
  void poison();
  void step();
  void issue(std::size_t next_token);
  std::uint64_t weight() const;
  void finish(std::uint64_t picked);

  std::size_t vocabulary_;
  SampleSource source_ = SampleSource::draft;
  std::size_t phase_edge_ = 0;  // edges since the phase issued token 0
  std::uint64_t sum_ = 0;       // residual weight sum (sum phase)
  std::uint64_t threshold_ = 0;
  std::uint64_t running_ = 0;
};

}  // namespace tetra::accel
