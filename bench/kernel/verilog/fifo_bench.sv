// Workload (c): a 64-deep, 16-bit FIFO under LFSR-driven traffic; bit 0 of the LFSR
// requests a push of the LFSR value, bit 1 a pop; a sink folds every popped word.
module fifo_bench import kernel_workload_pkg::*; #(parameter int DEPTH = 64) (input logic clk);
  logic [15:0] lfsr = 16'hACE1;
  logic [6:0] count = 0;
  logic [5:0] write_index = 0, read_index = 0;
  logic [15:0] storage [DEPTH];
  logic out_valid = 0;
  logic [15:0] out_data = 0;
  logic [31:0] checksum = 0;

  wire push = lfsr[0] && count != 7'(DEPTH);
  wire pop = lfsr[1] && count != 0;

  always @(posedge clk) lfsr <= lfsr_step(lfsr);

  always @(posedge clk) begin
    if (push) begin
      storage[write_index] <= lfsr;
      write_index <= write_index + 1;
    end
    if (pop) begin
      out_data <= storage[read_index];
      read_index <= read_index + 1;
    end
    out_valid <= pop;
    count <= count + 7'(push) - 7'(pop);
  end

  always @(posedge clk) if (out_valid) checksum <= fold(checksum, 32'(out_data));

  final $display("checksum %08x", fold(checksum, 32'(count)));
endmodule
