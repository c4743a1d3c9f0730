`timescale 1ns / 1ps
// The speculative-decoding accelerator: host interface, context buffer, draft engine with
// on-chip weights, target engine streaming from the weight memory, probability units,
// accept unit, token sampler, random number generator, controller, performance and
// traffic counters, wired as docs/accelerator.md draws them. Its ports are accel::Accelerator's.
//
// The parameters are the largest configuration this build holds. The configuration in
// use is read at time 0, in simulation from plusargs (the options of `tetra accel`):
//   +target=FILE +draft=FILE   model files (required)
//   +lanes=L                   target MAC lanes, 1..LANES
//   +mem_bw=B +draft_bw=BD     beat widths in bytes, powers of two up to 64
//   +mem_latency=CYCLES        0..4096
// (the DEFAULT_* parameters when absent) and, in synthesis, from the DEFAULT_* and
// SYNTH_*_SHAPE parameters. A model or option that this build or
// the contract does not allow stops the simulation ($fatal) with a message naming it.
module accelerator
  import accel_pkg::*;
#(
  parameter int LANES = 65,
  parameter int VOCABULARY_MAX = 256,
  parameter int EMBEDDING_MAX = 64,
  parameter int INPUTS_MAX = 512,   // C * E
  parameter int HIDDEN_MAX = 256,
  // The hardware options when no plusarg gives them, and the ones synthesized.
  parameter int DEFAULT_LANES = 8,
  parameter int DEFAULT_MEMORY_BYTES_PER_CYCLE = 16,
  parameter int DEFAULT_MEMORY_LATENCY = 32,
  parameter int DEFAULT_DRAFT_BYTES_PER_CYCLE = 16,
  // The model shapes synthesized (the checked-in models); simulation reads the model files.
  /* verilator lint_off UNUSEDPARAM */
  parameter logic [MODEL_SHAPE_BITS - 1:0] SYNTH_TARGET_SHAPE = {9'd64, 8'd8, 13'd16, 13'd128, 20'd128, 5'd8, 5'd6},
  parameter logic [MODEL_SHAPE_BITS - 1:0] SYNTH_DRAFT_SHAPE = {9'd64, 8'd4, 13'd8, 13'd48, 20'd32, 5'd8, 5'd6}
  /* verilator lint_on UNUSEDPARAM */
) (
  input logic clk,
  input logic rst,
  input logic start,
  input count16_t cfg_prompt_length,
  input count16_t cfg_new_tokens,
  input position_t cfg_draft_length,
  input logic cfg_sample,
  input logic [63:0] cfg_seed,
  input logic in_valid,
  input token_t in_token,
  output logic in_ready,
  output logic out_valid,
  output token_t out_token,
  input logic out_ready,
  output logic done,                // high once every token is in the output FIFO
  output counter_t cycles,
  output counter_t draft_cycles,
  output counter_t verify_cycles,
  output counter_t stall_cycles,
  output counter_t iterations,
  output counter_t drafted,
  output counter_t accepted,
  output counter_t emitted,
  output counter_t rejections,
  // The traffic counters, in accel::traffic_counter_name's order.
  output counter_t offchip_bytes_draft,
  output counter_t offchip_bytes_verify,
  output counter_t offchip_bytes_rejected,
  output counter_t sram_read_bytes_draft,
  output counter_t sram_read_bytes_verify,
  output counter_t sram_read_bytes_rejected,
  output counter_t sram_write_bytes_draft,
  output counter_t sram_write_bytes_verify,
  output counter_t sram_write_bytes_rejected,
  output counter_t macs_draft,
  output counter_t macs_verify,
  output counter_t macs_rejected
);
  localparam int FILE_WORDS = HEADER_WORDS + VOCABULARY_MAX * EMBEDDING_MAX +
                              HIDDEN_MAX * INPUTS_MAX + HIDDEN_MAX + VOCABULARY_MAX * HIDDEN_MAX +
                              VOCABULARY_MAX + EXP_TABLE_SIZE + 1;
  localparam int IMAGE_ROWS = (HIDDEN_MAX * (INPUTS_MAX + VOCABULARY_MAX) + MAX_BEAT_BYTES - 1) /
                              MAX_BEAT_BYTES;

  // ---- Configuration ----
  model_shape_t target_shape, draft_shape;
  logic [6:0] lanes;
  logic [2:0] memory_beat_shift, draft_beat_shift;
  logic [12:0] memory_latency;

`ifdef SYNTHESIS
  assign target_shape = SYNTH_TARGET_SHAPE;
  assign draft_shape = SYNTH_DRAFT_SHAPE;
  assign lanes = 7'(DEFAULT_LANES);
  assign memory_beat_shift = 3'($clog2(DEFAULT_MEMORY_BYTES_PER_CYCLE));
  assign memory_latency = 13'(DEFAULT_MEMORY_LATENCY);
  assign draft_beat_shift = 3'($clog2(DEFAULT_DRAFT_BYTES_PER_CYCLE));
