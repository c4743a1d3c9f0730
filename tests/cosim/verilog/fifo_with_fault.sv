`timescale 1ns / 1ps
// rtl/lib's FIFO with a deliberate fault, for the test that the lockstep comparator
// catches a difference at exactly the cycle where it first shows: the CORRUPT_PUSH-th
// word pushed after reset (counting from 0) is stored with bit 0 flipped, so the
// difference shows when that word reaches the head of the FIFO.
module fifo_with_fault #(
  parameter int WIDTH = 16,
  parameter int DEPTH = 5,
  parameter int COUNT_WIDTH = 3,
  parameter int CORRUPT_PUSH = 0
) (
  input  logic                   clk,
  input  logic                   rst,
  input  logic                   push,
  input  logic [WIDTH-1:0]       push_data,
  input  logic                   pop,
  output logic [WIDTH-1:0]       pop_data,
  output logic                   full,
  output logic                   empty,
  output logic [COUNT_WIDTH-1:0] count
);
  int pushes = 0;
  always_ff @(posedge clk) begin
    if (rst) pushes <= 0;
    else if (push) pushes <= pushes + 1;
  end
  logic [WIDTH-1:0] stored_data;
  assign stored_data = push && pushes == CORRUPT_PUSH ? push_data ^ WIDTH'(1) : push_data;

  fifo #(.WIDTH(WIDTH), .DEPTH(DEPTH), .COUNT_WIDTH(COUNT_WIDTH)) inner (
    .clk, .rst, .push, .push_data(stored_data), .pop, .pop_data, .full, .empty, .count
  );
endmodule
