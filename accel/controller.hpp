#pragma once
// The controller: the decode loop's FSM. It loads the prompt into the context buffer,
// then iterates: K draft steps (draft engine, then a pick by the sampler), one or more
// target passes over the K+1 positions, the accept test, the corrected or bonus token,
// the context rollback, and the emission of the accepted tokens and that token.

#include "accel/clocked_block.hpp"
#include "accel/context_buffer.hpp"
#include "accel/host_interface.hpp"
#include "accel/probability_unit.hpp"
#include "accel/token_sampler.hpp"

#include <vector>

namespace tetra::accel {

/// Drives every other block through start pulses and waits for their done pulses.
class Controller : public ClockedBlock {
public:
  // Configuration, sampled at start.
  In<Logic> start{*this, "start"};
  In<Count16> prompt_length{*this, "prompt_length"};
  In<Count16> new_tokens{*this, "new_tokens"};
  In<PositionIndex> draft_length{*this, "draft_length"};
  In<Logic> sample{*this, "sample"};
  Out<Logic> done{*this, "done"};
  Out<Logic> sample_mode{*this, "sample_mode"};
  Out<Logic> rng_load{*this, "rng_load"};
  // Host interface.
  In<Logic> prompt_valid{*this, "prompt_valid"};
  In<TokenId> prompt_token{*this, "prompt_token"};
  Out<Logic> push{*this, "push"};
  Out<TokenId> push_token{*this, "push_token"};
  In<Count16> out_count{*this, "out_count"};
  // Context buffer.
  Out<Logic> append{*this, "append"};
  Out<TokenId> append_token{*this, "append_token"};
  Out<Logic> truncate{*this, "truncate"};
  Out<TokenIndex> truncate_length{*this, "truncate_length"};
  // Draft engine.
  Out<Logic> draft_start{*this, "draft_start"};
  Out<TokenIndex> draft_base{*this, "draft_base"};
  Out<PositionIndex> draft_first{*this, "draft_first"};
  Out<PositionIndex> draft_positions{*this, "draft_positions"};
  In<Logic> draft_done{*this, "draft_done"};
  // Target engine.
  Out<Logic> target_start{*this, "target_start"};
  Out<TokenIndex> target_base{*this, "target_base"};
  Out<PositionIndex> target_first{*this, "target_first"};
  Out<PositionIndex> target_positions{*this, "target_positions"};
  In<Logic> target_done{*this, "target_done"};
  // Accept unit.
  Out<Logic> accept_start{*this, "accept_start"};
  Out<PositionIndex> accept_length{*this, "accept_length"};
  Out<TokenIndex> accept_base{*this, "accept_base"};
  In<PositionIndex> accepted{*this, "accepted"};
  In<Logic> accept_done{*this, "accept_done"};
  // Token sampler.
  Out<Logic> sample_start{*this, "sample_start"};
  Out<SampleCommand> sample_source{*this, "sample_source"};
  Out<PositionIndex> sample_position{*this, "sample_position"};
  In<TokenId> sampled_token{*this, "sampled_token"};
  In<Logic> sample_done{*this, "sample_done"};
  // Performance counters.
  Out<Logic> clear_counters{*this, "clear_counters"};
  Out<Logic> counting{*this, "counting"};
  Out<Logic> drafting{*this, "drafting"};
  Out<Logic> verifying{*this, "verifying"};
  Out<Logic> output_blocked{*this, "output_blocked"};
  Out<Logic> iteration_done{*this, "iteration_done"};
  Out<PositionIndex> iteration_drafted{*this, "iteration_drafted"};
  Out<PositionIndex> iteration_accepted{*this, "iteration_accepted"};
  Out<PositionIndex> iteration_emitted{*this, "iteration_emitted"};

  /// A controller for a target engine with `lanes` MAC lanes.
  Controller(Scope& parent, std::string_view name, std::size_t lanes);

  /// The FSM states, in encoding order.
  enum State : std::uint64_t {
    idle, load, iterate, draft_run, draft_pick, verify_run, accept_run, resolve, emit_wait, emit,
    finished
  };

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
  void begin_run();
  void start_draft_step();
  void start_verify_chunk();
  void start_pick(SampleSource source, std::size_t at);
  void set_phase(State next);

  std::size_t lanes_;
  std::size_t prompt_length_ = 0, new_tokens_ = 0, max_draft_length_ = 0;
  std::size_t loaded_ = 0, committed_ = 0, emitted_ = 0;
  std::size_t draft_length_ = 0;  // K of this iteration
  std::size_t drafted_ = 0;       // draft tokens picked this iteration
  std::size_t chunk_first_ = 0;   // first position of the current target pass
  std::size_t chunk_size_ = 0;
  std::size_t accepted_ = 0;
  std::size_t pushed_ = 0;
  std::vector<std::uint64_t> drafts_;  // x_1..x_K of this iteration
  std::uint64_t final_token_ = 0;
};

}  // namespace tetra::accel
