// The checked-in model files read by Verilog $readmemh (Icarus Verilog), as the RTL will
// read them: the same words, the same checksum, the same signed values.

#include "models/model_file.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tetra::models {
namespace {

constexpr std::size_t kHeaderWords = 10;

struct Offsets {
  std::size_t embedding, hidden_weights, hidden_bias, output_weights, output_bias, exp_table,
      checksum;
};

// Word offsets of docs/models.md, section "File format".
Offsets offsets_of(const ModelShape& shape) {
  Offsets offsets{};
  offsets.embedding = kHeaderWords;
  offsets.hidden_weights = offsets.embedding + shape.vocabulary * shape.embedding;
  offsets.hidden_bias = offsets.hidden_weights + shape.hidden * shape.hidden_inputs();
  offsets.output_weights = offsets.hidden_bias + shape.hidden;
  offsets.output_bias = offsets.output_weights + shape.vocabulary * shape.hidden;
  offsets.exp_table = offsets.output_bias + shape.vocabulary;
  offsets.checksum = offsets.exp_table + kExpTableSize;
  return offsets;
}

std::string run_icarus(const std::string& name, const std::string& verilog) {
  const std::string directory = ::testing::TempDir();
  const std::string source = directory + name + ".v";
  const std::string program = directory + name + ".vvp";
  const std::string output = directory + name + ".out";
  std::ofstream(source) << verilog;
  const std::string command = fmt::format("iverilog -g2012 -o {} {} && vvp -n {} > {}", program,
                                          source, program, output);
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ostringstream text;
  text << std::ifstream(output).rdbuf();
  return text.str();
}

void expect_verilog_reads(ModelRole role) {
  const std::filesystem::path path = default_model_path(role);
  const IntegerModelParameters parameters = load_model(path, role);
  const Offsets at = offsets_of(parameters.shape);
  const std::string verilog = fmt::format(R"(module read_model;
  reg [31:0] words [0:{checksum}];
  reg [31:0] sum;
  integer index;
  initial begin
    $readmemh("{path}", words);
    sum = 0;
    for (index = 0; index < {checksum}; index = index + 1) sum = sum + words[index];
    $display("%0d %0d %0d %0d %0d %0d %0d %0d", sum == words[{checksum}], words[3],
             $signed(words[{embedding}][7:0]), $signed(words[{last_hidden}][7:0]),
             $signed(words[{hidden_bias}]), $signed(words[{output_bias}]),
             words[{exp_table}][15:0], words[{exp_last}][15:0]);
    $finish;
  end
endmodule
)",
      fmt::arg("checksum", at.checksum), fmt::arg("path", path.string()),
      fmt::arg("embedding", at.embedding), fmt::arg("last_hidden", at.hidden_bias - 1),
      fmt::arg("hidden_bias", at.hidden_bias), fmt::arg("output_bias", at.output_bias),
      fmt::arg("exp_table", at.exp_table), fmt::arg("exp_last", at.checksum - 1));
  const std::string expected =
      fmt::format("1 {} {} {} {} {} {} {}\n", parameters.shape.vocabulary, parameters.embedding[0],
                  parameters.hidden_weights.back(), parameters.hidden_bias[0],
                  parameters.output_bias[0], parameters.exp_table[0], parameters.exp_table.back());
  EXPECT_EQ(run_icarus(fmt::format("read_{}", role_name(role)), verilog), expected);
}

TEST(Readmemh, ReadsTheTargetModelFile) { expect_verilog_reads(ModelRole::target); }

TEST(Readmemh, ReadsTheDraftModelFile) { expect_verilog_reads(ModelRole::draft); }

}  // namespace
}  // namespace tetra::models
