// Icarus harness: a 10 ns clock whose first rising edge is at 5 ns, run for CYCLES
// periods; the design named by the DESIGN macro prints its checksum in a final block.
module icarus_top #(parameter int CYCLES = 1);
  logic clk = 0;
  always #5 clk = ~clk;
  `DESIGN dut(.clk(clk));
  initial begin
    #(10 * CYCLES);
    $finish;
  end
endmodule
