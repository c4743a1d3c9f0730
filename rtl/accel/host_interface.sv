`include "unknown.svh"
`timescale 1ns / 1ps

// The host interface: a ready/valid stream of prompt tokens in, a ready/valid stream of
// generated tokens out through an OUTPUT_FIFO_DEPTH-entry FIFO. A transfer happens at a
// rising edge where valid and ready were both 1; every output is a register.
module host_interface
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic start,
  input count16_t prompt_length,
  input logic in_valid,
  input token_t in_token,
  output logic in_ready,
  output logic out_valid,
  output token_t out_token,
  input logic out_ready,
  output logic prompt_valid,  // pulse: a prompt token for the controller
  output token_t prompt_token,
  input logic push,           // from the controller: append push_token to the FIFO
  input token_t push_token,
  output count16_t out_count
);
  localparam int FILL_BITS = $clog2(OUTPUT_FIFO_DEPTH);

  count16_t prompt_remaining;
  token_t fifo [OUTPUT_FIFO_DEPTH];
  logic [FILL_BITS - 1:0] head;
  logic [FILL_BITS:0] fill;

`ifndef SYNTHESIS
  // Test only: +fault_push=N stores the N-th token pushed since reset (from 0) with bit 0
  // flipped, so that a test can see the lockstep catch a difference where it first shows.
  int fault_push = -1;
  int pushes = 0;
  initial if (!$value$plusargs("fault_push=%d", fault_push)) fault_push = -1;
  always @(posedge clk) begin
    if (rst) pushes <= 0;
    else if (push) pushes <= pushes + 1;
  end
  function automatic token_t stored(input token_t token);
    return pushes == fault_push ? token ^ token_t'(1) : token;
  endfunction
`else
  // An assignment to the name, not `return`, which Yosys 0.23 (rtl/synthesize.sh) does not read.
  function automatic token_t stored(input token_t token);
    stored = token;
  endfunction
`endif

  task automatic poison;
    in_ready <= 'x;
    out_valid <= 'x;
    out_token <= 'x;
    prompt_valid <= 'x;
    out_count <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      prompt_remaining <= '0;
      head <= '0;
      fill <= '0;
      in_ready <= 1'b0;
      out_valid <= 1'b0;
      out_token <= '0;
      prompt_valid <= 1'b0;
      prompt_token <= '0;
      out_count <= '0;
    end else if (!rst) begin
      // The valid and ready of the other side matter only while ours is high.
      logic taken, popped;
      count16_t remaining;
      logic [FILL_BITS - 1:0] next_head;
      logic [FILL_BITS:0] next_fill;
      taken = in_ready && in_valid;
      popped = out_valid && out_ready;
      remaining = prompt_remaining;

      prompt_valid <= taken;
      if (taken) begin
        prompt_token <= in_token;
        remaining = remaining - 16'd1;
      end
      if (start) remaining = prompt_length;
      prompt_remaining <= remaining;
      in_ready <= remaining != 16'd0;

      next_head = head;
      next_fill = fill;
      if (popped) begin
        next_head = next_head + 1'b1;
        next_fill = next_fill - 1'b1;
      end
      // A token pushed into an empty FIFO is its head at once.
      if (next_fill != '0) out_token <= fifo[next_head];
      if (push) begin
        fifo[next_head + next_fill[FILL_BITS - 1:0]] <= stored(push_token);
        if (next_fill == '0) out_token <= stored(push_token);
        next_fill = next_fill + 1'b1;
      end
      head <= next_head;
      fill <= next_fill;
      out_valid <= next_fill != '0;
      out_count <= 16'(next_fill);
    end else begin
      poison();
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0) begin
      if (`UNKNOWN(start)) $error("%m.start is %b at %0.1f ns", start, $realtime);
      if (start === 1'b1 && `UNKNOWN(prompt_length)) begin
        $error("%m.prompt_length is %b at %0.1f ns", prompt_length, $realtime);
      end
      if (in_ready === 1'b1 && `UNKNOWN(in_valid)) $error("%m.in_valid is %b at %0.1f ns", in_valid, $realtime);
      if (in_ready === 1'b1 && in_valid === 1'b1 && `UNKNOWN(in_token)) begin
        $error("%m.in_token is %b at %0.1f ns", in_token, $realtime);
      end
      if (out_valid === 1'b1 && `UNKNOWN(out_ready)) $error("%m.out_ready is %b at %0.1f ns", out_ready, $realtime);
      if (`UNKNOWN(push) || (push === 1'b1 && `UNKNOWN(push_token))) begin
        $error("%m.push is %b with push_token %b at %0.1f ns", push, push_token, $realtime);
      end
      if (push === 1'b1 && fill - (FILL_BITS + 1)'(out_valid && out_ready) ==
                           (FILL_BITS + 1)'(OUTPUT_FIFO_DEPTH)) begin
        $error("%m: push into a full output FIFO at %0.1f ns", $realtime);
      end
    end
  end
`endif

endmodule
