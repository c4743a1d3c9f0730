`include "unknown.svh"
`timescale 1ns / 1ps

// The controller: the decode loop's FSM. It loads the prompt into the context buffer,
// then iterates: k draft steps (draft engine, then a pick by the sampler), one or more
// target passes over the k+1 positions, the accept test, the corrected or bonus token,
// the context rollback, and the emission of the accepted tokens and that token. It drives
// every other block through start pulses and waits for their done pulses.
module controller
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic [6:0] lanes,          // target MAC lanes in use
  // Configuration, sampled at start.
  input logic start,
  input count16_t prompt_length,
  input count16_t new_tokens,
  input position_t draft_length,
  input logic sample,
  output logic done,
  output logic sample_mode,
  output logic rng_load,
  // Host interface.
  input logic prompt_valid,
  input token_t prompt_token,
  output logic push,
  output token_t push_token,
  input count16_t out_count,
  // Context buffer.
  output logic append,
  output token_t append_token,
  output logic truncate,
  output token_index_t truncate_length,
  // Draft engine.
  output logic draft_start,
  output token_index_t draft_base,
  output position_t draft_first,
  output position_t draft_positions,
  input logic draft_done,
  // Target engine.
  output logic target_start,
  output token_index_t target_base,
  output position_t target_first,
  output position_t target_positions,
  input logic target_done,
  // Accept unit.
  output logic accept_start,
  output position_t accept_length,
  output token_index_t accept_base,
  input position_t accepted,
  input logic accept_done,
  // Token sampler.
  output logic sample_start,
  output sample_source_t sample_source,
  output position_t sample_position,
  input token_t sampled_token,
  input logic sample_done,
  // Performance counters: status bits of the cycle that follows each edge.
  output logic clear_counters,
  output logic counting,
  output logic drafting,
  output logic verifying,
  output logic output_blocked,
  output logic iteration_done,
  output position_t iteration_drafted,
  output position_t iteration_accepted,
  output position_t iteration_emitted
);
  typedef enum logic [3:0] {
    IDLE, LOAD, ITERATE, DRAFT_RUN, DRAFT_PICK, VERIFY_RUN, ACCEPT_RUN, RESOLVE, EMIT_WAIT, EMIT,
    FINISHED
  } state_e;

  state_e state;
  count16_t run_prompt_length, run_new_tokens;
  position_t max_draft_length;
  count16_t loaded, emitted;
  token_index_t committed;      // history tokens before this iteration's drafts
  position_t iteration_length;  // k of this iteration
  position_t picked;            // draft tokens picked this iteration
  position_t chunk_first;       // first position of the current target pass
  position_t chunk_size;
  position_t accepted_count;
  position_t pushed;
  token_t drafts [MAX_DRAFT_LENGTH];  // x_1..x_k of this iteration
  token_t final_token;

  // Moves to `next`; the status bits describe the cycle that follows this edge.
  task automatic set_phase(input state_e next);
    state <= next;
    counting <= next != IDLE && next != LOAD && next != FINISHED;
    drafting <= next == DRAFT_RUN || next == DRAFT_PICK;
    verifying <= next == VERIFY_RUN;
    output_blocked <= 1'b0;
  endtask

  task automatic begin_run;
    run_prompt_length <= prompt_length;
    run_new_tokens <= new_tokens;
    max_draft_length <= draft_length;
    sample_mode <= sample;
    rng_load <= 1'b1;
    clear_counters <= 1'b1;
    truncate <= 1'b1;
    truncate_length <= '0;
    done <= 1'b0;
    loaded <= '0;
    committed <= '0;
    emitted <= '0;
    set_phase(prompt_length != '0 ? LOAD : ITERATE);
  endtask

  task automatic start_draft_step(input position_t step);
    draft_start <= 1'b1;
    draft_base <= committed + 32'(step);
    draft_first <= step;
    draft_positions <= 8'd1;
    set_phase(DRAFT_RUN);
  endtask

  task automatic start_verify_chunk(input position_t first, input position_t length);
    position_t remaining, size;
    remaining = length + 8'd1 - first;
    size = 32'(remaining) < 32'(lanes) ? remaining : 8'(lanes);
    chunk_first <= first;
    chunk_size <= size;
    target_start <= 1'b1;
    target_base <= committed + 32'(first);
    target_first <= first;
    target_positions <= size;
    set_phase(VERIFY_RUN);
  endtask

  task automatic start_pick(input sample_source_t source, input position_t at);
    sample_start <= 1'b1;
    sample_source <= source;
    sample_position <= at;
  endtask

  task automatic poison;
    // Icarus 11 cannot cast to an enum, so the unknown state is an implicit conversion.
    /* verilator lint_off ENUMVALUE */
    state <= 'x;
    /* verilator lint_on ENUMVALUE */
    {done, sample_mode, rng_load, push, append, truncate, draft_start, target_start, accept_start,
     sample_start, clear_counters, counting, drafting, verifying, output_blocked,
     iteration_done} <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      {done, sample_mode, rng_load, push, append, truncate, draft_start, target_start, accept_start,
       sample_start, clear_counters, counting, drafting, verifying, output_blocked,
       iteration_done} <= '0;
      push_token <= '0;
      append_token <= '0;
      truncate_length <= '0;
      draft_base <= '0;
      target_base <= '0;
      accept_base <= '0;
      {draft_first, draft_positions, target_first, target_positions, accept_length,
       sample_position, iteration_drafted, iteration_accepted, iteration_emitted} <= '0;
      sample_source <= '0;
    end else if (!rst) begin
      {rng_load, push, append, truncate, draft_start, target_start, accept_start, sample_start,
       clear_counters, iteration_done} <= '0;
      case (state)
        IDLE, FINISHED:
          if (start) begin_run();
        LOAD:
          if (prompt_valid) begin
            append <= 1'b1;
            append_token <= prompt_token;
            committed <= committed + 32'd1;
            loaded <= loaded + 16'd1;
            if (loaded + 16'd1 == run_prompt_length) set_phase(ITERATE);
          end
        ITERATE:
          if (emitted == run_new_tokens) begin
            done <= 1'b1;
            set_phase(FINISHED);
          end else begin
            position_t length;
            count16_t left;
            left = run_new_tokens - emitted - 16'd1;
            length = 32'(left) < 32'(max_draft_length) ? 8'(left) : max_draft_length;
            iteration_length <= length;
            picked <= '0;
            if (length != '0) start_draft_step('0);
            else start_verify_chunk('0, length);
          end
        DRAFT_RUN:
          if (draft_done) begin
            start_pick(SOURCE_DRAFT, picked);
            set_phase(DRAFT_PICK);
          end
        DRAFT_PICK:
          if (sample_done) begin
            drafts[picked[5:0]] <= sampled_token;
            append <= 1'b1;
            append_token <= sampled_token;
            picked <= picked + 8'd1;
            if (picked + 8'd1 < iteration_length) start_draft_step(picked + 8'd1);
            else start_verify_chunk('0, iteration_length);
          end
        VERIFY_RUN:
          if (target_done) begin
            if (chunk_first + chunk_size < iteration_length + 8'd1) begin
              start_verify_chunk(chunk_first + chunk_size, iteration_length);
            end else if (iteration_length != '0) begin
              accept_start <= 1'b1;
              accept_length <= iteration_length;
              accept_base <= committed;
              set_phase(ACCEPT_RUN);
            end else begin
              accepted_count <= '0;
              start_pick(SOURCE_TARGET, '0);
              set_phase(RESOLVE);
            end
          end
        ACCEPT_RUN:
          if (accept_done) begin
            accepted_count <= accepted;
            start_pick(accepted < iteration_length ? SOURCE_RESIDUAL : SOURCE_TARGET, accepted);
            set_phase(RESOLVE);
          end
        RESOLVE:
          if (sample_done) begin
            final_token <= sampled_token;
            // Roll back the rejected draft tokens, then append the corrected or bonus token.
            truncate <= 1'b1;
            truncate_length <= committed + 32'(accepted_count);
            append <= 1'b1;
            append_token <= sampled_token;
            set_phase(EMIT_WAIT);
          end
        EMIT_WAIT:
          if (32'(OUTPUT_FIFO_DEPTH) - 32'(out_count) < 32'(accepted_count) + 32'd1) begin
            output_blocked <= 1'b1;
          end else begin
            pushed <= '0;
            set_phase(EMIT);
          end
        EMIT: begin
          push <= 1'b1;
          push_token <= pushed < accepted_count ? drafts[pushed[5:0]] : final_token;
          pushed <= pushed + 8'd1;
          if (pushed == accepted_count) begin
            iteration_done <= 1'b1;
            iteration_drafted <= iteration_length;
            iteration_accepted <= accepted_count;
            iteration_emitted <= accepted_count + 8'd1;
            committed <= committed + 32'(accepted_count) + 32'd1;
            emitted <= emitted + 16'(accepted_count) + 16'd1;
            set_phase(ITERATE);
          end
        end
        default: poison();
      endcase
    end else begin
      poison();
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0) begin
      if ((state == IDLE || state == FINISHED) &&
          (`UNKNOWN(start) || (start === 1'b1 &&
                                 `UNKNOWN({prompt_length, new_tokens, draft_length, sample})))) begin
        $error("%m.start is %b with prompt_length %h, new_tokens %h, draft_length %h, sample %b at %0.1f ns",
               start, prompt_length, new_tokens, draft_length, sample, $realtime);
      end
      if ((state == IDLE || state == FINISHED) && start === 1'b1 &&
          (new_tokens == '0 || 32'(draft_length) > MAX_DRAFT_LENGTH)) begin
        $error("%m: start with %0d tokens and K = %0d (1.. tokens, K 0..%0d) at %0.1f ns", new_tokens,
               draft_length, MAX_DRAFT_LENGTH, $realtime);
      end
      if (state == LOAD && (`UNKNOWN(prompt_valid) ||
                            (prompt_valid === 1'b1 && `UNKNOWN(prompt_token)))) begin
        $error("%m.prompt_valid is %b with prompt_token %b at %0.1f ns", prompt_valid, prompt_token, $realtime);
      end
    end
  end
`endif

endmodule
