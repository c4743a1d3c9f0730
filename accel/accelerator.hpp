#pragma once
// The speculative-decoding accelerator: host interface, context buffer, draft engine with
// on-chip weights, target engine streaming from the weight memory, probability units,
// accept unit, token sampler, random number generator, controller, performance and
// traffic counters, wired as docs/accelerator.md draws them.

#include "accel/accelerator_config.hpp"
#include "accel/accept_unit.hpp"
#include "accel/context_buffer.hpp"
#include "accel/controller.hpp"
#include "accel/host_interface.hpp"
#include "accel/mlp_engine.hpp"
#include "accel/performance_counters.hpp"
#include "accel/token_sampler.hpp"
#include "accel/traffic_counters.hpp"
#include "accel/weight_memory.hpp"
#include "accel/xorshift_generator.hpp"

namespace tetra::accel {

/// The whole accelerator. Drive clk and rst, set the cfg_* inputs and pulse start for one
/// cycle, stream cfg_prompt_length tokens in, and take cfg_new_tokens tokens out.
class Accelerator : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> start{*this, "start"};
  In<Count16> cfg_prompt_length{*this, "cfg_prompt_length"};
  In<Count16> cfg_new_tokens{*this, "cfg_new_tokens"};
  In<PositionIndex> cfg_draft_length{*this, "cfg_draft_length"};
  In<Logic> cfg_sample{*this, "cfg_sample"};
  In<Vec<64>> cfg_seed{*this, "cfg_seed"};
  In<Logic> in_valid{*this, "in_valid"};
  In<TokenId> in_token{*this, "in_token"};
  Out<Logic> in_ready{*this, "in_ready"};
  Out<Logic> out_valid{*this, "out_valid"};
  Out<TokenId> out_token{*this, "out_token"};
  In<Logic> out_ready{*this, "out_ready"};
  Out<Logic> done{*this, "done"};  ///< high once every token is in the output FIFO
  Out<CounterValue> cycles{*this, "cycles"};
  Out<CounterValue> draft_cycles{*this, "draft_cycles"};
  Out<CounterValue> verify_cycles{*this, "verify_cycles"};
  Out<CounterValue> stall_cycles{*this, "stall_cycles"};
  Out<CounterValue> iterations{*this, "iterations"};
  Out<CounterValue> drafted{*this, "drafted"};
  Out<CounterValue> accepted{*this, "accepted"};
  Out<CounterValue> emitted{*this, "emitted"};
  Out<CounterValue> rejections{*this, "rejections"};
  /// The traffic counters, in the order of traffic_counter_name.
  std::deque<Out<CounterValue>> traffic_counters;

  /// An accelerator for these models (validated against `hardware`; throws
  /// std::invalid_argument naming the parameter that does not fit).
  Accelerator(Scope& parent, std::string_view name, const models::IntegerModelParameters& target,
              const models::IntegerModelParameters& draft, const HardwareParameters& hardware);

