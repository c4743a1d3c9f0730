`include "unknown.svh"

// A four-state testbench of the accelerator RTL (Icarus Verilog): the stimulus of
// accel::AcceleratorBench (reset for two edges, configure and pulse start, stream the
// prompt, take every output token), then one line per result on standard output:
//   token ID                 each generated token, in order
//   counter NAME VALUE       the performance and traffic counters after `done`
//   x_after_reset NAME NS    the first edge after reset at which an output held X or Z
//   first_x NAME NS          (with +inject) the first edge at which a watched signal is X
//   status ok | status timeout
// Plusargs: the accelerator's (+target= +draft= +lanes= +mem_bw= +mem_latency= +draft_bw=)
// and +prompt=HEXFILE (one token per line) +prompt_length=P +tokens=N +k=K +sample=0|1
// +seed=HEX +hold_output=CYCLES (out_ready low that long after start) +max_cycles=C, and
// +inject=NAME to put an X on an input: in_valid_in_reset (in_valid X while rst is 1),
// in_valid (X while in_ready, for one edge), in_token (X on the first prompt token).
`timescale 1ns / 1ps
module accelerator_tb;
  import accel_pkg::*;

  parameter int LANES = 8;
  parameter int VOCABULARY_MAX = 64;
  parameter int EMBEDDING_MAX = 16;
  parameter int INPUTS_MAX = 128;
  parameter int HIDDEN_MAX = 128;
  localparam int MAX_PROMPT = 65535;

  logic clk = 1'b0, rst, start;
  count16_t cfg_prompt_length, cfg_new_tokens;
  position_t cfg_draft_length;
  logic cfg_sample;
  logic [63:0] cfg_seed;
  logic in_valid, in_ready, out_valid, out_ready, done;
  token_t in_token, out_token;
  counter_t cycles, draft_cycles, verify_cycles, stall_cycles, iterations, drafted, accepted,
            emitted, rejections;
  counter_t offchip_bytes_draft, offchip_bytes_verify, offchip_bytes_rejected,
            sram_read_bytes_draft, sram_read_bytes_verify, sram_read_bytes_rejected,
            sram_write_bytes_draft, sram_write_bytes_verify, sram_write_bytes_rejected,
            macs_draft, macs_verify, macs_rejected;

  accelerator #(
    .LANES(LANES), .VOCABULARY_MAX(VOCABULARY_MAX), .EMBEDDING_MAX(EMBEDDING_MAX),
    .INPUTS_MAX(INPUTS_MAX), .HIDDEN_MAX(HIDDEN_MAX)
  ) dut (.*);

  always #0.5 clk = ~clk;  // 1 ns period, first rising edge at 0.5 ns as in Tetra

  token_t prompt [MAX_PROMPT];
  int prompt_length, new_tokens, draft_length, sample, hold_output, max_cycles;
  logic [63:0] seed;
  string inject, prompt_file;
  int received = 0;
  logic reset_seen = 1'b0;

  task automatic report_and_finish(input string status);
    $display("counter cycles %0d", cycles);
    $display("counter draft_cycles %0d", draft_cycles);
    $display("counter verify_cycles %0d", verify_cycles);
    $display("counter stall_cycles %0d", stall_cycles);
    $display("counter iterations %0d", iterations);
    $display("counter drafted %0d", drafted);
    $display("counter accepted %0d", accepted);
    $display("counter emitted %0d", emitted);
    $display("counter rejections %0d", rejections);
    $display("counter offchip_bytes_draft %0d", offchip_bytes_draft);
    $display("counter offchip_bytes_verify %0d", offchip_bytes_verify);
    $display("counter offchip_bytes_rejected %0d", offchip_bytes_rejected);
    $display("counter sram_read_bytes_draft %0d", sram_read_bytes_draft);
    $display("counter sram_read_bytes_verify %0d", sram_read_bytes_verify);
    $display("counter sram_read_bytes_rejected %0d", sram_read_bytes_rejected);
    $display("counter sram_write_bytes_draft %0d", sram_write_bytes_draft);
    $display("counter sram_write_bytes_verify %0d", sram_write_bytes_verify);
    $display("counter sram_write_bytes_rejected %0d", sram_write_bytes_rejected);
    $display("counter macs_draft %0d", macs_draft);
    $display("counter macs_verify %0d", macs_verify);
    $display("counter macs_rejected %0d", macs_rejected);
    $display("status %s", status);
    $finish;
  endtask

  // ---- Host: reset, configure, stream the prompt ----
  initial begin
    if (!$value$plusargs("prompt_length=%d", prompt_length)) prompt_length = 0;
    if (prompt_length > 0) begin
      if (!$value$plusargs("prompt=%s", prompt_file)) $fatal(1, "accelerator_tb: +prompt=FILE is missing");
      $readmemh(prompt_file, prompt, 0, prompt_length - 1);
    end
    if (!$value$plusargs("tokens=%d", new_tokens)) new_tokens = 8;
    if (!$value$plusargs("k=%d", draft_length)) draft_length = 4;
    if (!$value$plusargs("sample=%d", sample)) sample = 0;
    if (!$value$plusargs("seed=%h", seed)) seed = 64'd1;
    if (!$value$plusargs("hold_output=%d", hold_output)) hold_output = 0;
    if (!$value$plusargs("max_cycles=%d", max_cycles)) max_cycles = 10_000_000;
    if (!$value$plusargs("inject=%s", inject)) inject = "";

    rst = 1'b1;
    start = 1'b0;
    in_valid = inject == "in_valid_in_reset" ? 1'bx : 1'b0;
    out_ready = hold_output > 0 ? 1'b0 : 1'b1;
    @(posedge clk);
    @(posedge clk);
    rst <= 1'b0;
    in_valid <= 1'b0;
    cfg_prompt_length <= 16'(prompt_length);
    cfg_new_tokens <= 16'(new_tokens);
    cfg_draft_length <= 8'(draft_length);
    cfg_sample <= sample != 0;
    cfg_seed <= seed;
    start <= 1'b1;
    @(posedge clk);
    start <= 1'b0;
    if (inject == "in_valid") begin
      in_valid <= 1'bx;
      @(posedge clk);
      in_valid <= 1'b0;
    end
    for (int i = 0; i < prompt_length; i++) begin
      in_valid <= 1'b1;
      in_token <= i == 0 && inject == "in_token" ? 8'bx : prompt[i];
      do @(posedge clk); while (in_ready !== 1'b1);
    end
    in_valid <= 1'b0;
    if (hold_output > 0) begin
      repeat (hold_output) @(posedge clk);
      out_ready <= 1'b1;
    end
  end

  // ---- Sink: take tokens, stop at done ----
  int edges = 0;
  always @(posedge clk) begin
    edges <= edges + 1;
    if (out_valid === 1'b1 && out_ready === 1'b1) begin
      $display("token %0d", out_token);
      received = received + 1;
    end
    if (received >= new_tokens && done === 1'b1) report_and_finish("ok");
    if (edges >= max_cycles) report_and_finish("timeout");
  end

  // ---- X watch: outputs after reset, and the path of an injected X ----

  logic [31:0] x_reported = '0;
  always @(posedge clk) begin
    if (reset_seen) begin
      check_output(0, "in_ready", `UNKNOWN(in_ready));
      check_output(1, "out_valid", `UNKNOWN(out_valid));
      check_output(2, "out_token", `UNKNOWN(out_token));
      check_output(3, "done", `UNKNOWN(done));
      check_output(4, "counters", `UNKNOWN({cycles, draft_cycles, verify_cycles, stall_cycles,
                                              iterations, drafted, accepted, emitted, rejections,
                                              offchip_bytes_draft, offchip_bytes_verify,
                                              offchip_bytes_rejected, sram_read_bytes_draft,
                                              sram_read_bytes_verify, sram_read_bytes_rejected,
                                              sram_write_bytes_draft, sram_write_bytes_verify,
                                              sram_write_bytes_rejected, macs_draft, macs_verify,
                                              macs_rejected}));
      if (inject != "") begin
        check_output(8, "host.prompt_valid", `UNKNOWN(dut.prompt_valid));
        check_output(9, "host.prompt_token", `UNKNOWN(dut.prompt_token));
        check_output(10, "controller.append_token", `UNKNOWN(dut.append_token));
        check_output(11, "draft_engine.logit", `UNKNOWN(dut.draft_engine.logit));
        check_output(12, "target_engine.logit", `UNKNOWN(dut.target_engine.logit));
        check_output(13, "sampler.token", `UNKNOWN(dut.sampled_token));
        check_output(14, "controller.state", `UNKNOWN(dut.controller.state));
        check_output(15, "controller.push_token", `UNKNOWN(dut.push_token));
      end
    end
    if (rst === 1'b1) reset_seen <= 1'b1;
  end

  task automatic check_output(input int index, input string name, input logic unknown);
    if (unknown && !x_reported[index]) begin
      x_reported[index] = 1'b1;
      if (index < 8) $display("x_after_reset %s %0.1f", name, $realtime);
      else $display("first_x %s %0.1f", name, $realtime);
    end
  endtask

endmodule
