// A Verilog design the consumer Verilates through the installed tetra_add_verilated().
module adder (input logic [7:0] a, input logic [7:0] b, output logic [8:0] sum);
  assign sum = a + b;
endmodule
