// What a Verilog design asks of its simulator besides evaluation: plusargs (read at
// start-up into `plusarg_value`, 0 without one), $finish, and the errors that stop a
// run ($stop, $fatal), each when its input is 1 at a rising clock edge.
module run_control (
  input  logic        clk,
  input  logic        do_finish,
  input  logic        do_stop,
  input  logic        do_fatal,
  output logic [31:0] plusarg_value,
  output logic        has_flag
);
  initial begin
    if (!$value$plusargs("value=%d", plusarg_value)) plusarg_value = 0;
    has_flag = $test$plusargs("flag") != 0;
  end
  always_ff @(posedge clk) begin
    if (do_finish) $finish;
    if (do_stop) $stop;
    if (do_fatal) $fatal(1, "fatal on request");
  end
endmodule
