// A design that needs INCLUDE_DIRS twice: an `include file in verilog/include, and the
// module priority_encoder, found by name in verilog/ (priority_encoder.sv).
module include_dirs (
  input  logic [15:0] request,
  output logic [3:0]  index
);
  `include "encoder_width.svh"
  logic valid;
  priority_encoder #(.WIDTH(ENCODER_WIDTH)) encoder (.request, .valid, .index);
endmodule
