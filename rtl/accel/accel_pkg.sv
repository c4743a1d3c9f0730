`timescale 1ns / 1ps
// Types, limits and arithmetic shared by every block of the accelerator RTL, and the
// layout of the model files the ROMs read (docs/models.md, "File format").
package accel_pkg;

  // Limits of docs/accelerator.md, "Parameters": fixed by the contract, not by a build.
  localparam int MAX_DRAFT_LENGTH = 64;                  // K; score stores hold K + 1 positions
  localparam int SCORE_POSITIONS = MAX_DRAFT_LENGTH + 1;
  localparam int CONTEXT_DEPTH = 256;                    // entries of the context ring
  localparam int OUTPUT_FIFO_DEPTH = 128;
  localparam int MAX_BEAT_BYTES = 64;                    // the beat bus is 512 bits
  localparam int MAX_MEMORY_LATENCY = 4096;
  localparam int EXP_TABLE_SIZE = 256;

  typedef logic [7:0] token_t;
  typedef logic [31:0] token_index_t;   // a history index; negative ones are padding
  typedef logic [7:0] position_t;       // a score-store position, 0..K
  typedef logic [15:0] count16_t;
  typedef logic [31:0] logit_t;         // int32, two's complement
  typedef logic [15:0] mass_t;
  typedef logic [31:0] total_t;
  typedef logic [63:0] counter_t;
  typedef logic [8 * MAX_BEAT_BYTES - 1:0] beat_t;  // byte i in bits [8i+7:8i]
  typedef logic [1:0] sample_source_t;

  // What the token sampler draws from.
  localparam sample_source_t SOURCE_DRAFT = 2'd0;     // the draft's masses q
  localparam sample_source_t SOURCE_TARGET = 2'd1;    // the target's masses p
  localparam sample_source_t SOURCE_RESIDUAL = 2'd2;  // max(0, p Sq - q Sp)

  // A model's dimensions and shifts, from its file header. `inputs` is C * E.
  typedef struct packed {
    logic [8:0] vocabulary;
    logic [7:0] context_length;
    logic [12:0] embedding;
    logic [12:0] hidden;
    logic [19:0] inputs;
    logic [4:0] hidden_shift;
    logic [4:0] mass_shift;
  } model_shape_t;
  localparam int MODEL_SHAPE_BITS = 9 + 8 + 13 + 13 + 20 + 5 + 5;  // $bits(model_shape_t)

  // ---- Random numbers (docs/models.md, "Random numbers") ----

  localparam logic [63:0] GOLDEN_GAMMA = 64'h9E3779B97F4A7C15;

  // SplitMix64's finalizer of seed + gamma; a zero result (xorshift's fixed point) is
  // replaced by gamma.
  function automatic logic [63:0] seeded_state(input logic [63:0] seed);
    logic [63:0] z;
    z = seed + GOLDEN_GAMMA;
    z = (z ^ (z >> 30)) * 64'hBF58476D1CE4E5B9;
    z = (z ^ (z >> 27)) * 64'h94D049BB133111EB;
    z = z ^ (z >> 31);
    seeded_state = z != 64'd0 ? z : GOLDEN_GAMMA;
  endfunction

  // One xorshift64 (13, 7, 17) step.
  function automatic logic [63:0] xorshift(input logic [63:0] state);
    logic [63:0] s;
    s = state ^ (state << 13);
    s = s ^ (s >> 7);
    xorshift = s ^ (s << 17);
  endfunction

  // ---- Model file layout (docs/models.md, "File format") ----

  // Each function of a model's shape reads the fields it needs.
  /* verilator lint_off UNUSEDSIGNAL */

  localparam int HEADER_WORDS = 10;
  localparam logic [31:0] MODEL_MAGIC = 32'h54455452;
  localparam logic [31:0] MODEL_VERSION = 32'd1;

  // The sections a ROM can hold.
  localparam int SECTION_EMBEDDING = 0;         // V rows of E int8
  localparam int SECTION_HIDDEN_BIAS = 1;       // H int32
  localparam int SECTION_OUTPUT_BIAS = 2;       // V int32
  localparam int SECTION_EXP_TABLE = 3;         // 256 uint16
  localparam int SECTION_STREAMED_WEIGHTS = 4;  // hidden then output weights, 64-byte rows

  // Bytes of the streamed image (both weight matrices): H rows of C*E, V rows of H.
  function automatic logic [31:0] streamed_bytes(input logic [12:0] hidden,
                                                 input logic [19:0] inputs,
                                                 input logic [8:0] vocabulary);
    streamed_bytes = 32'(hidden) * (32'(inputs) + 32'(vocabulary));
  endfunction

`ifndef SYNTHESIS
  // Where each section starts, for the ROMs' loaders (simulation only).
  localparam int EMBEDDING_OFFSET = HEADER_WORDS;

  function automatic int hidden_weights_offset(input model_shape_t shape);
    hidden_weights_offset = EMBEDDING_OFFSET + 32'(shape.vocabulary) * 32'(shape.embedding);
  endfunction

  function automatic int hidden_bias_offset(input model_shape_t shape);
    hidden_bias_offset = hidden_weights_offset(shape) + 32'(shape.hidden) * 32'(shape.inputs);
  endfunction

  function automatic int output_weights_offset(input model_shape_t shape);
    output_weights_offset = hidden_bias_offset(shape) + 32'(shape.hidden);
  endfunction

  function automatic int output_bias_offset(input model_shape_t shape);
    output_bias_offset = output_weights_offset(shape) + 32'(shape.vocabulary) * 32'(shape.hidden);
  endfunction

  function automatic int exp_table_offset(input model_shape_t shape);
    exp_table_offset = output_bias_offset(shape) + 32'(shape.vocabulary);
  endfunction

  // Words in the whole file, the checksum included.
  function automatic int model_words(input model_shape_t shape);
    model_words = exp_table_offset(shape) + EXP_TABLE_SIZE + 1;
  endfunction

  typedef logic [HEADER_WORDS - 1:0][31:0] model_header_t;

  // A model file's header words (word i in element i); `complete` is 0 when the file is
  // missing or ends before the header does.
  typedef struct packed {
    model_header_t words;
    logic complete;
  } model_header_read_t;

  // Reads the header as $readmemh reads words: hex words separated by white space, a
  // `//` comment running to the end of its line.
  function automatic model_header_read_t read_model_header(input string path);
    model_header_read_t header;
    logic [8 * 256 - 1:0] rest_of_line;  // a vector: Icarus 11 reads lines into vectors only
    int file, found, code;
    logic [31:0] word;
    header.words = '0;
    found = 0;
    file = $fopen(path, "r");
    if (file != 0) begin
      code = 0;
      while (found < HEADER_WORDS && code >= 0) begin
        code = $fscanf(file, "%h", word);
        if (code == 1) begin
          header.words = header.words | ($bits(model_header_t))'(word) << (32 * found);
          found = found + 1;
        end else if (code == 0) begin
          code = $fgets(rest_of_line, file) > 0 ? 0 : -1;
        end
      end
      $fclose(file);
    end
    header.complete = found == HEADER_WORDS;
    read_model_header = header;
  endfunction

  function automatic model_shape_t shape_of(input model_header_t header);
    model_shape_t shape;
    shape.vocabulary = header[3][8:0];
    shape.context_length = header[4][7:0];
    shape.embedding = header[5][12:0];
    shape.hidden = header[6][12:0];
    shape.inputs = 20'(header[4][7:0] * header[5][12:0]);
    shape.hidden_shift = header[7][4:0];
    shape.mass_shift = header[8][4:0];
    shape_of = shape;
  endfunction
`endif
  /* verilator lint_on UNUSEDSIGNAL */

endpackage
