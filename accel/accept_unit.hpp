#pragma once
// The accept unit: tests draft tokens x_1..x_K in order against the target's scores and
// stops at the first rejection. Greedy: accept when x_i is the target's argmax. Sample:
// one draw, U = draw >> 40, accept when U * q(x) * Sp < p(x) * Sq * 2^24 (64-bit exact).

#include "accel/clocked_block.hpp"
#include "accel/context_buffer.hpp"
#include "accel/probability_unit.hpp"

namespace tetra::accel {

/// Five edges per test: read x_i from the context, wait, read p, q (and draw), wait, decide.
class AcceptUnit : public ClockedBlock {
public:
  In<Logic> start{*this, "start"};
  In<PositionIndex> draft_length{*this, "draft_length"};  ///< K of this iteration, >= 1
  In<Logic> sample_mode{*this, "sample_mode"};
  In<TokenIndex> base{*this, "base"};  ///< history index of x_1
  Out<PositionIndex> accepted{*this, "accepted"};
  Out<Logic> done{*this, "done"};
  Out<TokenIndex> context_address{*this, "context_address"};
  In<TokenId> context_token{*this, "context_token"};
  Out<PositionIndex> target_position{*this, "target_position"};
  Out<TokenId> target_token{*this, "target_token"};
  In<MassValue> target_mass{*this, "target_mass"};
  In<TotalValue> target_total{*this, "target_total"};
  In<TokenId> target_argmax{*this, "target_argmax"};
  Out<PositionIndex> draft_position{*this, "draft_position"};
  Out<TokenId> draft_token{*this, "draft_token"};
  In<MassValue> draft_mass{*this, "draft_mass"};
  In<TotalValue> draft_total{*this, "draft_total"};
  Out<Logic> draw{*this, "draw"};
  In<Vec<64>> random{*this, "random"};

  /// An idle accept unit.
  AcceptUnit(Scope& parent, std::string_view name);

private:
  friend class ClockedBlock;
  enum State : std::uint64_t { idle, fetch, wait_token, lookup, wait_lookup, decide };
  void reset();
  void poison();
  void step();
  void finish(std::size_t count);

  std::size_t draft_length_ = 0;
  bool sample_ = false;
  std::int64_t base_ = 0;
  std::size_t position_ = 0;  // the draft token under test, 0-based
  std::uint64_t token_ = 0;
};

}  // namespace tetra::accel
