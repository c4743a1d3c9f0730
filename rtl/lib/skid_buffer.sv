`timescale 1ns / 1ps
// The SystemVerilog twin of sim/lib/skid_buffer.hpp, cycle for cycle: a two-entry
// ready/valid buffer whose outputs (in_ready, out_valid, out_data) all come from flops.
// When the consumer stalls, the word already accepted waits in the skid register and
// in_ready drops a cycle later. A transfer happens at a rising edge where valid and ready
// are both 1. Before its first reset the buffer ignores its inputs. Where the C++ twin's
// outputs are X (before the first reset; out_data while out_valid is 0) this one's are
// whatever its registers hold: the lockstep comparator reports them as resolved by RTL.
module skid_buffer #(
  parameter int WIDTH = 8
) (
  input  logic             clk,
  input  logic             rst,
  input  logic             in_valid,
  input  logic [WIDTH-1:0] in_data,
  output logic             in_ready,
  output logic             out_valid,
  output logic [WIDTH-1:0] out_data,
  input  logic             out_ready
);
  logic main_valid, skid_valid;
  logic [WIDTH-1:0] main_data, skid_data;
  logic was_reset = 1'b0;

  logic accepting, main_frees;
  logic main_valid_next, skid_valid_next;
  logic [WIDTH-1:0] main_data_next, skid_data_next;
  always_comb begin
    accepting = !skid_valid && in_valid;  // in_ready is !skid_valid
    main_frees = !main_valid || out_ready;
    main_valid_next = main_valid;
    skid_valid_next = skid_valid;
    main_data_next = main_data;
    skid_data_next = skid_data;
    if (main_frees) begin
      // The main register refills from the skid register first, to keep order.
      main_valid_next = skid_valid || accepting;
      if (skid_valid) begin
        main_data_next = skid_data;
        skid_valid_next = 1'b0;
      end else if (accepting) begin
        main_data_next = in_data;
      end
    end else if (accepting) begin
      skid_data_next = in_data;
      skid_valid_next = 1'b1;
    end
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      main_valid <= 1'b0;
      skid_valid <= 1'b0;
      was_reset <= 1'b1;
      in_ready <= 1'b1;
      out_valid <= 1'b0;
    end else if (was_reset) begin
      main_valid <= main_valid_next;
      skid_valid <= skid_valid_next;
      main_data <= main_data_next;
      skid_data <= skid_data_next;
      in_ready <= !skid_valid_next;
      out_valid <= main_valid_next;
      out_data <= main_data_next;
    end
  end
endmodule
