#include "accel/accelerator.hpp"

namespace tetra::accel {

Accelerator::ScoreSignals::ScoreSignals(Module& owner, const std::string& prefix)
    : position(owner, prefix + "_position"),
      token(owner, prefix + "_token"),
      mass(owner, prefix + "_mass"),
      total(owner, prefix + "_total"),
      argmax(owner, prefix + "_argmax") {}

namespace {

const HardwareParameters& validated(const HardwareParameters& hardware,
                                    const models::IntegerModelParameters& target,
                                    const models::IntegerModelParameters& draft) {
  validate(hardware, target.shape, draft.shape);
  return hardware;
}

template <class Signals>
void bind_score_port(ScoreReadPort& port, Signals& signals) {
  port.position(signals.position);
  port.token(signals.token);
  port.mass(signals.mass);
  port.total(signals.total);
  port.argmax(signals.argmax);
}

}  // namespace

Accelerator::Accelerator(Scope& parent, std::string_view name,
                         const models::IntegerModelParameters& target,
                         const models::IntegerModelParameters& draft,
                         const HardwareParameters& hardware)
    : Module(parent, name),
      host(*this, "host"),
      context(*this, "context"),
      draft_weights(*this, "draft_weights", streamed_weights(draft),
                    validated(hardware, target, draft).draft_bytes_per_cycle, 0),
      target_memory(*this, "target_memory", streamed_weights(target),
                    hardware.memory_bytes_per_cycle, hardware.memory_latency),
      draft_engine(*this, "draft_engine", draft, 1, hardware.draft_bytes_per_cycle),
      target_engine(*this, "target_engine", target, hardware.lanes, hardware.memory_bytes_per_cycle),
      accept(*this, "accept"),
      sampler(*this, "sampler", target.shape.vocabulary),
      rng(*this, "rng"),
      counters(*this, "counters"),
      traffic(*this, "traffic", traffic_shape(target.shape, draft.shape, hardware)),
      controller(*this, "controller", hardware.lanes) {
  for (ClockedBlock* block : std::initializer_list<ClockedBlock*>{
           &host, &context, &draft_weights, &target_memory, &draft_engine, &target_engine, &accept,
           &sampler, &rng, &counters, &traffic, &controller}) {
    block->clk(clk);
    block->rst(rst);
  }

  host.start(start);
  host.prompt_length(cfg_prompt_length);
  host.in_valid(in_valid);
  host.in_token(in_token);
  host.in_ready(in_ready);
  host.out_valid(out_valid);
  host.out_token(out_token);
  host.out_ready(out_ready);
  host.prompt_valid(prompt_valid_);
  host.prompt_token(prompt_token_);
  host.push(push_);
  host.push_token(push_token_);
  host.out_count(out_count_);

  context.append(append_);
  context.append_token(append_token_);
  context.truncate(truncate_);
  context.truncate_length(truncate_length_);
  context.length(context_length_);
  context.draft_read.address(draft_context_address_);
  context.draft_read.token(draft_context_token_);
  context.target_read.address(target_context_address_);
  context.target_read.token(target_context_token_);
  context.accept_read.address(accept_context_address_);
  context.accept_read.token(accept_context_token_);

  draft_weights.request(draft_request_);
  draft_weights.beat_valid(draft_beat_valid_);
  draft_weights.beat(draft_beat_);
  target_memory.request(target_request_);
  target_memory.beat_valid(target_beat_valid_);
  target_memory.beat(target_beat_);

  draft_engine.start(draft_start_);
  draft_engine.base(draft_base_);
  draft_engine.first_position(draft_first_);
  draft_engine.positions(draft_positions_);
  draft_engine.done(draft_done_);
  draft_engine.stalled(draft_stalled_);
  draft_engine.weight_request(draft_request_);
  draft_engine.beat_valid(draft_beat_valid_);
  draft_engine.beat(draft_beat_);
  draft_engine.context_address(draft_context_address_);
  draft_engine.context_token(draft_context_token_);

  target_engine.start(target_start_);
  target_engine.base(target_base_);
  target_engine.first_position(target_first_);
  target_engine.positions(target_positions_);
  target_engine.done(target_done_);
  target_engine.stalled(target_stalled_);
  target_engine.weight_request(target_request_);
  target_engine.beat_valid(target_beat_valid_);
  target_engine.beat(target_beat_);
  target_engine.context_address(target_context_address_);
  target_engine.context_token(target_context_token_);

  bind_score_port(target_engine.probability.accept_read, accept_target_);
  bind_score_port(draft_engine.probability.accept_read, accept_draft_);
  bind_score_port(target_engine.probability.sampler_read, sampler_target_);
  bind_score_port(draft_engine.probability.sampler_read, sampler_draft_);

  accept.start(accept_start_);
  accept.draft_length(accept_length_);
  accept.sample_mode(sample_mode_);
  accept.base(accept_base_);
  accept.accepted(accepted_count_);
  accept.done(accept_done_);
  accept.context_address(accept_context_address_);
  accept.context_token(accept_context_token_);
  accept.target_position(accept_target_.position);
  accept.target_token(accept_target_.token);
  accept.target_mass(accept_target_.mass);
  accept.target_total(accept_target_.total);
  accept.target_argmax(accept_target_.argmax);
  accept.draft_position(accept_draft_.position);
  accept.draft_token(accept_draft_.token);
  accept.draft_mass(accept_draft_.mass);
  accept.draft_total(accept_draft_.total);
  accept.draw(accept_draw_);
  accept.random(random_);

  sampler.start(sample_start_);
  sampler.source(sample_source_);
  sampler.position(sample_position_);
  sampler.sample_mode(sample_mode_);
  sampler.token(sampled_token_);
  sampler.done(sample_done_);
  sampler.target_position(sampler_target_.position);
  sampler.target_token(sampler_target_.token);
  sampler.target_mass(sampler_target_.mass);
  sampler.target_total(sampler_target_.total);
  sampler.target_argmax(sampler_target_.argmax);
  sampler.draft_position(sampler_draft_.position);
  sampler.draft_token(sampler_draft_.token);
  sampler.draft_mass(sampler_draft_.mass);
  sampler.draft_total(sampler_draft_.total);
  sampler.draft_argmax(sampler_draft_.argmax);
  sampler.draw(sample_draw_);
  sampler.random(random_);

  rng.load(rng_load_);
  rng.seed(cfg_seed);
  rng.accept_draw(accept_draw_);
  rng.sample_draw(sample_draw_);
  rng.value(random_);

  counters.clear(clear_counters_);
  counters.counting(counting_);
  counters.drafting(drafting_);
  counters.verifying(verifying_);
  counters.output_blocked(output_blocked_);
  counters.draft_stalled(draft_stalled_);
  counters.target_stalled(target_stalled_);
  counters.iteration_done(iteration_done_);
  counters.iteration_drafted(iteration_drafted_);
  counters.iteration_accepted(iteration_accepted_);
  counters.iteration_emitted(iteration_emitted_);
  counters.cycles(cycles);
  counters.draft_cycles(draft_cycles);
  counters.verify_cycles(verify_cycles);
  counters.stall_cycles(stall_cycles);
  counters.iterations(iterations);
  counters.drafted(drafted);
  counters.accepted(accepted);
  counters.emitted(emitted);
  counters.rejections(rejections);

  traffic.clear(clear_counters_);
  traffic.counting(counting_);
  traffic.drafting(drafting_);
  traffic.draft_start(draft_start_);
  traffic.draft_beat_valid(draft_beat_valid_);
  traffic.target_start(target_start_);
  traffic.target_positions(target_positions_);
  traffic.target_beat_valid(target_beat_valid_);
  traffic.sample_done(sample_done_);
  traffic.sample_mode(sample_mode_);
  traffic.sample_source(sample_source_);
  traffic.sampled_token(sampled_token_);
  traffic.accept_done(accept_done_);
  traffic.accept_length(accept_length_);
  traffic.accepted_count(accepted_count_);
  traffic.iteration_done(iteration_done_);
  traffic.iteration_drafted(iteration_drafted_);
  traffic.iteration_accepted(iteration_accepted_);
  for (std::size_t index = 0; index < kTrafficCounterCount; ++index) {
    traffic_counters.emplace_back(*this, traffic_counter_name(index));
    traffic.counters[index](traffic_counters[index]);
  }

  controller.start(start);
  controller.prompt_length(cfg_prompt_length);
  controller.new_tokens(cfg_new_tokens);
  controller.draft_length(cfg_draft_length);
  controller.sample(cfg_sample);
  controller.done(done);
  controller.sample_mode(sample_mode_);
  controller.rng_load(rng_load_);
  controller.prompt_valid(prompt_valid_);
  controller.prompt_token(prompt_token_);
  controller.push(push_);
  controller.push_token(push_token_);
  controller.out_count(out_count_);
  controller.append(append_);
  controller.append_token(append_token_);
  controller.truncate(truncate_);
  controller.truncate_length(truncate_length_);
  controller.draft_start(draft_start_);
  controller.draft_base(draft_base_);
  controller.draft_first(draft_first_);
  controller.draft_positions(draft_positions_);
  controller.draft_done(draft_done_);
  controller.target_start(target_start_);
  controller.target_base(target_base_);
  controller.target_first(target_first_);
  controller.target_positions(target_positions_);
  controller.target_done(target_done_);
  controller.accept_start(accept_start_);
  controller.accept_length(accept_length_);
  controller.accept_base(accept_base_);
  controller.accepted(accepted_count_);
  controller.accept_done(accept_done_);
  controller.sample_start(sample_start_);
  controller.sample_source(sample_source_);
  controller.sample_position(sample_position_);
  controller.sampled_token(sampled_token_);
  controller.sample_done(sample_done_);
  controller.clear_counters(clear_counters_);
  controller.counting(counting_);
  controller.drafting(drafting_);
  controller.verifying(verifying_);
  controller.output_blocked(output_blocked_);
  controller.iteration_done(iteration_done_);
  controller.iteration_drafted(iteration_drafted_);
  controller.iteration_accepted(iteration_accepted_);
  controller.iteration_emitted(iteration_emitted_);
}

}  // namespace tetra::accel
