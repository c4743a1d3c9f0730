#include "accel/controller.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace tetra::accel {

Controller::Controller(Scope& parent, std::string_view name, std::size_t lanes)
    : ClockedBlock(parent, name, *this), lanes_(lanes), drafts_(kMaxDraftLength) {}

void Controller::reset() {
  for (Out<Logic>* pulse : {&done, &sample_mode, &rng_load, &push, &append, &truncate, &draft_start,
                            &target_start, &accept_start, &sample_start, &clear_counters,
                            &counting, &drafting, &verifying, &output_blocked, &iteration_done}) {
    pulse->write(L0);
  }
  push_token.write(TokenId(0));
  append_token.write(TokenId(0));
  truncate_length.write(TokenIndex(0));
  for (Out<TokenIndex>* index : {&draft_base, &target_base, &accept_base}) index->write(TokenIndex(0));
  for (Out<PositionIndex>* position :
       {&draft_first, &draft_positions, &target_first, &target_positions, &accept_length,
        &sample_position, &iteration_drafted, &iteration_accepted, &iteration_emitted}) {
    position->write(PositionIndex(0));
  }
  sample_source.write(SampleCommand(0));
}

void Controller::poison() {
  for (Out<Logic>* pulse : {&done, &sample_mode, &rng_load, &push, &append, &truncate, &draft_start,
                            &target_start, &accept_start, &sample_start, &clear_counters,
                            &counting, &drafting, &verifying, &output_blocked, &iteration_done}) {
    pulse->write(LX);
  }
}

// The status bits describe the cycle that follows this edge, spent in `next`.
void Controller::set_phase(State next) {
  set_state(next);
  counting.write(bit(next != idle && next != load && next != finished));
  drafting.write(bit(next == draft_run || next == draft_pick));
  verifying.write(bit(next == verify_run));
  output_blocked.write(L0);
}

void Controller::begin_run() {
  prompt_length_ = read_uint(prompt_length);
  new_tokens_ = read_uint(new_tokens);
  max_draft_length_ = read_uint(draft_length);
  if (new_tokens_ == 0 || max_draft_length_ > kMaxDraftLength) {
    throw std::out_of_range(fmt::format("{}: start with {} tokens and K = {} (1.. tokens, K 0..{})",
                                        path(), new_tokens_, max_draft_length_, kMaxDraftLength));
  }
  sample_mode.write(bit(read_bit(sample)));
  rng_load.write(L1);
  clear_counters.write(L1);
  truncate.write(L1);
  truncate_length.write(TokenIndex(0));
  done.write(L0);
  loaded_ = committed_ = emitted_ = 0;
  set_phase(prompt_length_ > 0 ? load : iterate);
}

void Controller::start_draft_step() {
  draft_start.write(L1);
  draft_base.write(TokenIndex(committed_ + drafted_));
  draft_first.write(PositionIndex(drafted_));
  draft_positions.write(PositionIndex(1));
  set_phase(draft_run);
}

void Controller::start_verify_chunk() {
  chunk_size_ = std::min(lanes_, draft_length_ + 1 - chunk_first_);
  target_start.write(L1);
  target_base.write(TokenIndex(committed_ + chunk_first_));
  target_first.write(PositionIndex(chunk_first_));
  target_positions.write(PositionIndex(chunk_size_));
  set_phase(verify_run);
}

void Controller::start_pick(SampleSource source, std::size_t at) {
  sample_start.write(L1);
  sample_source.write(SampleCommand(static_cast<std::uint64_t>(source)));
  sample_position.write(PositionIndex(at));
}

void Controller::step() {
  for (Out<Logic>* pulse : {&rng_load, &push, &append, &truncate, &draft_start, &target_start,
                            &accept_start, &sample_start, &clear_counters, &iteration_done}) {
    pulse->write(L0);
  }
  switch (state()) {
    case idle:
    case finished:
      if (read_bit(start)) begin_run();
      return;
    case load:
      if (!read_bit(prompt_valid)) return;
      append.write(L1);
      append_token.write(TokenId(read_uint(prompt_token)));
      ++committed_;
      if (++loaded_ == prompt_length_) set_phase(iterate);
      return;
    case iterate:
      if (emitted_ == new_tokens_) {
        done.write(L1);
        set_phase(finished);
        return;
      }
      draft_length_ = std::min(max_draft_length_, new_tokens_ - emitted_ - 1);
      drafted_ = 0;
      chunk_first_ = 0;
      if (draft_length_ > 0) {
        start_draft_step();
      } else {
        start_verify_chunk();
      }
      return;
    case draft_run:
      if (!read_bit(draft_done)) return;
      start_pick(SampleSource::draft, drafted_);
      set_phase(draft_pick);
      return;
    case draft_pick:
      if (!read_bit(sample_done)) return;
      drafts_[drafted_] = read_uint(sampled_token);
      append.write(L1);
      append_token.write(TokenId(drafts_[drafted_]));
      if (++drafted_ < draft_length_) {
        start_draft_step();
      } else {
        start_verify_chunk();
      }
      return;
    case verify_run:
      if (!read_bit(target_done)) return;
      chunk_first_ += chunk_size_;
      if (chunk_first_ < draft_length_ + 1) {
        start_verify_chunk();
      } else if (draft_length_ > 0) {
        accept_start.write(L1);
        accept_length.write(PositionIndex(draft_length_));
        accept_base.write(TokenIndex(committed_));
        set_phase(accept_run);
      } else {
        accepted_ = 0;
        start_pick(SampleSource::target, 0);
        set_phase(resolve);
      }
      return;
    case accept_run:
      if (!read_bit(accept_done)) return;
      accepted_ = read_uint(accepted);
      start_pick(accepted_ < draft_length_ ? SampleSource::residual : SampleSource::target,
                 accepted_);
      set_phase(resolve);
      return;
    case resolve:
      if (!read_bit(sample_done)) return;
      final_token_ = read_uint(sampled_token);
      // Roll back the rejected draft tokens, then append the corrected or bonus token.
      truncate.write(L1);
      truncate_length.write(TokenIndex(committed_ + accepted_));
      append.write(L1);
      append_token.write(TokenId(final_token_));
      set_phase(emit_wait);
      return;
    case emit_wait:
      if (kOutputFifoDepth - read_uint(out_count) < accepted_ + 1) {
        output_blocked.write(L1);
        return;
      }
      pushed_ = 0;
      set_phase(emit);
      return;
    case emit:
      push.write(L1);
      push_token.write(TokenId(pushed_ < accepted_ ? drafts_[pushed_] : final_token_));
      if (++pushed_ < accepted_ + 1) return;
      iteration_done.write(L1);
      iteration_drafted.write(PositionIndex(draft_length_));
      iteration_accepted.write(PositionIndex(accepted_));
      iteration_emitted.write(PositionIndex(accepted_ + 1));
      committed_ += accepted_ + 1;
      emitted_ += accepted_ + 1;
      set_phase(iterate);
      return;
    default: throw std::logic_error(fmt::format("{}: state {} does not exist", path(), state()));
  }
}

}  // namespace tetra::accel
