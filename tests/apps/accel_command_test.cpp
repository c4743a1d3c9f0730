// `tetra accel`, run in-process: JSON and text reports, the K = 0 baseline, the VCD and
// FST of the whole hierarchy, and bad arguments.
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
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;

models::DecodeResult reference(const std::string& prompt, const models::DecodeOptions& options) {
  const models::IntegerModel target(models::load_model(
      models::default_model_path(models::ModelRole::target), models::ModelRole::target));
  const models::IntegerModel draft(models::load_model(
      models::default_model_path(models::ModelRole::draft), models::ModelRole::draft));
  return models::decode_speculative(target, draft, models::Vocabulary::encode(prompt), options);
}

TEST(AccelCommand, JsonHasTheReferenceTokensTheCountersAndTheSpeedupOverKZero) {
  const CommandRun result = run_tetra({"accel", "--prompt", "The license", "--tokens", "25", "--k", "3",
                                 "--mode", "sample", "--seed", "9", "--lanes", "4", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  const auto ids = report.at("token_ids").get<std::vector<models::Token>>();
  const models::DecodeResult expected =
      reference("The license", {25, 3, models::DecodeMode::sample, 9});
  EXPECT_EQ(ids, expected.tokens);
  EXPECT_EQ(report.at("text").get<std::string>(), models::Vocabulary::decode(ids));
  EXPECT_EQ(report.at("hardware").at("lanes"), 4);
  const nlohmann::json& counters = report.at("counters");
  EXPECT_EQ(counters.at("emitted"), 25);
  EXPECT_EQ(counters.at("accepted"), expected.statistics.accepted());
  EXPECT_EQ(counters.at("rejections"), expected.statistics.rejections);
  const nlohmann::json& baseline = report.at("baseline");
  EXPECT_EQ(baseline.at("drafted"), 0);
  EXPECT_EQ(baseline.at("iterations"), 25);
  EXPECT_DOUBLE_EQ(report.at("speedup").at("measured").get<double>(),
                   baseline.at("cycles").get<double>() / counters.at("cycles").get<double>());
  EXPECT_GT(report.at("speedup").at("analytic").get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(report.at("tokens_per_cycle").get<double>(),
                   25.0 / counters.at("cycles").get<double>());
}

TEST(AccelCommand, JsonReportsTrafficAndEnergyPerTokenWithThePresetAndOverrides) {
  const CommandRun result = run_tetra({"accel", "--tokens", "6", "--k", "2", "--energy-preset", "hbm2",
                                       "--mac-pj", "1", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  const nlohmann::json& costs = report.at("energy_costs");
  EXPECT_EQ(costs.at("preset"), "hbm2");
  EXPECT_DOUBLE_EQ(costs.at("mac_pj").get<double>(), 1.0);  // the override
  EXPECT_DOUBLE_EQ(costs.at("offchip_byte_pj").get<double>(), 3.97 * 8);
  const auto total = [](const nlohmann::json& split) {
    return split.at("draft").get<double>() + split.at("verify").get<double>();
  };
  for (const char* run : {"", "baseline_"}) {
    const nlohmann::json& traffic = report.at(std::string(run) + "traffic");
    const nlohmann::json& per_token = report.at(std::string(run) + "per_token");
    const double energy = total(traffic.at("macs")) * costs.at("mac_pj").get<double>() +
                          (total(traffic.at("sram_read_bytes")) + total(traffic.at("sram_write_bytes"))) *
                              costs.at("sram_byte_pj").get<double>() +
                          total(traffic.at("offchip_bytes")) * costs.at("offchip_byte_pj").get<double>();
    EXPECT_NEAR(per_token.at("energy_pj").get<double>(), energy / 6, 1e-6 * energy) << run;
    EXPECT_DOUBLE_EQ(per_token.at("offchip_bytes").get<double>(), total(traffic.at("offchip_bytes")) / 6) << run;
  }
  EXPECT_EQ(report.at("baseline_traffic").at("macs").at("rejected"), 0);
  const CommandRun unknown = run_tetra({"accel", "--energy-preset", "ddr9"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("--energy-preset"), std::string::npos) << unknown.err;
  const CommandRun negative = run_tetra({"accel", "--sram-pj", "-1"});
  EXPECT_NE(negative.exit_code, 0);
  EXPECT_NE(negative.err.find("--sram-pj"), std::string::npos) << negative.err;
}

TEST(AccelCommand, TextReportShowsTheTextCyclesAcceptanceAndBothSpeedups) {
  const CommandRun result = run_tetra({"accel", "--prompt", "free software", "--tokens", "12"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const models::DecodeResult expected =
      reference("free software", {12, 4, models::DecodeMode::greedy, 1});
  EXPECT_EQ(result.out.rfind("free software" + models::Vocabulary::decode(expected.tokens) + "\n",
                             0),
            0u)
      << result.out;
  for (const char* line : {"accelerator: K = 4, mode greedy, seed 1; 8 lanes, 16 bytes/cycle, "
                           "latency 32 cycles",
                           "12 tokens", "acceptance", "K = 0 on the same hardware",
                           "speedup over K = 0", "per token: off-chip ",
                           "energy per token (horowitz45): "}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << " missing from\n" << result.out;
  }
}

TEST(AccelCommand, VcdAndFstTraceEveryBlockOfTheHierarchy) {
  const std::filesystem::path base = std::filesystem::temp_directory_path() /
                                     ("tetra_accel_command_" + std::to_string(::getpid()));
  const std::filesystem::path vcd = base.string() + ".vcd", fst = base.string() + ".fst",
                              fst_as_vcd = base.string() + "_fst.vcd";
  const CommandRun result = run_tetra(
      {"accel", "--tokens", "3", "--k", "2", "--vcd", vcd.string(), "--fst", fst.string(), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // GTKWave's own converter reads the FST.
  const std::string convert = "'" TETRA_FST2VCD "' '" + fst.string() + "' -o '" + fst_as_vcd.string() + "' > /dev/null";
  const int convert_status = std::system(convert.c_str());
  const VcdReader trace = VcdReader::read(vcd);
  std::filesystem::remove(vcd);
  std::filesystem::remove(fst);
  ASSERT_EQ(convert_status, 0) << convert;
  const VcdReader fst_trace = VcdReader::read(fst_as_vcd);
  std::filesystem::remove(fst_as_vcd);
  for (const char* scope :
       {"accelerator.host", "accelerator.context", "accelerator.draft_weights",
        "accelerator.target_memory", "accelerator.draft_engine", "accelerator.target_engine",
        "accelerator.target_engine.probability", "accelerator.accept", "accelerator.sampler",
        "accelerator.rng", "accelerator.counters", "accelerator.traffic", "accelerator.controller"}) {
    EXPECT_NE(std::find(trace.scopes().begin(), trace.scopes().end(), scope), trace.scopes().end())
        << scope;
  }
  // Three tokens leave through out_valid: it rises at least once and is 0 at the end.
  EXPECT_GE(trace.changes("TOP.out_valid").size(), 2u);
  const std::uint64_t end = trace.timestamps().back();
  EXPECT_EQ(trace.value_at("TOP.done", end), "1");
  EXPECT_EQ(trace.value_at("TOP.emitted", end), std::string(62, '0') + "11");  // 64-bit 3

  // The FST holds the same signals with the same changes.
  EXPECT_EQ(fst_trace.scopes(), trace.scopes());
  ASSERT_EQ(fst_trace.variables().size(), trace.variables().size());
  for (const VcdVariable& variable : trace.variables()) {
    std::vector<std::pair<std::uint64_t, std::string>> ours, theirs;
    for (const VcdChange& change : trace.changes(variable.path())) ours.emplace_back(change.time, change.value);
    for (const VcdChange& change : fst_trace.changes(variable.path())) theirs.emplace_back(change.time, change.value);
    EXPECT_EQ(theirs, ours) << variable.path();
  }
  EXPECT_EQ(fst_trace.timestamps().back(), end);
}

TEST(AccelCommand, BadArgumentsFailWithTheReason) {
  const CommandRun bandwidth = run_tetra({"accel", "--mem-bw", "24"});
  EXPECT_EQ(bandwidth.exit_code, 1);
  EXPECT_EQ(bandwidth.err, "tetra accel: error: memory bandwidth (bytes per cycle) is 24; it "
                           "must be a power of two from 1 to 64\n");
  const CommandRun draft_length = run_tetra({"accel", "--k", "65"});
  EXPECT_NE(draft_length.exit_code, 0);
  EXPECT_NE(draft_length.err.find("--k: expected a decimal integer in 0..64, found '65'"),
            std::string::npos)
      << draft_length.err;
  const CommandRun lanes = run_tetra({"accel", "--lanes", "0"});
  EXPECT_NE(lanes.exit_code, 0);
  EXPECT_NE(lanes.err.find("--lanes"), std::string::npos) << lanes.err;
  const CommandRun mode = run_tetra({"accel", "--mode", "beam"});
  EXPECT_NE(mode.exit_code, 0);
  const CommandRun missing = run_tetra({"accel", "--target", "/nonexistent/target.hex"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err.rfind("tetra accel: error: ", 0), 0u) << missing.err;
}

}  // namespace
}  // namespace tetra
