`timescale 1ns / 1ps
// Simulation only: reads the accelerator's run-time configuration from plusargs and the
// model files' headers at time 0 (see accelerator.sv), checks it as accel::validate and
// models::load_model do, and against the largest configuration the build holds. Anything
// out of range stops the simulation with a message naming it.
module accelerator_configuration
  import accel_pkg::*;
#(
  parameter int LANES = 65,
  parameter int VOCABULARY_MAX = 256,
  parameter int EMBEDDING_MAX = 64,
  parameter int INPUTS_MAX = 512,
  parameter int HIDDEN_MAX = 256,
  parameter int DEFAULT_LANES = 8,
  parameter int DEFAULT_MEMORY_BYTES_PER_CYCLE = 16,
  parameter int DEFAULT_MEMORY_LATENCY = 32,
  parameter int DEFAULT_DRAFT_BYTES_PER_CYCLE = 16
) (
  output model_shape_t target_shape,
  output model_shape_t draft_shape,
  output logic [6:0] lanes,
  output logic [2:0] memory_beat_shift,
  output logic [12:0] memory_latency,
  output logic [2:0] draft_beat_shift
);
  task automatic reject(input string message);
    $fatal(1, "accelerator: %s", message);
  endtask

  function automatic int integer_plusarg(input string name, input int default_value);
    int value;
    if (!$value$plusargs({name, "=%d"}, value)) return default_value;
    return value;
  endfunction

  // The header of the model file named by +ROLE=FILE, checked; returns its shape.
  task automatic read_model(input string role, input int expected_role, output model_shape_t shape);
    string path;
    model_header_read_t file_header;
    model_header_t header;
    if (!$value$plusargs({role, "=%s"}, path)) reject($sformatf("no %s model: give +%s=FILE", role, role));
    file_header = read_model_header(path);
    header = file_header.words;
    if (!file_header.complete) reject($sformatf("%s: cannot read a model header (10 hex words)", path));
    if (header[0] != MODEL_MAGIC) reject($sformatf("%s: expected magic 54455452, found %h", path, header[0]));
    if (header[1] != MODEL_VERSION) reject($sformatf("%s: expected format version 1, found %0d", path, header[1]));
    if (header[2] != 32'(expected_role)) begin
      reject($sformatf("%s: expected a %s model, found role %0d", path, role, header[2]));
    end
    if (header[3] < 1 || header[3] > 256 || header[4] < 1 || header[4] > 256 || header[5] < 1 ||
        header[5] > 4096 || header[6] < 1 || header[6] > 4096 || header[7] > 31 || header[8] > 31) begin
      reject($sformatf("%s: a header value is out of range (V %0d, C %0d, E %0d, H %0d, shifts %0d %0d)",
                       path, header[3], header[4], header[5], header[6], header[7], header[8]));
    end
    if (header[3] > VOCABULARY_MAX) begin
      reject($sformatf("%s: V = %0d exceeds this build's VOCABULARY_MAX = %0d", path, header[3], VOCABULARY_MAX));
    end
    if (header[5] > EMBEDDING_MAX) begin
      reject($sformatf("%s: E = %0d exceeds this build's EMBEDDING_MAX = %0d", path, header[5], EMBEDDING_MAX));
    end
    if (header[4] * header[5] > INPUTS_MAX) begin
      reject($sformatf("%s: C*E = %0d exceeds this build's INPUTS_MAX = %0d", path, header[4] * header[5],
                       INPUTS_MAX));
    end
    if (header[6] > HIDDEN_MAX) begin
      reject($sformatf("%s: H = %0d exceeds this build's HIDDEN_MAX = %0d", path, header[6], HIDDEN_MAX));
    end
    shape = shape_of(header);
    if (32'(shape.context_length) + MAX_DRAFT_LENGTH + 1 > CONTEXT_DEPTH) begin
      reject($sformatf("a context of %0d tokens does not fit the %0d-entry context ring",
                       shape.context_length, CONTEXT_DEPTH));
    end
  endtask

  // log2 of a beat width that is a power of two from 1 to 64 and divides both row lengths.
  task automatic beat_shift_of(input string name, input int bytes, input logic [19:0] inputs,
                               input logic [12:0] hidden, input string model,
                               output logic [2:0] shift);
    if (bytes < 1 || bytes > MAX_BEAT_BYTES || (bytes & (bytes - 1)) != 0) begin
      reject($sformatf("%s is %0d; it must be a power of two from 1 to %0d", name, bytes, MAX_BEAT_BYTES));
    end
    if (int'(inputs) % bytes != 0 || int'(hidden) % bytes != 0) begin
      reject($sformatf("%s is %0d; it must divide the %s model's row lengths C*E = %0d and H = %0d",
                       name, bytes, model, inputs, hidden));
    end
    shift = 3'($clog2(bytes));
  endtask

  initial begin
    int lane_count, latency;
    if (EMBEDDING_MAX > MAX_BEAT_BYTES) begin
      reject($sformatf("EMBEDDING_MAX is %0d; a build holds at most %0d (one input row)",
                       EMBEDDING_MAX, MAX_BEAT_BYTES));
    end
    read_model("target", 0, target_shape);
    read_model("draft", 1, draft_shape);
    lane_count = integer_plusarg("lanes", DEFAULT_LANES);
    if (lane_count < 1 || lane_count > MAX_DRAFT_LENGTH + 1) begin
      reject($sformatf("lanes is %0d; it must be 1 to %0d", lane_count, MAX_DRAFT_LENGTH + 1));
    end
    if (lane_count > LANES) reject($sformatf("lanes is %0d; this build has LANES = %0d", lane_count, LANES));
    lanes = 7'(lane_count);
    beat_shift_of("memory bandwidth (bytes per cycle)",
                  integer_plusarg("mem_bw", DEFAULT_MEMORY_BYTES_PER_CYCLE), target_shape.inputs,
                  target_shape.hidden, "target", memory_beat_shift);
    beat_shift_of("draft bandwidth (bytes per cycle)",
                  integer_plusarg("draft_bw", DEFAULT_DRAFT_BYTES_PER_CYCLE), draft_shape.inputs,
                  draft_shape.hidden, "draft", draft_beat_shift);
    latency = integer_plusarg("mem_latency", DEFAULT_MEMORY_LATENCY);
    if (latency < 0 || latency > MAX_MEMORY_LATENCY) begin
      reject($sformatf("memory latency is %0d cycles; it must be at most %0d", latency, MAX_MEMORY_LATENCY));
    end
    memory_latency = 13'(latency);
    if (target_shape.vocabulary != draft_shape.vocabulary) begin
      reject($sformatf("the draft model has %0d tokens but the target model has %0d",
                       draft_shape.vocabulary, target_shape.vocabulary));
    end
  end

endmodule
