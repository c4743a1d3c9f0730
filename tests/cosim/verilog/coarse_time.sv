// A register with a time precision of 1 ns, for the tests of time mapping.
`timescale 1ns / 1ns
module coarse_time (
  input  logic       clk,
  input  logic [7:0] d,
  output logic [7:0] q
);
  always_ff @(posedge clk) q <= d;
endmodule
