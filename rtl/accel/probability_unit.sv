`include "unknown.svh"
`timescale 1ns / 1ps

// The probability unit: turns each position's logits into masses with the exp lookup
// table, mass = exp_table[(max - logit) >> mass_shift] (0 past the table), sums them, and
// holds masses, totals and argmaxes for the accept unit and the sampler to read.
module probability_unit
  import accel_pkg::*;
#(
  parameter ROLE = "target",        // the model file's plusarg (exp table)
  parameter int VOCABULARY_MAX = 256,
  parameter int FILE_WORDS = 1
) (
  input logic clk,
  input logic rst,
  input logic [8:0] vocabulary,
  input logic [4:0] mass_shift,
  // One (position, token, logit, max, argmax) element per edge while logit_valid.
  input logic logit_valid,
  input position_t logit_position,
  input token_t logit_token,
  input logit_t logit,
  input logit_t max_logit,
  input token_t argmax,
  input logic logit_last,
  output logic done,                // pulse: the element marked last is stored
  // Two registered read ports: (position, token) in, data out one edge later.
  input position_t accept_position,
  input token_t accept_token,
  output mass_t accept_mass,
  output total_t accept_total,
  output token_t accept_argmax,
  input position_t sampler_position,
  input token_t sampler_token,
  output mass_t sampler_mass,
  output total_t sampler_total,
  output token_t sampler_argmax
);
  localparam int TOKEN_BITS = $clog2(VOCABULARY_MAX) > 0 ? $clog2(VOCABULARY_MAX) : 1;
  localparam int SLOTS = SCORE_POSITIONS * VOCABULARY_MAX;

  mass_t masses [SLOTS];  // position-major
  total_t totals [SCORE_POSITIONS];
  token_t argmaxes [SCORE_POSITIONS];
  logic [15:0] exp_entry;

  // The exp lookup: d = (max - logit) >> mass_shift; logits lie within +-2^30.
  logic [32:0] distance;
  assign distance = ({max_logit[31], max_logit} - {logit[31], logit}) >> mass_shift;

  model_rom #(
    .ROLE(ROLE), .SECTION(SECTION_EXP_TABLE), .ELEMENT_BITS(16), .ELEMENTS(1),
    .ENTRIES(EXP_TABLE_SIZE), .FILE_WORDS(FILE_WORDS)
  ) exp_table (
    .address(distance[7:0]),
    .data(exp_entry)
  );

  function automatic logic in_store(input position_t position, input token_t token);
    in_store = 32'(position) < SCORE_POSITIONS && 32'(token) < 32'(vocabulary);
  endfunction

  function automatic int slot(input position_t position, input token_t token);
    slot = 32'(position) * VOCABULARY_MAX + 32'(token[TOKEN_BITS - 1:0]);
  endfunction

  always_ff @(posedge clk) begin
    if (rst) begin
      done <= 1'b0;
      {accept_mass, accept_total, accept_argmax} <= '0;
      {sampler_mass, sampler_total, sampler_argmax} <= '0;
    end else if (!rst) begin
      // An unknown or out-of-range address reads X.
      {accept_mass, accept_total, accept_argmax} <= !in_store(accept_position, accept_token) ? 'x
          : {masses[slot(accept_position, accept_token)], totals[32'(accept_position)],
             argmaxes[32'(accept_position)]};
      {sampler_mass, sampler_total, sampler_argmax} <= !in_store(sampler_position, sampler_token) ? 'x
          : {masses[slot(sampler_position, sampler_token)], totals[32'(sampler_position)],
             argmaxes[32'(sampler_position)]};
      if (!logit_valid) begin
        done <= 1'b0;
      end else begin
        mass_t mass;
        mass = distance < 33'(EXP_TABLE_SIZE) ? exp_entry : '0;
        masses[slot(logit_position, logit_token)] <= mass;
        totals[32'(logit_position)] <= (logit_token == '0 ? '0 : totals[32'(logit_position)]) + 32'(mass);
        argmaxes[32'(logit_position)] <= argmax;
        done <= logit_last;
      end
    end else begin
      done <= 'x;
      {accept_mass, accept_total, accept_argmax} <= 'x;
      {sampler_mass, sampler_total, sampler_argmax} <= 'x;
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0 && (`UNKNOWN(logit_valid) || (logit_valid === 1'b1 &&
        `UNKNOWN({logit_position, logit_token, logit, max_logit, argmax, logit_last})))) begin
      $error("%m: logit element valid %b position %b token %b logit %h max %h argmax %b last %b at %0.1f ns",
             logit_valid, logit_position, logit_token, logit, max_logit, argmax, logit_last, $realtime);
    end else if (rst === 1'b0 && logit_valid === 1'b1 && !in_store(logit_position, logit_token)) begin
      $error("%m: score (%0d, %0d) is outside %0d positions x %0d tokens at %0.1f ns", logit_position,
             logit_token, SCORE_POSITIONS, vocabulary, $realtime);
    end
  end
`endif

endmodule
