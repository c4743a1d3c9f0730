`timescale 1ns / 1ps
// The SystemVerilog twin of sim/lib/fifo.hpp, cycle for cycle: a synchronous
// first-word-fall-through FIFO. pop_data shows the oldest entry whenever the FIFO is not
// empty; a pop removes it at the rising clock edge. full, empty, count and pop_data are
// registered. Pushing while full or popping while empty is an error ($error), as is an
// unknown push, pop or reset in the C++ twin (here the bridge's unknown-bit policy says).
// Before its first reset the FIFO ignores its inputs. Where the C++ twin's outputs are
// X (before the first reset; pop_data while empty) this one's are whatever its registers
// hold: the lockstep comparator reports those bits as resolved by RTL.
module fifo #(
  parameter int WIDTH = 8,
  parameter int DEPTH = 8,
  parameter int COUNT_WIDTH = $clog2(DEPTH + 1)
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
  localparam int INDEX_WIDTH = DEPTH > 1 ? $clog2(DEPTH) : 1;

  initial begin
    if (DEPTH < 1 || DEPTH >= 2 ** COUNT_WIDTH) begin
      $fatal(1, "fifo: depth %0d does not fit a %0d-bit count (it must be at least 1)", DEPTH, COUNT_WIDTH);
    end
  end

  logic [WIDTH-1:0] storage[DEPTH];
  logic [INDEX_WIDTH-1:0] head;
  logic [COUNT_WIDTH-1:0] size;
  logic was_reset = 1'b0;

  // The C++ twin pops first (the head moves on), then pushes behind the remaining entries.
  logic [INDEX_WIDTH-1:0] head_after_pop, tail;
  logic [COUNT_WIDTH-1:0] size_after_pop, size_next;
  always_comb begin
    head_after_pop = pop ? (head == INDEX_WIDTH'(DEPTH - 1) ? '0 : head + 1'b1) : head;
    size_after_pop = size - COUNT_WIDTH'(pop);
    tail = INDEX_WIDTH'((int'(head_after_pop) + int'(size_after_pop)) % DEPTH);
    size_next = size_after_pop + COUNT_WIDTH'(push);
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      head <= '0;
      size <= '0;
      was_reset <= 1'b1;
      full <= 1'b0;
      empty <= 1'b1;
      count <= '0;
    end else if (was_reset) begin
      if (push && size == COUNT_WIDTH'(DEPTH)) $error("push while full (%0d entries)", DEPTH);
      if (pop && size == '0) $error("pop while empty");
      if (push) storage[tail] <= push_data;
      head <= head_after_pop;
      size <= size_next;
      // The oldest entry after this edge: the word pushed now if it is the only one.
      pop_data <= push && size_after_pop == '0 ? push_data : storage[head_after_pop];
      full <= size_next == COUNT_WIDTH'(DEPTH);
      empty <= size_next == '0;
      count <= size_next;
    end
  end
endmodule
