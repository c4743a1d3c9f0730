`include "unknown.svh"
`timescale 1ns / 1ps

// The context buffer: the token history (prompt, emitted tokens and the current draft) in
// a ring of CONTEXT_DEPTH tokens, with an append port, a truncate port that rolls back
// rejected draft tokens, and three registered read ports. At each edge the read ports
// see the length before this edge's writes; truncate applies before append.
module context_buffer
  import accel_pkg::*;
(
  input logic clk,
  input logic rst,
  input logic append,
  input token_t append_token,
  input logic truncate,
  input token_index_t truncate_length,
  output token_index_t length,
  input token_index_t draft_address,   // the draft engine's gather
  output token_t draft_token,
  input token_index_t target_address,  // the target engine's gather
  output token_t target_token,
  input token_index_t accept_address,  // the accept unit's draft tokens
  output token_t accept_token
);
  localparam int INDEX_BITS = $clog2(CONTEXT_DEPTH);

  token_t ring [CONTEXT_DEPTH];

  // A negative address reads token 0 (the padding of short histories); one at or past the
  // length, or older than the ring holds, reads X (the FSMs never use it).
  function automatic token_t read(input token_index_t address);
    logic signed [32:0] index, current;
    index = {address[31], address};
    current = {1'b0, length};
    if (index < 0) read = '0;
    else if (index >= current || index < current - 33'(CONTEXT_DEPTH)) read = 'x;
    else read = ring[address[INDEX_BITS - 1:0]];
  endfunction

  always_ff @(posedge clk) begin
    if (rst) begin
      length <= '0;
      draft_token <= '0;
      target_token <= '0;
      accept_token <= '0;
    end else if (!rst) begin
      token_index_t next_length;
      draft_token <= read(draft_address);
      target_token <= read(target_address);
      accept_token <= read(accept_address);
      next_length = truncate ? truncate_length : length;
      if (append) begin
        ring[next_length[INDEX_BITS - 1:0]] <= append_token;
        next_length = next_length + 32'd1;
      end
      length <= next_length;
    end else begin
      length <= 'x;
      draft_token <= 'x;
      target_token <= 'x;
      accept_token <= 'x;
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0) begin
      if (`UNKNOWN(truncate) || (truncate === 1'b1 && `UNKNOWN(truncate_length))) begin
        $error("%m.truncate is %b with truncate_length %b at %0.1f ns", truncate, truncate_length, $realtime);
      end
      if (`UNKNOWN(append) || (append === 1'b1 && `UNKNOWN(append_token))) begin
        $error("%m.append is %b with append_token %b at %0.1f ns", append, append_token, $realtime);
      end
    end
  end
`endif

endmodule
