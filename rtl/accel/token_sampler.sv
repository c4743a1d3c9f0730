`include "unknown.svh"
`timescale 1ns / 1ps

// The residual and bonus sampler: picks one token from a position of the score stores.
// Greedy: the argmax. Sample: one draw r, threshold = (r * W) >> 64, and the first token
// whose running weight sum exceeds it, scanning one token per edge. The weights are the
// draft's masses (drafting), the target's (bonus, or K = 0), or the residual
// max(0, p * Sq - q * Sp), whose sum W takes one extra pass over the tokens. Score reads
// are registered at both stores: a token issued at edge t is consumed at edge t + 2.
module token_sampler
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic [8:0] vocabulary,
  input logic start,
  input sample_source_t source,
  input position_t position,
  input logic sample_mode,
  output token_t token,
  output logic done,
  output position_t target_position,
  output token_t target_token,
  input mass_t target_mass,
  input total_t target_total,
  input token_t target_argmax,
  output position_t draft_position,
  output token_t draft_token,
  input mass_t draft_mass,
  input total_t draft_total,
  input token_t draft_argmax,
  output logic draw,
  input logic [63:0] random
);
  typedef enum logic [3:0] {IDLE, LOOKUP, SUM, SCAN} state_e;
  // Sums of sampling weights stay at or below 2^48 (a 64 x 48-bit multiplier).
  localparam logic [63:0] MAX_WEIGHT_SUM = 64'd1 << 48;

  state_e state;
  sample_source_t from;
  logic [9:0] phase_edge;   // index in the phase (0: the edge that issued token 0) of the last edge
  logic [63:0] sum;         // residual weight sum (SUM phase)
  logic [63:0] threshold;
  logic [63:0] running;

  // The weight of the token whose scores arrive at this edge.
  logic [63:0] from_target, from_draft, weight;
  assign from_target = 64'(target_mass) * 64'(draft_total);
  assign from_draft = 64'(draft_mass) * 64'(target_total);
  assign weight = from == SOURCE_DRAFT ? 64'(draft_mass)
                : from == SOURCE_TARGET ? 64'(target_mass)
                : from_target > from_draft ? from_target - from_draft : '0;

  // The scan at this edge: the first scanned token (edge 2 of the phase) multiplies the
  // draw by the weight sum into the threshold; each adds its weight to the running sum.
  logic [9:0] edge_index;  // this edge's index in the phase
  logic scan_first;
  logic [63:0] scan_total, scan_threshold, scan_running;
  assign edge_index = phase_edge + 10'd1;
  assign scan_first = edge_index == 10'd2;
  assign scan_total = from == SOURCE_RESIDUAL ? sum
                    : from == SOURCE_TARGET ? 64'(target_total) : 64'(draft_total);
  assign scan_threshold = scan_first ? 64'((128'(random) * 128'(scan_total)) >> 64) : threshold;
  assign scan_running = (scan_first ? 64'd0 : running) + weight;

  // Issues the score reads of `next` (nothing past the vocabulary).
  task automatic issue(input logic [9:0] next);
    if (32'(next) < 32'(vocabulary)) begin
      target_token <= next[7:0];
      draft_token <= next[7:0];
    end
  endtask

  task automatic finish(input token_t picked);
    token <= picked;
    done <= 1'b1;
    state <= IDLE;
  endtask

  task automatic poison;
    // Icarus 11 cannot cast to an enum, so the unknown state is an implicit conversion.
    /* verilator lint_off ENUMVALUE */
    state <= 'x;
    /* verilator lint_on ENUMVALUE */
    token <= 'x;
    done <= 'x;
    draw <= 'x;
    target_position <= 'x;
    draft_position <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      token <= '0;
      done <= 1'b0;
      draw <= 1'b0;
      target_position <= '0;
      target_token <= '0;
      draft_position <= '0;
      draft_token <= '0;
    end else if (!rst) begin
      logic [9:0] next_phase_edge;
      next_phase_edge = edge_index;
      done <= 1'b0;
      draw <= 1'b0;
      case (state)
        IDLE:
          if (start) begin
            from <= source;
            target_position <= position;
            draft_position <= position;
            issue('0);
            next_phase_edge = '0;
            if (!sample_mode) begin
              state <= LOOKUP;
            end else if (source == SOURCE_RESIDUAL) begin
              sum <= '0;
              state <= SUM;
            end else begin
              draw <= 1'b1;
              state <= SCAN;
            end
          end
        LOOKUP:
          if (edge_index == 10'd2) finish(from == SOURCE_DRAFT ? draft_argmax : target_argmax);
        SUM: begin
          issue(edge_index);
          if (edge_index >= 10'd2) begin
            sum <= sum + weight;
            if (32'(edge_index) - 32'd1 == 32'(vocabulary)) begin
              issue('0);
              draw <= 1'b1;
              next_phase_edge = '0;
              state <= SCAN;
            end
          end
        end
        SCAN: begin
          issue(edge_index);
          if (edge_index >= 10'd2) begin
            if (scan_first) threshold <= scan_threshold;
            running <= scan_running;
            if (scan_threshold < scan_running) finish(8'(edge_index - 10'd2));
          end
        end
        default: poison();
      endcase
      phase_edge <= next_phase_edge;
    end else begin
      poison();
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0) begin
      if (`UNKNOWN(start) || (state == IDLE && start === 1'b1 &&
                                `UNKNOWN({source, position, sample_mode}))) begin
        $error("%m.start is %b with source %b, position %h, sample_mode %b at %0.1f ns", start, source,
               position, sample_mode, $realtime);
      end
      if (state == IDLE && start === 1'b1 && source > SOURCE_RESIDUAL) begin
        $error("%m: source %0d does not exist at %0.1f ns", source, $realtime);
      end
      if (state == SCAN && scan_first && (scan_total == '0 || scan_total > MAX_WEIGHT_SUM)) begin
        $error("%m: weight sum %0d is outside 1..2^48 at %0.1f ns", scan_total, $realtime);
      end
      if (state == SCAN && edge_index >= 10'd2 && !(scan_threshold < scan_running) &&
          32'(edge_index) - 32'd1 == 32'(vocabulary)) begin
        $error("%m: threshold %0d beyond the weight sum at %0.1f ns", scan_threshold, $realtime);
      end
    end
  end
`endif

endmodule
