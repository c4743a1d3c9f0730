`timescale 1ns / 1ps
// A read-only table of one model: a section of the model file named by the `+ROLE=FILE`
// plusarg (ROLE is "target" or "draft"), loaded with $readmemh, read combinationally.
// Entry i packs ELEMENTS elements of ELEMENT_BITS bits, element k in bits
// [k*ELEMENT_BITS +: ELEMENT_BITS]; elements past the model's row length are 0.
// Synthesis treats this module as a black box (an on-chip ROM or SRAM macro).
`ifdef SYNTHESIS
(* blackbox *)
`endif
module model_rom
  import accel_pkg::*;
#(
  parameter ROLE = "target",
  parameter int SECTION = SECTION_EMBEDDING,
  parameter int ELEMENT_BITS = 16,
  parameter int ELEMENTS = 1,
  parameter int ENTRIES = 256,
  parameter int FILE_WORDS = 1,  // the largest model file this build reads
  localparam int ADDRESS_BITS = ENTRIES > 1 ? $clog2(ENTRIES) : 1
) (
  input logic [ADDRESS_BITS - 1:0] address,
  output logic [ELEMENTS * ELEMENT_BITS - 1:0] data
);
  logic [ELEMENTS * ELEMENT_BITS - 1:0] entries [ENTRIES];

  assign data = entries[address];

`ifndef SYNTHESIS
  logic [31:0] words [FILE_WORDS];

  // Each function of a model's shape reads the fields it needs.
  /* verilator lint_off UNUSEDSIGNAL */

  // The file word that holds element k of entry i, or -1 for padding past the row.
  function automatic int word_of(input model_shape_t model, input int i, input int k);
    int byte_index;
    case (SECTION)
      SECTION_EMBEDDING:
        return k < 32'(model.embedding) ? EMBEDDING_OFFSET + i * 32'(model.embedding) + k
                                         : -1;
      SECTION_HIDDEN_BIAS: return hidden_bias_offset(model) + i;
      SECTION_OUTPUT_BIAS: return output_bias_offset(model) + i;
      SECTION_EXP_TABLE: return exp_table_offset(model) + i;
      default: begin  // SECTION_STREAMED_WEIGHTS
        byte_index = i * ELEMENTS + k;
        if (byte_index >= streamed_bytes(model.hidden, model.inputs, model.vocabulary)) return -1;
        if (byte_index < 32'(model.hidden) * 32'(model.inputs)) begin
          return hidden_weights_offset(model) + byte_index;
        end
        return output_weights_offset(model) + byte_index - 32'(model.hidden) * 32'(model.inputs);
      end
    endcase
  endfunction

  // Entries the model fills (the rest stay X: never read).
  function automatic int entries_used(input model_shape_t model);
    case (SECTION)
      SECTION_EMBEDDING, SECTION_OUTPUT_BIAS: return 32'(model.vocabulary);
      SECTION_HIDDEN_BIAS: return 32'(model.hidden);
      SECTION_EXP_TABLE: return EXP_TABLE_SIZE;
      default: return (streamed_bytes(model.hidden, model.inputs, model.vocabulary) + ELEMENTS - 1) / ELEMENTS;
    endcase
  endfunction

  /* verilator lint_on UNUSEDSIGNAL */

  initial begin
    string path;
    model_header_read_t header;
    model_shape_t shape;
    int word;
    if ($value$plusargs({ROLE, "=%s"}, path)) begin
      header = read_model_header(path);
      shape = shape_of(header.words);
      // The accelerator checks the file against this build and stops with the reason; a
      // file that does not fit is not loaded here.
      if (header.complete && model_words(shape) <= FILE_WORDS && entries_used(shape) <= ENTRIES) begin
        $readmemh(path, words, 0, model_words(shape) - 1);
        for (int i = 0; i < entries_used(shape); i++) begin
          for (int k = 0; k < ELEMENTS; k++) begin
            word = word_of(shape, i, k);
            entries[i][k * ELEMENT_BITS +: ELEMENT_BITS] =
                word < 0 ? '0 : words[word][ELEMENT_BITS - 1:0];
          end
        end
      end
    end
  end
`endif

endmodule