  HostInterface host;
  ContextBuffer context;
  WeightMemory draft_weights;
  WeightMemory target_memory;
  MlpEngine draft_engine;
  MlpEngine target_engine;
  AcceptUnit accept;
  TokenSampler sampler;
  XorshiftGenerator rng;
  PerformanceCounters counters;
  TrafficCounters traffic;
  Controller controller;

private:
  // The signals between the blocks.
  Signal<Logic> prompt_valid_{*this, "prompt_valid"};
  Signal<TokenId> prompt_token_{*this, "prompt_token"};
  Signal<Logic> push_{*this, "push"};
  Signal<TokenId> push_token_{*this, "push_token"};
  Signal<Count16> out_count_{*this, "out_count"};
  Signal<Logic> append_{*this, "append"};
  Signal<TokenId> append_token_{*this, "append_token"};
  Signal<Logic> truncate_{*this, "truncate"};
  Signal<TokenIndex> truncate_length_{*this, "truncate_length"};
  Signal<TokenIndex> context_length_{*this, "context_length"};
  Signal<TokenIndex> draft_context_address_{*this, "draft_context_address"};
  Signal<TokenId> draft_context_token_{*this, "draft_context_token"};
  Signal<TokenIndex> target_context_address_{*this, "target_context_address"};
  Signal<TokenId> target_context_token_{*this, "target_context_token"};
  Signal<TokenIndex> accept_context_address_{*this, "accept_context_address"};
  Signal<TokenId> accept_context_token_{*this, "accept_context_token"};
  Signal<Logic> draft_request_{*this, "draft_request"};
  Signal<Logic> draft_beat_valid_{*this, "draft_beat_valid"};
  Signal<WeightBeat> draft_beat_{*this, "draft_beat"};
  Signal<Logic> target_request_{*this, "target_request"};
  Signal<Logic> target_beat_valid_{*this, "target_beat_valid"};
  Signal<WeightBeat> target_beat_{*this, "target_beat"};
  Signal<Logic> draft_start_{*this, "draft_start"};
  Signal<TokenIndex> draft_base_{*this, "draft_base"};
  Signal<PositionIndex> draft_first_{*this, "draft_first"};
  Signal<PositionIndex> draft_positions_{*this, "draft_positions"};
  Signal<Logic> draft_done_{*this, "draft_done"};
  Signal<Logic> draft_stalled_{*this, "draft_stalled"};
  Signal<Logic> target_start_{*this, "target_start"};
  Signal<TokenIndex> target_base_{*this, "target_base"};
  Signal<PositionIndex> target_first_{*this, "target_first"};
  Signal<PositionIndex> target_positions_{*this, "target_positions"};
  Signal<Logic> target_done_{*this, "target_done"};
  Signal<Logic> target_stalled_{*this, "target_stalled"};
  Signal<Logic> accept_start_{*this, "accept_start"};
  Signal<PositionIndex> accept_length_{*this, "accept_length"};
  Signal<TokenIndex> accept_base_{*this, "accept_base"};
  Signal<PositionIndex> accepted_count_{*this, "accepted_count"};
  Signal<Logic> accept_done_{*this, "accept_done"};
  Signal<Logic> sample_start_{*this, "sample_start"};
  Signal<SampleCommand> sample_source_{*this, "sample_source"};
  Signal<PositionIndex> sample_position_{*this, "sample_position"};
  Signal<TokenId> sampled_token_{*this, "sampled_token"};
  Signal<Logic> sample_done_{*this, "sample_done"};
  Signal<Logic> sample_mode_{*this, "sample_mode"};
  Signal<Logic> rng_load_{*this, "rng_load"};
  Signal<Logic> accept_draw_{*this, "accept_draw"};
  Signal<Logic> sample_draw_{*this, "sample_draw"};
  Signal<Vec<64>> random_{*this, "random"};
  // Score-store read ports: accept unit and sampler, on the target's and the draft's unit.
  struct ScoreSignals {
    Signal<PositionIndex> position;
    Signal<TokenId> token;
    Signal<MassValue> mass;
    Signal<TotalValue> total;
    Signal<TokenId> argmax;
    ScoreSignals(Module& owner, const std::string& prefix);
  };
  ScoreSignals accept_target_{*this, "accept_target"};
  ScoreSignals accept_draft_{*this, "accept_draft"};
  ScoreSignals sampler_target_{*this, "sampler_target"};
  ScoreSignals sampler_draft_{*this, "sampler_draft"};
  Signal<Logic> clear_counters_{*this, "clear_counters"};
  Signal<Logic> counting_{*this, "counting"};
  Signal<Logic> drafting_{*this, "drafting"};
  Signal<Logic> verifying_{*this, "verifying"};
  Signal<Logic> output_blocked_{*this, "output_blocked"};
  Signal<Logic> iteration_done_{*this, "iteration_done"};
  Signal<PositionIndex> iteration_drafted_{*this, "iteration_drafted"};
  Signal<PositionIndex> iteration_accepted_{*this, "iteration_accepted"};
  Signal<PositionIndex> iteration_emitted_{*this, "iteration_emitted"};

};

}  // namespace tetra::accel