`else
  accelerator_configuration #(
    .LANES(LANES), .VOCABULARY_MAX(VOCABULARY_MAX), .EMBEDDING_MAX(EMBEDDING_MAX),
    .INPUTS_MAX(INPUTS_MAX), .HIDDEN_MAX(HIDDEN_MAX), .DEFAULT_LANES(DEFAULT_LANES),
    .DEFAULT_MEMORY_BYTES_PER_CYCLE(DEFAULT_MEMORY_BYTES_PER_CYCLE),
    .DEFAULT_MEMORY_LATENCY(DEFAULT_MEMORY_LATENCY),
    .DEFAULT_DRAFT_BYTES_PER_CYCLE(DEFAULT_DRAFT_BYTES_PER_CYCLE)
  ) configuration (
    .target_shape, .draft_shape, .lanes, .memory_beat_shift, .memory_latency, .draft_beat_shift
  );
`endif

  // ---- Signals between the blocks ----
  // The context length and the draft's argmax on the accept unit's port are outputs no
  // block needs (as in accel::Accelerator); they are kept for the waveforms.
  /* verilator lint_off UNUSEDSIGNAL */
  token_index_t context_length;
  token_t accept_draft_argmax;
  /* verilator lint_on UNUSEDSIGNAL */
  logic prompt_valid, push;
  token_t prompt_token, push_token;
  count16_t out_count;
  logic append, truncate;
  token_t append_token;
  token_index_t truncate_length;
  token_index_t draft_context_address, target_context_address, accept_context_address;
  token_t draft_context_token, target_context_token, accept_context_token;
  logic draft_request, draft_beat_valid, target_request, target_beat_valid;
  beat_t draft_beat, target_beat;
  logic draft_start, draft_done, draft_stalled, target_start, target_done, target_stalled;
  token_index_t draft_base, target_base, accept_base;
  position_t draft_first, draft_positions, target_first, target_positions;
  logic accept_start, accept_done;
  position_t accept_length, accepted_count;
  logic sample_start, sample_done, sample_mode, rng_load, accept_draw, sample_draw;
  sample_source_t sample_source;
  position_t sample_position;
  token_t sampled_token;
  logic [63:0] random;
  // Score-store read ports: accept unit and sampler, on the target's and the draft's unit.
  position_t accept_target_position, accept_draft_position;
  position_t sampler_target_position, sampler_draft_position;
  token_t accept_target_token, accept_draft_token, sampler_target_token, sampler_draft_token;
  mass_t accept_target_mass, accept_draft_mass, sampler_target_mass, sampler_draft_mass;
  total_t accept_target_total, accept_draft_total, sampler_target_total, sampler_draft_total;
  token_t accept_target_argmax, sampler_target_argmax, sampler_draft_argmax;
  logic clear_counters, counting, drafting, verifying, output_blocked, iteration_done;
  position_t iteration_drafted, iteration_accepted, iteration_emitted;

  host_interface host (
    .clk, .rst, .start, .prompt_length(cfg_prompt_length), .in_valid, .in_token, .in_ready,
    .out_valid, .out_token, .out_ready, .prompt_valid, .prompt_token, .push, .push_token,
    .out_count
  );

  context_buffer context_ring (  // "context" is a SystemVerilog keyword
    .clk, .rst, .append, .append_token, .truncate, .truncate_length, .length(context_length),
    .draft_address(draft_context_address), .draft_token(draft_context_token),
    .target_address(target_context_address), .target_token(target_context_token),
    .accept_address(accept_context_address), .accept_token(accept_context_token)
  );

  weight_memory #(
    .ROLE("draft"), .IMAGE_ROWS(IMAGE_ROWS), .FILE_WORDS(FILE_WORDS)
  ) draft_weights (
    .clk, .rst,
    .image_bytes(streamed_bytes(draft_shape.hidden, draft_shape.inputs, draft_shape.vocabulary)),
    .beat_shift(draft_beat_shift), .latency(13'd0),
    .request(draft_request), .beat_valid(draft_beat_valid), .beat(draft_beat)
  );

  weight_memory #(
    .ROLE("target"), .IMAGE_ROWS(IMAGE_ROWS), .FILE_WORDS(FILE_WORDS)
  ) target_memory (
    .clk, .rst,
    .image_bytes(streamed_bytes(target_shape.hidden, target_shape.inputs, target_shape.vocabulary)),
    .beat_shift(memory_beat_shift), .latency(memory_latency),
    .request(target_request), .beat_valid(target_beat_valid), .beat(target_beat)
  );

  mlp_engine #(
    .ROLE("draft"), .LANES(1), .VOCABULARY_MAX(VOCABULARY_MAX), .EMBEDDING_MAX(EMBEDDING_MAX),
    .INPUTS_MAX(INPUTS_MAX), .HIDDEN_MAX(HIDDEN_MAX), .FILE_WORDS(FILE_WORDS)
  ) draft_engine (
    .clk, .rst, .shape(draft_shape), .lanes(7'd1), .beat_shift(draft_beat_shift),
    .start(draft_start), .base(draft_base), .first_position(draft_first),
    .positions(draft_positions), .done(draft_done), .stalled(draft_stalled),
    .weight_request(draft_request), .beat_valid(draft_beat_valid), .beat(draft_beat),
    .context_address(draft_context_address), .context_token(draft_context_token),
    .accept_position(accept_draft_position), .accept_token(accept_draft_token),
    .accept_mass(accept_draft_mass), .accept_total(accept_draft_total),
    .accept_argmax(accept_draft_argmax),
    .sampler_position(sampler_draft_position), .sampler_token(sampler_draft_token),
    .sampler_mass(sampler_draft_mass), .sampler_total(sampler_draft_total),
    .sampler_argmax(sampler_draft_argmax)
  );

  mlp_engine #(
    .ROLE("target"), .LANES(LANES), .VOCABULARY_MAX(VOCABULARY_MAX),
    .EMBEDDING_MAX(EMBEDDING_MAX), .INPUTS_MAX(INPUTS_MAX), .HIDDEN_MAX(HIDDEN_MAX),
    .FILE_WORDS(FILE_WORDS)
  ) target_engine (
    .clk, .rst, .shape(target_shape), .lanes, .beat_shift(memory_beat_shift),
    .start(target_start), .base(target_base), .first_position(target_first),
    .positions(target_positions), .done(target_done), .stalled(target_stalled),
    .weight_request(target_request), .beat_valid(target_beat_valid), .beat(target_beat),
    .context_address(target_context_address), .context_token(target_context_token),
    .accept_position(accept_target_position), .accept_token(accept_target_token),
    .accept_mass(accept_target_mass), .accept_total(accept_target_total),
    .accept_argmax(accept_target_argmax),
    .sampler_position(sampler_target_position), .sampler_token(sampler_target_token),
    .sampler_mass(sampler_target_mass), .sampler_total(sampler_target_total),
    .sampler_argmax(sampler_target_argmax)
  );

  accept_unit accept (
    .clk, .rst, .start(accept_start), .draft_length(accept_length), .sample_mode,
    .base(accept_base), .accepted(accepted_count), .done(accept_done),
    .context_address(accept_context_address), .context_token(accept_context_token),
    .target_position(accept_target_position), .target_token(accept_target_token),
    .target_mass(accept_target_mass), .target_total(accept_target_total),
    .target_argmax(accept_target_argmax),
    .draft_position(accept_draft_position), .draft_token(accept_draft_token),
    .draft_mass(accept_draft_mass), .draft_total(accept_draft_total),
    .draw(accept_draw), .random
  );

  token_sampler sampler (
    .clk, .rst, .vocabulary(target_shape.vocabulary), .start(sample_start), .source(sample_source),
    .position(sample_position), .sample_mode, .token(sampled_token), .done(sample_done),
    .target_position(sampler_target_position), .target_token(sampler_target_token),
    .target_mass(sampler_target_mass), .target_total(sampler_target_total),
    .target_argmax(sampler_target_argmax),
    .draft_position(sampler_draft_position), .draft_token(sampler_draft_token),
    .draft_mass(sampler_draft_mass), .draft_total(sampler_draft_total),
    .draft_argmax(sampler_draft_argmax),
    .draw(sample_draw), .random
  );

  xorshift_generator rng (
    .clk, .rst, .load(rng_load), .seed(cfg_seed), .accept_draw, .sample_draw, .value(random)
  );

  performance_counters counters (
    .clk, .rst, .clear(clear_counters), .counting, .drafting, .verifying, .output_blocked,
    .draft_stalled, .target_stalled, .iteration_done, .iteration_drafted, .iteration_accepted,
    .iteration_emitted, .cycles, .draft_cycles, .verify_cycles, .stall_cycles, .iterations,
    .drafted, .accepted, .emitted, .rejections
  );

  traffic_counters traffic (
    .clk, .rst, .vocabulary(target_shape.vocabulary), .target_context(target_shape.context_length),
    .draft_context(draft_shape.context_length),
    .target_weight_bytes(streamed_bytes(target_shape.hidden, target_shape.inputs, target_shape.vocabulary)),
    .lanes, .memory_beat_shift, .draft_beat_shift,
    .clear(clear_counters), .counting, .drafting, .draft_start, .draft_beat_valid, .target_start,
    .target_positions, .target_beat_valid, .sample_done, .sample_mode, .sample_source,
    .sampled_token, .accept_done, .accept_length, .accepted_count, .iteration_done,
    .iteration_drafted, .iteration_accepted,
    .offchip_bytes_draft, .offchip_bytes_verify, .offchip_bytes_rejected,
    .sram_read_bytes_draft, .sram_read_bytes_verify, .sram_read_bytes_rejected,
    .sram_write_bytes_draft, .sram_write_bytes_verify, .sram_write_bytes_rejected,
    .macs_draft, .macs_verify, .macs_rejected
  );

  controller controller (
    .clk, .rst, .lanes, .start, .prompt_length(cfg_prompt_length), .new_tokens(cfg_new_tokens),
    .draft_length(cfg_draft_length), .sample(cfg_sample), .done, .sample_mode, .rng_load,
    .prompt_valid, .prompt_token, .push, .push_token, .out_count,
    .append, .append_token, .truncate, .truncate_length,
    .draft_start, .draft_base, .draft_first, .draft_positions, .draft_done,
    .target_start, .target_base, .target_first, .target_positions, .target_done,
    .accept_start, .accept_length, .accept_base, .accepted(accepted_count), .accept_done,
    .sample_start, .sample_source, .sample_position, .sampled_token, .sample_done,
    .clear_counters, .counting, .drafting, .verifying, .output_blocked, .iteration_done,
    .iteration_drafted, .iteration_accepted, .iteration_emitted
  );

endmodule
