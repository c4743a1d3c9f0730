`include "unknown.svh"
`timescale 1ns / 1ps

// The traffic counters (docs/accelerator.md, "Traffic counters"): off-chip weight bytes,
// on-chip SRAM bytes read and written, and MACs, each for draft and verify work, and the
// part of both spent on draft tokens that were then rejected. 64-bit registers, cleared
// at each run's start; each edge adds the events of the cycle that just ended.
module traffic_counters
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic [8:0] vocabulary,            // V
  input logic [7:0] target_context,        // the target's C
  input logic [7:0] draft_context,         // the draft's C
  input logic [31:0] target_weight_bytes,  // the target's streamed image: H*C*E + V*H
  input logic [6:0] lanes,
  input logic [2:0] memory_beat_shift,
  input logic [2:0] draft_beat_shift,
  input logic clear,
  input logic counting,
  input logic drafting,
  input logic draft_start,
  input logic draft_beat_valid,
  input logic target_start,
  input position_t target_positions,
  input logic target_beat_valid,
  input logic sample_done,
  input logic sample_mode,
  input sample_source_t sample_source,
  input token_t sampled_token,
  input logic accept_done,
  input position_t accept_length,
  input position_t accepted_count,
  input logic iteration_done,
  input position_t iteration_drafted,
  input position_t iteration_accepted,
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
  // The quantities, in the counters' order.
  localparam int OFFCHIP = 0, SRAM_READ = 1, SRAM_WRITE = 2, MACS = 3, QUANTITIES = 4;
  // A score entry: 16-bit mass, 32-bit total, 8-bit argmax; a score read reads both stores.
  localparam counter_t SCORE_ENTRY_BYTES = 64'd7;
  localparam counter_t SCORE_READ_BYTES = 64'd14;

  counter_t draft [QUANTITIES];
  counter_t verify [QUANTITIES];
  counter_t rejected [QUANTITIES];
  // draft_after[i]: the draft counters after draft step i of this iteration (0: before the first).
  counter_t draft_after [MAX_DRAFT_LENGTH + 1][QUANTITIES];
  counter_t target_lanes_active;  // positions of the current target pass
  counter_t passes;               // target passes of this iteration
  position_t draft_steps;         // draft picks of this iteration

`ifndef SYNTHESIS
  // Test only: +fault_traffic=N counts the N-th target weight beat since reset (from 0) one
  // off-chip byte too high, so that a test can see the lockstep catch a wrong counter.
  int fault_traffic = -1;
  int target_beats = 0;
  initial if (!$value$plusargs("fault_traffic=%d", fault_traffic)) fault_traffic = -1;
  always @(posedge clk) begin
    if (rst) target_beats <= 0;
    else if (target_beat_valid) target_beats <= target_beats + 1;
  end
  function automatic counter_t offchip_fault();
    return target_beats == fault_traffic ? 64'd1 : 64'd0;
  endfunction
`else
  // An assignment to the name, not `return`, which Yosys 0.23 (rtl/synthesize.sh) does not read.
  function automatic counter_t offchip_fault();
    offchip_fault = '0;
  endfunction
