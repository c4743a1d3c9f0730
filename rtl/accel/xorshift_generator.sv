`include "unknown.svh"
`timescale 1ns / 1ps

// The hardware random number generator: xorshift64 (13, 7, 17), one draw per cycle, bit
// for bit the reference's models::XorshiftRng. `load` seeds it (SplitMix64 of the seed,
// combinational multipliers in the load cycle); a draw requested at edge t is readable
// on `value` at edge t + 2.
module xorshift_generator
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic load,
  input logic [63:0] seed,
  input logic accept_draw,  // from the accept unit
  input logic sample_draw,  // from the token sampler
  output logic [63:0] value
);
  localparam logic [63:0] RESET_STATE = seeded_state(64'd0);

  always_ff @(posedge clk) begin
    if (rst) begin
      value <= RESET_STATE;
    end else if (!rst) begin
      if (load) begin
        value <= seeded_state(seed);
      end else if (accept_draw || sample_draw) begin
        value <= xorshift(value);
      end
    end else begin
      value <= 'x;
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0 && (`UNKNOWN({load, accept_draw, sample_draw}) ||
                         (load === 1'b1 && `UNKNOWN(seed)))) begin
      $error("%m: load %b (seed %h), accept_draw %b, sample_draw %b at %0.1f ns", load, seed,
             accept_draw, sample_draw, $realtime);
    end else if (rst === 1'b0 && accept_draw === 1'b1 && sample_draw === 1'b1) begin
      $error("%m: the accept unit and the sampler draw in the same cycle at %0.1f ns", $realtime);
    end
  end
`endif

endmodule
