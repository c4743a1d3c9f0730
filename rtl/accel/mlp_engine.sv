`include "unknown.svh"
`timescale 1ns / 1ps

// An MLP engine: gathers the context of up to `lanes` positions, streams a model's weight
// matrices once from a weight memory, multiplies every weight beat into every active
// lane's accumulator (parallel MAC lanes), then streams each lane's logits through its
// probability unit. With one lane and on-chip weights it is the draft engine; with L
// lanes and the off-chip memory, the target engine scoring up to L positions per pass.
// Lane p scores the token that follows the first base + p tokens of the history, into
// score-store position first_position + p.
module mlp_engine
  import accel_pkg::*;
#(
  parameter ROLE = "target",         // the model file's plusarg
  parameter int LANES = 8,           // MAC lanes built; `lanes` may use fewer
  parameter int VOCABULARY_MAX = 256,
  parameter int EMBEDDING_MAX = 64,  // at most MAX_BEAT_BYTES
  parameter int INPUTS_MAX = 512,    // C * E
  parameter int HIDDEN_MAX = 256,
  parameter int FILE_WORDS = 1
) (
  input logic clk,
  input logic rst,
  input model_shape_t shape,
  input logic [6:0] lanes,           // lanes in use, 1..LANES
  input logic [2:0] beat_shift,      // log2 of the weight beat width B
  input logic start,
  input token_index_t base,
  input position_t first_position,
  input position_t positions,
  output logic done,                 // pulse: the scores are in the store
  output logic stalled,              // waiting for a weight beat
  output logic weight_request,
  input logic beat_valid,
  input beat_t beat,
  output token_index_t context_address,
  input token_t context_token,
  // The probability unit's read ports.
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
  typedef enum logic [3:0] {IDLE, GATHER, MULTIPLY, SCORES} state_e;
  localparam int TOKEN_BITS = $clog2(VOCABULARY_MAX) > 0 ? $clog2(VOCABULARY_MAX) : 1;
  localparam int HIDDEN_BITS = $clog2(HIDDEN_MAX) > 0 ? $clog2(HIDDEN_MAX) : 1;

  state_e state;

  // The pass, latched at start.
  logic signed [31:0] pass_base;
  position_t pass_first;
  position_t active_lanes;
  // Gather: reads issued (lane, slot) and tokens received (lane, column = slot * E).
  position_t issue_lane;
  logic [7:0] issue_slot;
  logic [1:0] gather_wait;      // edges until the first token returns
  position_t receive_lane;
  logic [7:0] receive_slot;
  logic [19:0] receive_column;
  // Multiply: where the next beat lands.
  logic output_layer;
  logic [12:0] row;
  logic [19:0] column;
  // Scores: the next element streamed.
  position_t score_lane;
  logic [8:0] score_token;

  // Per-lane register files: inputs (C*E int8) and hidden units (H uint7, a byte each) in
  // rows as wide as the beat bus, so that each beat reads one row per lane (B is a power of
  // two and divides the row lengths, so a beat's columns never span two rows); the
  // accumulator, the logits (V), the running max and argmax.
  localparam int ROW_BITS = 8 * MAX_BEAT_BYTES;
  localparam int INPUT_ROWS = (INPUTS_MAX + MAX_BEAT_BYTES - 1) / MAX_BEAT_BYTES;
  localparam int HIDDEN_ROWS = (HIDDEN_MAX + MAX_BEAT_BYTES - 1) / MAX_BEAT_BYTES;
  logic [ROW_BITS - 1:0] input_rows [LANES * INPUT_ROWS];
  logic [ROW_BITS - 1:0] hidden_rows [LANES * HIDDEN_ROWS];
  logic signed [31:0] accumulators [LANES];
  logic signed [31:0] logits [LANES * VOCABULARY_MAX];
  logic signed [31:0] max_logits [LANES];
  token_t argmaxes [LANES];

  // The logit stream into the probability unit.
  logic logit_valid, logit_last;
  position_t logit_position;
  token_t logit_token, logit_argmax;
  logit_t logit, max_logit;

  // On-chip ROMs: the embedding row of the returning token, the biases of the current row.
  logic [8 * EMBEDDING_MAX - 1:0] embedding_row;
  logic signed [31:0] hidden_bias, output_bias;

  model_rom #(
    .ROLE(ROLE), .SECTION(SECTION_EMBEDDING), .ELEMENT_BITS(8), .ELEMENTS(EMBEDDING_MAX),
    .ENTRIES(VOCABULARY_MAX), .FILE_WORDS(FILE_WORDS)
  ) embedding (
    .address(context_token[TOKEN_BITS - 1:0]),
    .data(embedding_row)
  );
  model_rom #(
    .ROLE(ROLE), .SECTION(SECTION_HIDDEN_BIAS), .ELEMENT_BITS(32), .ELEMENTS(1),
    .ENTRIES(HIDDEN_MAX), .FILE_WORDS(FILE_WORDS)
  ) hidden_biases (
    .address(row[HIDDEN_BITS - 1:0]),
    .data(hidden_bias)
  );
  model_rom #(
    .ROLE(ROLE), .SECTION(SECTION_OUTPUT_BIAS), .ELEMENT_BITS(32), .ELEMENTS(1),
    .ENTRIES(VOCABULARY_MAX), .FILE_WORDS(FILE_WORDS)
  ) output_biases (
    .address(row[TOKEN_BITS - 1:0]),
    .data(output_bias)
  );

  probability_unit #(
    .ROLE(ROLE), .VOCABULARY_MAX(VOCABULARY_MAX), .FILE_WORDS(FILE_WORDS)
  ) probability (
    .clk, .rst, .vocabulary(shape.vocabulary), .mass_shift(shape.mass_shift),
    .logit_valid, .logit_position, .logit_token, .logit, .max_logit, .argmax(logit_argmax),
    .logit_last, .done,
    .accept_position, .accept_token, .accept_mass, .accept_total, .accept_argmax,
    .sampler_position, .sampler_token, .sampler_mass, .sampler_total, .sampler_argmax
  );

  logic [6:0] beat_bytes;
  assign beat_bytes = 7'd1 << beat_shift;
  // The bytes of an embedding row that belong to the model (E of them).
  logic [8 * EMBEDDING_MAX - 1:0] embedding_mask;
  assign embedding_mask = ~({8 * EMBEDDING_MAX{1'b1}} << {shape.embedding, 3'b000});

  task automatic idle_outputs;
    stalled <= 1'b0;
    weight_request <= 1'b0;
    logit_valid <= 1'b0;
    logit_last <= 1'b0;
  endtask

  task automatic begin_pass;
    pass_base <= base;
    pass_first <= first_position;
    active_lanes <= positions;
    issue_lane <= '0;
    issue_slot <= '0;
    gather_wait <= 2'd2;
    receive_lane <= '0;
    receive_slot <= '0;
    receive_column <= '0;
    state <= GATHER;
  endtask

  // The register files (input_rows, hidden_rows, accumulators, logits, max_logits,
  // argmaxes) are read and written only by this process, every read of an entry before its
  // write in the edge, so blocking writes make the same registers; Verilator 5.006 cannot
  // delay writes to arrays inside loops it does not unroll (BLKLOOPINIT).
  /* verilator lint_off BLKSEQ */

  // One context read issued per edge, for (lane, slot), address base + lane - C + slot; its
  // token comes back two edges later (the address register, then the buffer's data
  // register) and selects an embedding row into the lane's inputs.
  // Writes the returning token's E embedding bytes at the lane's input column; they may
  // end in the next row.
  task automatic store_embedding;
    logic [8 * EMBEDDING_MAX - 1:0] bytes;
    logic [2 * ROW_BITS - 1:0] data, mask;
    int first;
    bytes = embedding_row & embedding_mask;
    data = (2 * ROW_BITS)'(bytes) << {receive_column[5:0], 3'b000};
    mask = (2 * ROW_BITS)'(embedding_mask) << {receive_column[5:0], 3'b000};
    first = 32'(receive_lane) * INPUT_ROWS + 32'(receive_column[19:6]);
    input_rows[first] = input_rows[first] & ~mask[ROW_BITS - 1:0] | data[ROW_BITS - 1:0];
    if (mask[2 * ROW_BITS - 1:ROW_BITS] != '0) begin
      input_rows[first + 1] = input_rows[first + 1] & ~mask[2 * ROW_BITS - 1:ROW_BITS] |
                              data[2 * ROW_BITS - 1:ROW_BITS];
    end
  endtask

  task automatic gather_edge;
    if (issue_lane != active_lanes) begin
      context_address <= 32'(pass_base + 32'(issue_lane) - 32'(shape.context_length) + 32'(issue_slot));
      if (32'(issue_slot) + 32'd1 == 32'(shape.context_length)) begin
        issue_slot <= '0;
        issue_lane <= issue_lane + 8'd1;
      end else begin
        issue_slot <= issue_slot + 8'd1;
      end
    end
    if (gather_wait != '0) begin
      gather_wait <= gather_wait - 2'd1;
    end else begin
      store_embedding();
      if (32'(receive_slot) + 32'd1 == 32'(shape.context_length)) begin
        receive_slot <= '0;
        receive_column <= '0;
        receive_lane <= receive_lane + 8'd1;
        if (receive_lane + 8'd1 == active_lanes) begin
          weight_request <= 1'b1;
          for (int lane = 0; lane < LANES; lane++) accumulators[lane] = '0;
          output_layer <= 1'b0;
          row <= '0;
          column <= '0;
          state <= MULTIPLY;
        end
      end else begin
        receive_slot <= receive_slot + 8'd1;
        receive_column <= receive_column + 20'(shape.embedding);
      end
    end
  endtask

  // Every beat is multiplied into every active lane: B products per lane per edge. At the
  // beat that ends a row, a hidden unit is rectified, shifted and saturated, or a logit
  // gets its bias and updates the lane's running max (strictly greater: ties keep the
  // lowest id).
  task automatic multiply_edge;
    logic [19:0] row_length;
    logic row_ends;
    weight_request <= 1'b0;
    if (!beat_valid) begin
      stalled <= 1'b1;
    end else begin
      stalled <= 1'b0;
      row_length = output_layer ? 20'(shape.hidden) : shape.inputs;
      row_ends = column + 20'(beat_bytes) == row_length;
      for (int lane = 0; lane < LANES; lane++) begin
        if (lane < 32'(active_lanes)) begin
          logic signed [31:0] sum, value;
          logic [ROW_BITS - 1:0] operands;  // x (int8) or h (uint7) from `column` on
          operands = output_layer ? hidden_rows[lane * HIDDEN_ROWS + 32'(column[19:6])]
                                  : input_rows[lane * INPUT_ROWS + 32'(column[19:6])];
          operands = operands >> {column[5:0], 3'b000};
          sum = accumulators[lane];
          for (int k = 0; k < MAX_BEAT_BYTES; k++) begin
            if (k < 32'(beat_bytes)) begin
              sum = sum + $signed(beat[8 * k +: 8]) * $signed(operands[8 * k +: 8]);
            end
          end
          if (!row_ends) begin
            accumulators[lane] = sum;
          end else begin
            accumulators[lane] = '0;
            if (!output_layer) begin
              value = sum + hidden_bias;
              value = value < 0 ? 32'sd0 : value >>> shape.hidden_shift;
              store_hidden(lane, value > 32'sd127 ? 7'd127 : value[6:0]);
            end else begin
              value = sum + output_bias;
              logits[lane * VOCABULARY_MAX + 32'(row)] = value;
              if (row == '0 || value > max_logits[lane]) begin
                max_logits[lane] = value;
                argmaxes[lane] = 8'(row);
              end
            end
          end
        end
      end
      if (!row_ends) begin
        column <= column + 20'(beat_bytes);
      end else begin
        column <= '0;
        if (!output_layer && row + 13'd1 == shape.hidden) begin
          output_layer <= 1'b1;
          row <= '0;
        end else if (output_layer && 32'(row) + 32'd1 == 32'(shape.vocabulary)) begin
          score_lane <= '0;
          score_token <= '0;
          state <= SCORES;
        end else begin
          row <= row + 13'd1;
        end
      end
    end
  endtask

  // Writes hidden unit `row` of a lane (a byte with bit 7 clear, so it multiplies as int8).
  task automatic store_hidden(input int lane, input logic [6:0] unit);
    hidden_rows[lane * HIDDEN_ROWS + 32'(row[12:6])] =
        hidden_rows[lane * HIDDEN_ROWS + 32'(row[12:6])] & ~(ROW_BITS'(8'hFF) << {row[5:0], 3'b000}) |
        ROW_BITS'(unit) << {row[5:0], 3'b000};
  endtask
  /* verilator lint_on BLKSEQ */

  // One (position, token) score per edge into the probability unit, lane after lane.
  task automatic scores_edge;
    logic last_token, last;
    last_token = score_token + 9'd1 == shape.vocabulary;
    last = last_token && score_lane + 8'd1 == active_lanes;
    logit_valid <= 1'b1;
    logit_position <= pass_first + score_lane;
    logit_token <= score_token[7:0];
    logit <= logits[32'(score_lane) * VOCABULARY_MAX + 32'(score_token)];
    max_logit <= max_logits[32'(score_lane)];
    logit_argmax <= argmaxes[32'(score_lane)];
    logit_last <= last;
    if (last_token) begin
      score_token <= '0;
      score_lane <= score_lane + 8'd1;
    end else begin
      score_token <= score_token + 9'd1;
    end
    if (last) state <= IDLE;
  endtask

  task automatic poison;
    // Icarus 11 cannot cast to an enum, so the unknown state is an implicit conversion.
    /* verilator lint_off ENUMVALUE */
    state <= 'x;
    /* verilator lint_on ENUMVALUE */
    stalled <= 'x;
    weight_request <= 'x;
    logit_valid <= 'x;
    logit_last <= 'x;
    context_address <= 'x;
  endtask

  always_ff @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      idle_outputs();
      context_address <= '0;
      logit_position <= '0;
      logit_token <= '0;
      logit <= '0;
      max_logit <= '0;
      logit_argmax <= '0;
    end else if (!rst) begin
      case (state)
        IDLE: begin
          idle_outputs();
          if (start) begin_pass();
        end
        GATHER: gather_edge();
        MULTIPLY: multiply_edge();
        SCORES: scores_edge();
        default: poison();
      endcase
    end else begin
      poison();
    end
  end

`ifndef SYNTHESIS
  // Errors of docs/accelerator.md (X handling, misuse), reported with the time.
  always @(posedge clk) begin
    if (rst === 1'b0) begin
      if (`UNKNOWN(start) || (start === 1'b1 && `UNKNOWN({base, first_position, positions}))) begin
        $error("%m.start is %b with base %h, first_position %h, positions %h at %0.1f ns", start, base,
               first_position, positions, $realtime);
      end
      if (state == IDLE && start === 1'b1 && (positions == '0 || 32'(positions) > 32'(lanes) ||
          32'(first_position) + 32'(positions) > SCORE_POSITIONS)) begin
        $error("%m: start with %0d positions from position %0d (the engine has %0d lanes and the score store %0d positions) at %0.1f ns",
               positions, first_position, lanes, SCORE_POSITIONS, $realtime);
      end
      if (state == GATHER && gather_wait == '0 && `UNKNOWN(context_token)) begin
        $error("%m.context_token is %b at %0.1f ns", context_token, $realtime);
      end else if (state == GATHER && gather_wait == '0 && 32'(context_token) >= 32'(shape.vocabulary)) begin
        $error("%m: context token %0d is outside the %0d-token vocabulary at %0.1f ns", context_token,
               shape.vocabulary, $realtime);
      end
      if (state == MULTIPLY && (`UNKNOWN(beat_valid) || (beat_valid === 1'b1 && `UNKNOWN(beat)))) begin
        $error("%m.beat is %h (valid %b) at %0.1f ns", beat, beat_valid, $realtime);
      end
    end
  end
`endif

endmodule
