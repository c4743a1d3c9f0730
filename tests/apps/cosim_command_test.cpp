// `tetra cosim`, run in-process: the kernel model and the Verilated RTL in lockstep,
// its text and JSON reports, both waveforms, a divergence and bad arguments.
#include "tests/support/command_run.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/trace/vcd_reader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;

std::vector<models::Token> reference(const std::string& prompt, const models::DecodeOptions& options) {
  const models::IntegerModel target(
      models::load_model(models::default_model_path(models::ModelRole::target), models::ModelRole::target));
  const models::IntegerModel draft(
      models::load_model(models::default_model_path(models::ModelRole::draft), models::ModelRole::draft));
  return models::decode_speculative(target, draft, models::Vocabulary::encode(prompt), options).tokens;
}

std::filesystem::path temporary(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("tetra_cosim_command_" + std::to_string(::getpid()) + "_" + name);
}

TEST(CosimCommand, JsonHasTheReferenceTokensTheAgreementAndEachSidesSpeed) {
  const CommandRun result = run_tetra({"cosim", "--prompt", "The license", "--tokens", "14", "--k", "6", "--mode",
                                       "sample", "--seed", "9", "--lanes", "3", "--mem-bw", "8", "--mem-latency",
                                       "5", "--draft-bw", "4", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  const auto ids = report.at("token_ids").get<std::vector<models::Token>>();
  EXPECT_EQ(ids, reference("The license", {14, 6, models::DecodeMode::sample, 9}));
  EXPECT_EQ(report.at("hardware").at("lanes"), 3);
  EXPECT_EQ(report.at("hardware").at("memory_latency"), 5);
  const nlohmann::json& agreement = report.at("agreement");
  EXPECT_EQ(agreement.at("divergences"), 0);
  EXPECT_EQ(agreement.at("signals"), 25);  // 4 host-side outputs, 9 performance and 12 traffic counters
  EXPECT_EQ(agreement.at("cycles"), report.at("clock_cycles"));
  EXPECT_GT(report.at("counters").at("cycles").get<std::uint64_t>(), 1000u);
  EXPECT_LT(report.at("counters").at("cycles").get<std::uint64_t>(), report.at("clock_cycles").get<std::uint64_t>());
  for (const char* side : {"kernel", "rtl", "lockstep"}) {
    EXPECT_GT(report.at("cycles_per_second").at(side).get<double>(), 0.0) << side;
  }
}

TEST(CosimCommand, TextReportShowsTheTokensTheAgreementAndTheSpeeds) {
  const CommandRun result = run_tetra({"cosim", "--prompt", "free software", "--tokens", "8"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<models::Token> expected = reference("free software", {8, 4, models::DecodeMode::greedy, 1});
  EXPECT_EQ(result.out.rfind("free software" + models::Vocabulary::decode(expected) + "\n", 0), 0u) << result.out;
  for (const char* line : {"lockstep: K = 4, mode greedy, seed 1; 8 lanes, 16 bytes/cycle, latency 32 cycles",
                           "tokens: 8, the same from the kernel model, the RTL and models::decode_speculative",
                           "25 signal pairs: 0 divergences, 0 resolved by RTL", "kernel model alone",
                           "Verilated RTL alone", "lockstep (both, one simulation)"}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << " missing from\n" << result.out;
  }
}

TEST(CosimCommand, WritesTheKernelTraceAndVerilatorsTraceOfTheRtl) {
  const std::filesystem::path vcd = temporary("kernel.vcd"), rtl_vcd = temporary("rtl.vcd");
  const CommandRun result =
      run_tetra({"cosim", "--tokens", "3", "--k", "2", "--vcd", vcd.string(), "--rtl-vcd", rtl_vcd.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const VcdReader kernel = VcdReader::read(vcd);
  const VcdReader rtl = VcdReader::read(rtl_vcd);
  std::filesystem::remove(vcd);
  std::filesystem::remove(rtl_vcd);
  // Both sides' ports in the kernel's trace; the RTL's insides in Verilator's.
  const std::uint64_t end = kernel.timestamps().back();
  EXPECT_EQ(kernel.value_at("TOP.done", end), "1");
  EXPECT_EQ(kernel.value_at("TOP.rtl_done", end), "1");
  EXPECT_EQ(kernel.value_at("TOP.rtl_emitted", end), std::string(62, '0') + "11");  // 64-bit 3
  EXPECT_NE(std::find(kernel.scopes().begin(), kernel.scopes().end(), "accelerator.controller"),
            kernel.scopes().end());
  EXPECT_TRUE(std::any_of(rtl.scopes().begin(), rtl.scopes().end(),
                          [](const std::string& scope) { return scope.find("controller") != std::string::npos; }));
  EXPECT_EQ(rtl.timestamps().back(), end) << "one time base";
}

TEST(CosimCommand, ADivergenceFailsWithTheReport) {
  const CommandRun result = run_tetra({"cosim", "--tokens", "8", "--rtl-plusarg", "+fault_push=2"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err.rfind("tetra cosim: error: at ", 0), 0u) << result.err;
  for (const char* part : {"in rtl.out_token: lockstep lockstep: cycle ", "known bits differ",
                           "tetra accelerator.out_token = 8'h", "rtl   rtl.out_token = 8'h", "<- differs"}) {
    EXPECT_NE(result.err.find(part), std::string::npos) << part << " missing from\n" << result.err;
  }
}

TEST(CosimCommand, BadArgumentsFailWithTheReason) {
  const CommandRun bandwidth = run_tetra({"cosim", "--mem-bw", "24"});
  EXPECT_EQ(bandwidth.exit_code, 1);
  EXPECT_EQ(bandwidth.err,
            "tetra cosim: error: memory bandwidth (bytes per cycle) is 24; it must be a power of two from 1 to 64\n");
  const CommandRun lanes = run_tetra({"cosim", "--lanes", "66"});
  EXPECT_NE(lanes.exit_code, 0);
  EXPECT_NE(lanes.err.find("--lanes: expected a decimal integer in 1..65, found '66'"), std::string::npos)
      << lanes.err;
  const CommandRun missing = run_tetra({"cosim", "--target", "/nonexistent/target.hex"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err.rfind("tetra cosim: error: ", 0), 0u) << missing.err;
  const CommandRun plusarg = run_tetra({"cosim", "--rtl-plusarg", "fault_push=2"});
  EXPECT_NE(plusarg.exit_code, 0);
  EXPECT_NE(plusarg.err.find("expected +NAME or +NAME=VALUE, found 'fault_push=2'"), std::string::npos)
      << plusarg.err;
  const CommandRun empty = run_tetra({"cosim", "--rtl-vcd", ""});
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.err.find("--rtl-vcd: expected a file name, found ''"), std::string::npos) << empty.err;
}

}  // namespace
}  // namespace tetra