`endif

  assign {offchip_bytes_draft, offchip_bytes_verify, offchip_bytes_rejected} =
      {draft[OFFCHIP], verify[OFFCHIP], rejected[OFFCHIP]};
  assign {sram_read_bytes_draft, sram_read_bytes_verify, sram_read_bytes_rejected} =
      {draft[SRAM_READ], verify[SRAM_READ], rejected[SRAM_READ]};
  assign {sram_write_bytes_draft, sram_write_bytes_verify, sram_write_bytes_rejected} =
      {draft[SRAM_WRITE], verify[SRAM_WRITE], rejected[SRAM_WRITE]};
  assign {macs_draft, macs_verify, macs_rejected} = {draft[MACS], verify[MACS], rejected[MACS]};

  function automatic counter_t position_score_bytes();
    position_score_bytes = 64'(vocabulary) * SCORE_ENTRY_BYTES;
  endfunction

  // The score reads whose data a finished pick used.
  function automatic counter_t pick_reads();
    if (!sample_mode) pick_reads = 64'd1;
    else if (sample_source == SOURCE_RESIDUAL)
      pick_reads = 64'(vocabulary) + 64'(sampled_token) + 64'd1;
    else pick_reads = 64'(sampled_token) + 64'd1;
  endfunction

  // What this cycle's events add to quantity q, for draft work (draft_work) or verify work.
  function automatic counter_t added(input int q, input logic draft_work);
    counter_t sum;
    sum = '0;
    if (draft_work) begin
      if (draft_beat_valid && (q == SRAM_READ || q == MACS)) sum += 64'd1 << draft_beat_shift;
      if (draft_start && q == SRAM_READ) sum += 64'(draft_context);
      if (draft_start && q == SRAM_WRITE) sum += position_score_bytes();
    end else begin
      if (target_beat_valid && q == OFFCHIP) sum += (64'd1 << memory_beat_shift) + offchip_fault();
      if (target_beat_valid && q == MACS) sum += (64'd1 << memory_beat_shift) * target_lanes_active;
      if (target_start && q == SRAM_READ)
        sum += 64'(target_positions) * 64'(target_context);
      if (target_start && q == SRAM_WRITE) sum += 64'(target_positions) * position_score_bytes();
      if (accept_done && q == SRAM_READ)
        sum += (accepted_count < accept_length ? 64'(accepted_count) + 64'd1 : 64'(accept_length)) *
               (64'd1 + SCORE_READ_BYTES);
    end
    if (sample_done && drafting == draft_work) begin
      if (q == SRAM_READ) sum += pick_reads() * SCORE_READ_BYTES;
      if (q == SRAM_WRITE) sum += 64'd1;
    end
    added = sum;
  endfunction

  // At an iteration's end, the work of its rejected draft tokens n+1..k: their draft steps
  // (the draft counters since step n), their verify positions, and the passes past n.
  function automatic counter_t rejected_work(input int q, input counter_t draft_now);
    counter_t positions, passes_past;
    positions = 64'(iteration_drafted) - 64'(iteration_accepted);
    passes_past = passes - (64'(iteration_accepted) / 64'(lanes) + 64'd1);
    rejected_work = draft_now - draft_after[7'(iteration_accepted)][q];
    case (q)
      OFFCHIP: rejected_work += passes_past * 64'(target_weight_bytes);
      SRAM_READ: rejected_work += positions * 64'(target_context);
      SRAM_WRITE: rejected_work += positions * position_score_bytes();
      default: rejected_work += positions * 64'(target_weight_bytes);
    endcase
  endfunction

  task automatic set_all(input counter_t value);
    for (int q = 0; q < QUANTITIES; q++) begin
      draft[q] <= value;
      verify[q] <= value;
      rejected[q] <= value;
      draft_after[0][q] <= value;
    end
    target_lanes_active <= value;
    passes <= value;
    draft_steps <= 8'(value);
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      set_all('0);
    end else if (!rst) begin
      if (clear) begin
        set_all('0);
      end else if (counting) begin
        for (int q = 0; q < QUANTITIES; q++) begin
          draft[q] <= draft[q] + added(q, 1'b1);
          verify[q] <= verify[q] + added(q, 1'b0);
          if (sample_done && drafting) draft_after[7'(draft_steps) + 7'd1][q] <= draft[q] + added(q, 1'b1);
          if (iteration_done) begin
            rejected[q] <= rejected[q] + rejected_work(q, draft[q] + added(q, 1'b1));
            draft_after[0][q] <= draft[q] + added(q, 1'b1);
          end
        end
        if (target_start) begin
          target_lanes_active <= 64'(target_positions);
          passes <= passes + 64'd1;
        end
        if (sample_done && drafting) draft_steps <= draft_steps + 8'd1;
        if (iteration_done) begin
          passes <= '0;
          draft_steps <= '0;
        end
      end
    end else begin
      set_all('x);
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0 && (`UNKNOWN({clear, counting}) || (clear === 1'b0 && counting === 1'b1 &&
        `UNKNOWN({drafting, draft_start, draft_beat_valid, target_start, target_beat_valid,
                  sample_done, accept_done, iteration_done})))) begin
      $error("%m: events clear %b counting %b drafting %b starts %b %b beats %b %b done %b %b %b at %0.1f ns",
             clear, counting, drafting, draft_start, target_start, draft_beat_valid,
             target_beat_valid, sample_done, accept_done, iteration_done, $realtime);
    end
  end
`endif

endmodule
