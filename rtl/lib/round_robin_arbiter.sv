`timescale 1ns / 1ps
// The SystemVerilog twin of sim/lib/round_robin_arbiter.hpp, cycle for cycle: `grant`
// is combinational and one-hot, to the first requester at or after the one following the
// last grant (requester 0 first after reset), or zero when nobody requests. The last
// grant is remembered at each rising edge where something was granted. Where the C++
// twin's grant is X (before the first reset) this one's follows its register's initial
// value: the lockstep comparator reports those bits as resolved by RTL.
module round_robin_arbiter #(
  parameter int N = 4
) (
  input  logic         clk,
  input  logic         rst,
  input  logic [N-1:0] request,
  output logic [N-1:0] grant
);
  logic [N-1:0] last_grant;

  always_comb begin
    int start;
    start = 0;
    for (int i = N - 1; i >= 0; i--) begin
      if (last_grant[i]) start = (i + 1) % N;  // the lowest set bit decides, as in the C++ twin
    end
    grant = '0;
    for (int offset = N - 1; offset >= 0; offset--) begin  // the smallest offset wins
      if (request[(start + offset) % N]) grant = N'(1) << ((start + offset) % N);
    end
  end

  always_ff @(posedge clk) begin
    if (rst) last_grant <= '0;
    else if (|grant) last_grant <= grant;
  end
endmodule
