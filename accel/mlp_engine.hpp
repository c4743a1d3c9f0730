#pragma once
// An MLP engine: gathers the context of up to `lanes` positions, streams a model's weight
// matrices once from a WeightMemory, multiplies every weight beat into every lane's
// accumulator (parallel MAC lanes), then streams each lane's logits through its
// probability unit. With one lane and on-chip weights it is the draft engine; with K+1
// lanes and the off-chip memory, the target engine scoring all positions in one pass.

#include "accel/clocked_block.hpp"
#include "accel/context_buffer.hpp"
#include "accel/probability_unit.hpp"
#include "accel/weight_memory.hpp"

#include "models/integer_model.hpp"

#include <cstdint>
#include <vector>

namespace tetra::accel {

/// Scores `positions` consecutive positions: lane p scores the token that follows the
/// first base + p tokens of the history, into score-store position first_position + p.
class MlpEngine : public ClockedBlock {
public:
  In<Logic> start{*this, "start"};
  In<TokenIndex> base{*this, "base"};
  In<PositionIndex> first_position{*this, "first_position"};
  In<PositionIndex> positions{*this, "positions"};
  Out<Logic> done{*this, "done"};               ///< pulse: the scores are in the store
  Out<Logic> stalled{*this, "stalled"};         ///< waiting for a weight beat
  Out<Logic> weight_request{*this, "weight_request"};
  In<Logic> beat_valid{*this, "beat_valid"};
  In<WeightBeat> beat{*this, "beat"};
  Out<TokenIndex> context_address{*this, "context_address"};
  In<TokenId> context_token{*this, "context_token"};

  /// An engine for `model` with `lanes` MAC lanes, each `bytes_per_beat` multipliers wide.
  MlpEngine(Scope& parent, std::string_view name, const models::IntegerModelParameters& model,
            std::size_t lanes, std::size_t bytes_per_beat);

  ProbabilityUnit probability;  ///< this engine's exp lookup and score store

private:
  friend class ClockedBlock;
  enum State : std::uint64_t { idle, gather, multiply, scores };
  void reset();
  void poison();
  void step();
  void step_gather();
  void step_multiply();
  void step_scores();
  void drive_idle_outputs();

  // The logit stream into the probability unit.
  Signal<Logic> logit_valid_{*this, "logit_valid"};
  Signal<PositionIndex> logit_position_{*this, "logit_position"};
  Signal<TokenId> logit_token_{*this, "logit_token"};
  Signal<LogitValue> logit_{*this, "logit"};
  Signal<LogitValue> max_logit_{*this, "max_logit"};
  Signal<TokenId> argmax_{*this, "argmax"};
  Signal<Logic> logit_last_{*this, "logit_last"};

  // On-chip parameters (ROM).
  models::ModelShape shape_;
  std::vector<std::int8_t> embedding_;
  std::vector<std::int32_t> hidden_bias_;
  std::uint32_t hidden_shift_;
  std::vector<std::int32_t> output_bias_;
  std::size_t lanes_;
  std::size_t bytes_per_beat_;

  // Registers of the current pass.
  std::int64_t base_ = 0;
  std::size_t first_position_ = 0;
  std::size_t active_lanes_ = 0;
  std::size_t issued_ = 0;      // context reads issued
  std::size_t gather_edge_ = 0; // edges spent gathering
  std::size_t beat_index_ = 0;  // weight beats consumed
  std::size_t streamed_ = 0;    // score elements sent to the probability unit
  // Per-lane register files: inputs (C*E), accumulator, hidden (H), logits (V), max, argmax.
  std::vector<std::int8_t> inputs_;
  std::vector<std::int32_t> accumulators_;
  std::vector<std::int32_t> hidden_;
  std::vector<std::int32_t> logits_;
  std::vector<std::int32_t> max_logits_;
  std::vector<std::size_t> argmaxes_;
};

}  // namespace tetra::accel
