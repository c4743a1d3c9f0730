// A combinational priority encoder: `index` is the position of the lowest set bit of
// `request`, `valid` says whether any bit is set (index is 0 when none is).
module priority_encoder #(parameter int WIDTH = 8) (
  input  logic [WIDTH-1:0]         request,
  output logic                     valid,
  output logic [$clog2(WIDTH)-1:0] index
);
  always_comb begin
    valid = 1'b0;
    index = '0;
    for (int i = WIDTH - 1; i >= 0; i--) begin
      if (request[i]) begin
        valid = 1'b1;
        index = i[$clog2(WIDTH)-1:0];
      end
    end
  end
endmodule
