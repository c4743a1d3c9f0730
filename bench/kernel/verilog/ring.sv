// Workload (a): a ring of 16-bit registers, one process per register; register 0 takes
// the LFSR step of the last register, register i takes register i-1 plus i.
module ring import kernel_workload_pkg::*; #(parameter int LENGTH = 1000) (input logic clk);
  logic [15:0] r [LENGTH];

  initial for (int i = 0; i < LENGTH; i++) r[i] = 16'(i);

  always @(posedge clk) r[0] <= lfsr_step(r[LENGTH-1]);
  for (genvar i = 1; i < LENGTH; i++) begin : stage
    always @(posedge clk) r[i] <= r[i-1] + 16'(i);
  end

  function automatic logic [31:0] checksum();
    logic [31:0] hash = 0;
    for (int i = 0; i < LENGTH; i++) hash = fold(hash, 32'(r[i]));
    return hash;
  endfunction

  final $display("checksum %08x", checksum());
endmodule
