`include "unknown.svh"
`timescale 1ns / 1ps

// The performance counters: 64-bit registers, cleared at each run's start, counting the
// cycles of the decode loop and the tokens it drafted, accepted and emitted. Each edge
// adds the status bits of the cycle that just ended.
module performance_counters
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic clear,
  input logic counting,           // decode loop active
  input logic drafting,           // draft engine or draft pick busy
  input logic verifying,          // target engine busy
  input logic output_blocked,     // controller waits for FIFO room
  input logic draft_stalled,      // draft engine waits for a beat
  input logic target_stalled,     // target engine waits for a beat
  input logic iteration_done,
  input position_t iteration_drafted,
  input position_t iteration_accepted,
  input position_t iteration_emitted,
  output counter_t cycles,
  output counter_t draft_cycles,
  output counter_t verify_cycles,
  output counter_t stall_cycles,
  output counter_t iterations,
  output counter_t drafted,
  output counter_t accepted,
  output counter_t emitted,
  output counter_t rejections     // iterations that rejected a draft token
);
  task automatic set_all(input counter_t value);
    cycles <= value;
    draft_cycles <= value;
    verify_cycles <= value;
    stall_cycles <= value;
    iterations <= value;
    drafted <= value;
    accepted <= value;
    emitted <= value;
    rejections <= value;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      set_all('0);
    end else if (!rst) begin
      if (clear) begin
        set_all('0);
      end else if (counting) begin
        cycles <= cycles + 64'd1;
        if (drafting) draft_cycles <= draft_cycles + 64'd1;
        if (verifying) verify_cycles <= verify_cycles + 64'd1;
        if (output_blocked || draft_stalled || target_stalled) stall_cycles <= stall_cycles + 64'd1;
        if (iteration_done) begin
          iterations <= iterations + 64'd1;
          drafted <= drafted + 64'(iteration_drafted);
          accepted <= accepted + 64'(iteration_accepted);
          if (iteration_accepted < iteration_drafted) rejections <= rejections + 64'd1;
          emitted <= emitted + 64'(iteration_emitted);
        end
      end
    end else begin
      set_all('x);
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0 && (`UNKNOWN({clear, counting}) || (clear === 1'b0 && counting === 1'b1 &&
        `UNKNOWN({drafting, verifying, output_blocked, draft_stalled, target_stalled, iteration_done})))) begin
      $error("%m: status bits clear %b counting %b drafting %b verifying %b blocked %b stalled %b %b done %b at %0.1f ns",
             clear, counting, drafting, verifying, output_blocked, draft_stalled, target_stalled,
             iteration_done, $realtime);
    end
  end
`endif

endmodule
