// Ports of every storage Verilator uses (CData, SData, IData, QData, VlWide), each
// passed through combinationally inverted and registered on the clock, so that a test
// sees each bit cross the bridge both ways. b128 is declared [0:127] on purpose: the
// bridge must keep the rightmost bit as bit 0 whatever the range's direction.
/* verilator lint_off LITENDIAN */
module widths (
  input  logic         clk,
  input  logic         b1,
  input  logic [4:0]   b5,
  input  logic [15:0]  b16,
  input  logic [16:0]  b17,
  input  logic [32:0]  b33,
  input  logic [63:0]  b64,
  input  logic [64:0]  b65,
  input  logic [99:0]  b100,
  input  logic [0:127] b128,
  output logic         not_b1,
  output logic [4:0]   not_b5,
  output logic [15:0]  not_b16,
  output logic [16:0]  not_b17,
  output logic [32:0]  not_b33,
  output logic [63:0]  not_b64,
  output logic [64:0]  not_b65,
  output logic [99:0]  not_b100,
  output logic [0:127] not_b128,
  output logic [99:0]  q100
);
  assign not_b1 = ~b1;
  assign not_b5 = ~b5;
  assign not_b16 = ~b16;
  assign not_b17 = ~b17;
  assign not_b33 = ~b33;
  assign not_b64 = ~b64;
  assign not_b65 = ~b65;
  assign not_b100 = ~b100;
  assign not_b128 = ~b128;
  always_ff @(posedge clk) q100 <= b100;
endmodule
/* verilator lint_on LITENDIAN */
