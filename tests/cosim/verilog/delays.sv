// A design with delays (Verilated with --timing): it makes its own clock, 10 ns per
// period with the first rising edge at 5 ns, counts the rising edges, and raises `done`
// 3 ns after the count reaches `stop_at` (an input the simulation drives).
`timescale 1ns / 1ps
module delays (
  input  logic [7:0] stop_at,
  output logic       clk,
  output logic [7:0] count,
  output logic       done
);
  initial begin
    clk = 0;
    count = 0;
    done = 0;
    forever #5 clk = ~clk;
  end
  always @(posedge clk) count <= count + 1;
  always @(count) if (count == stop_at) #3 done = 1;
endmodule
