`include "unknown.svh"
`timescale 1ns / 1ps

// The accept unit: tests draft tokens x_1..x_k in order against the target's scores and
// stops at the first rejection, five edges per test: read x_i from the context, wait,
// read p and q (and draw), wait, decide. Greedy: accept when x_i is the target's argmax.
// Sample: U = draw >> 40, accept when U * q(x) * Sp < p(x) * Sq * 2^24 (64-bit exact).
module accept_unit
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic start,
  input position_t draft_length,    // k of this iteration, >= 1
  input logic sample_mode,
  input token_index_t base,         // history index of x_1
  output position_t accepted,
  output logic done,
  output token_index_t context_address,
  input token_t context_token,
  output position_t target_position,
  output token_t target_token,
  input mass_t target_mass,
  input total_t target_total,
  input token_t target_argmax,
  output position_t draft_position,
  output token_t draft_token,
  input mass_t draft_mass,
  input total_t draft_total,
  output logic draw,
  input logic [63:0] random
);
  typedef enum logic [3:0] {IDLE, FETCH, WAIT_TOKEN, LOOKUP, WAIT_LOOKUP, DECIDE} state_e;
  localparam int UNIFORM_BITS = 24;

  state_e state;
  position_t length;
  logic sampling;
  token_index_t first;
  position_t position;  // the draft token under test, 0-based
  token_t token;

  function automatic logic accepts();
    logic [63:0] uniform, left, right;
    uniform = random >> (64 - UNIFORM_BITS);
    left = uniform * 64'(draft_mass) * 64'(target_total);
    right = (64'(target_mass) * 64'(draft_total)) << UNIFORM_BITS;
    accepts = sampling ? left < right : token == target_argmax;
  endfunction

  task automatic finish(input position_t count);
    accepted <= count;
    done <= 1'b1;
    state <= IDLE;
  endtask

  task automatic poison;
    // Icarus 11 cannot cast to an enum, so the unknown state is an implicit conversion.
    /* verilator lint_off ENUMVALUE */
    state <= 'x;
    /* verilator lint_on ENUMVALUE */
    accepted <= 'x;
    done <= 'x;
    draw <= 'x;
    context_address <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      accepted <= '0;
      done <= 1'b0;
      draw <= 1'b0;
      context_address <= '0;
      target_position <= '0;
      target_token <= '0;
      draft_position <= '0;
      draft_token <= '0;
    end else if (!rst) begin
      done <= 1'b0;
      draw <= 1'b0;
      case (state)
        IDLE:
          if (start) begin
            length <= draft_length;
            sampling <= sample_mode;
            first <= base;
            position <= '0;
            state <= FETCH;
          end
        FETCH: begin
          context_address <= first + 32'(position);
          state <= WAIT_TOKEN;
        end
        WAIT_TOKEN: state <= LOOKUP;
        LOOKUP: begin
          token <= context_token;
          target_position <= position;
          target_token <= context_token;
          draft_position <= position;
          draft_token <= context_token;
          draw <= sampling;
          state <= WAIT_LOOKUP;
        end
        WAIT_LOOKUP: state <= DECIDE;
        DECIDE:
          if (!accepts()) begin
            finish(position);
          end else if (position + 8'd1 == length) begin
            finish(position + 8'd1);
          end else begin
            position <= position + 8'd1;
            state <= FETCH;
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
      if (`UNKNOWN(start) || (state == IDLE && start === 1'b1 &&
                                `UNKNOWN({draft_length, sample_mode, base}))) begin
        $error("%m.start is %b with draft_length %h, sample_mode %b, base %h at %0.1f ns", start,
               draft_length, sample_mode, base, $realtime);
      end
      if (state == IDLE && start === 1'b1 && draft_length == '0) $error("%m: started with K = 0 at %0.1f ns", $realtime);
      if (state == LOOKUP && `UNKNOWN(context_token)) begin
        $error("%m.context_token is %b at %0.1f ns", context_token, $realtime);
      end
      if (state == DECIDE && (sampling ? `UNKNOWN({random, draft_mass, target_total, target_mass, draft_total})
                                       : `UNKNOWN(target_argmax))) begin
        $error("%m: an unknown score or random value at the decision at %0.1f ns", $realtime);
      end
    end
  end
`endif

endmodule
