module unmappable (
  input  logic       clk,
  input  logic [7:0] table_in [4],
  input  real        gain,
  output string      label,
  output logic       y
);
  assign y = clk;
  assign label = "x";
endmodule
