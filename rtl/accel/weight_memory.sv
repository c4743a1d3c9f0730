`include "unknown.svh"
`timescale 1ns / 1ps

// A weight memory that streams one fixed image (a model's two weight matrices) at a
// run-time beat width after a run-time latency: the target engine's off-chip memory, or,
// with latency 0, the draft engine's on-chip weight SRAM. Beat i (bytes [iB, iB+B)) is
// driven `latency + i` edges after the edge that samples `request`, with beat_valid.
module weight_memory
  import accel_pkg::*;
#(
  parameter ROLE = "target",      // the model file's plusarg
  parameter int IMAGE_ROWS = 1,   // 64-byte rows of the largest image this build holds
  parameter int FILE_WORDS = 1
) (
  input logic clk,
  input logic rst,
  input logic [31:0] image_bytes,   // whole beats: a multiple of B
  input logic [2:0] beat_shift,   // log2 of the beat width B
  input logic [12:0] latency,
  input logic request,
  output logic beat_valid,
  output beat_t beat
);
  typedef enum logic [3:0] {IDLE, STREAM} state_e;
  localparam int ROW_BITS = $clog2(IMAGE_ROWS) > 0 ? $clog2(IMAGE_ROWS) : 1;

  state_e state;
  logic [12:0] countdown;      // latency edges left before the first beat
  logic [25:0] next_beat;      // the beat to drive next; 0 while idle
  logic [31:0] beats;          // beats in one pass
  logic [ROW_BITS + 5:0] offset;  // byte offset of next_beat in the image
  beat_t row, beat_mask;

  assign beats = image_bytes >> beat_shift;
  assign offset = (ROW_BITS + 6)'(next_beat) << beat_shift;
  // Bytes past the beat width are 0 (B is a power of two, so a beat never spans two rows).
  assign beat_mask = ~({8 * MAX_BEAT_BYTES{1'b1}} << (10'd8 << beat_shift));

  model_rom #(
    .ROLE(ROLE), .SECTION(SECTION_STREAMED_WEIGHTS), .ELEMENT_BITS(8),
    .ELEMENTS(MAX_BEAT_BYTES), .ENTRIES(IMAGE_ROWS), .FILE_WORDS(FILE_WORDS)
  ) image (
    .address(offset[6 +: ROW_BITS]),
    .data(row)
  );

  // One edge of a pass: wait out the latency, then drive the next beat.
  task automatic stream(input logic [12:0] wait_left);
    if (wait_left != '0) begin
      countdown <= wait_left - 13'd1;
      beat_valid <= 1'b0;
    end else begin
      beat <= (row >> {offset[5:0], 3'b000}) & beat_mask;
      beat_valid <= 1'b1;
      if (32'(next_beat) + 32'd1 == beats) begin
        next_beat <= '0;
        state <= IDLE;
      end else begin
        next_beat <= next_beat + 26'd1;
      end
    end
  endtask

  task automatic poison;
    // Icarus 11 cannot cast to an enum, so the unknown state is an implicit conversion.
    /* verilator lint_off ENUMVALUE */
    state <= 'x;
    /* verilator lint_on ENUMVALUE */
    beat_valid <= 'x;
    beat <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      countdown <= '0;
      next_beat <= '0;
      beat_valid <= 1'b0;
      beat <= '0;
    end else if (!rst) begin
      case (state)
        IDLE:
          if (request) begin
            state <= STREAM;
            stream(latency);
          end else begin
            beat_valid <= 1'b0;
          end
        STREAM: stream(countdown);
        default: poison();
      endcase
    end else begin
      poison();
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0 && (`UNKNOWN(request) || (state == STREAM && request === 1'b1))) begin
      $error("%m: request %b while a pass is streaming at %0.1f ns", request, $realtime);
    end
  end
`endif

endmodule
