// `tetra sweep`, run in-process on tiny grids: rows against `tetra accel` and the reference
// decoder, the K = 0 baselines, jobs, shards and merge, resuming a cut CSV, TOML grids,
// bad grids, progress and plots.
#include "tests/support/command_run.hpp"

#include "apps/sweep_csv.hpp"
#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/speculative_speedup.hpp"
#include "models/vocabulary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;
namespace fs = std::filesystem;

// A directory of its own for each test, removed afterwards.
class SweepCommand : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / fmt::format("tetra_sweep_{}_{}", test->name(), getpid());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }

  // Runs `tetra sweep` with the grid arguments and `extra`, asserting success.
  CommandRun sweep(const std::vector<std::string>& grid, const std::vector<std::string>& extra) {
    std::vector<std::string> arguments{"sweep"};
    arguments.insert(arguments.end(), grid.begin(), grid.end());
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    CommandRun result = run_tetra(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }

  fs::path directory_;
};

std::string contents(const std::string& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

// The rows of a CSV as column name -> field.
std::vector<std::map<std::string, std::string>> rows_of(const std::string& file) {
  std::istringstream text(contents(file));
  std::string line;
  std::getline(text, line);  // the grid
  std::getline(text, line);
  const std::vector<std::string> columns = apps::csv_fields(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(text, line)) {
    const std::vector<std::string> fields = apps::csv_fields(line);
    EXPECT_EQ(fields.size(), columns.size()) << line;
    std::map<std::string, std::string> row;
    for (std::size_t at = 0; at < columns.size() && at < fields.size(); ++at) row[columns[at]] = fields[at];
    rows.push_back(row);
  }
  return rows;
}

const std::vector<std::string> kGrid{"--tokens", "14", "--k", "0,3", "--mem-bw", "8,16", "--mode", "sample",
                                     "--seed", "5", "--prompt", "the license", "--no-plots"};

TEST_F(SweepCommand, RowsHoldTheAcceleratorsCountersTheBaselineAndTheReferencesAcceptance) {
  sweep(kGrid, {"-o", path("s.csv"), "--jobs", "2"});
  const auto rows = rows_of(path("s.csv"));
  ASSERT_EQ(rows.size(), 4u);
  const models::IntegerModel target(models::load_model(models::default_model_path(models::ModelRole::target),
                                                       models::ModelRole::target));
  const models::IntegerModel draft(models::load_model(models::default_model_path(models::ModelRole::draft),
                                                      models::ModelRole::draft));
  const models::DecodeResult reference = models::decode_speculative(
      target, draft, models::Vocabulary::encode("the license"), {14, 3, models::DecodeMode::sample, 5});
  for (std::size_t point = 0; point < rows.size(); ++point) {
    const auto& row = rows[point];
    EXPECT_EQ(row.at("point"), std::to_string(point));
    EXPECT_EQ(row.at("mem_bw"), point < 2 ? "8" : "16");
    EXPECT_EQ(row.at("k"), point % 2 == 0 ? "0" : "3");
    const CommandRun accel = run_tetra({"accel", "--tokens", "14", "--k", row.at("k"), "--mem-bw", row.at("mem_bw"),
                                        "--mode", "sample", "--seed", "5", "--prompt", "the license", "--json"});
    ASSERT_EQ(accel.exit_code, 0) << accel.err;
    const nlohmann::json report = nlohmann::json::parse(accel.out);
    for (const char* counter : {"cycles", "draft_cycles", "verify_cycles", "stall_cycles", "iterations",
                                "drafted", "accepted", "rejections"}) {
      EXPECT_EQ(row.at(counter), std::to_string(report.at("counters").at(counter).get<std::uint64_t>()))
          << counter;
    }
    // The baseline is the K = 0 row of the same hardware.
    EXPECT_EQ(row.at("baseline_cycles"), rows[point - point % 2].at("cycles"));
    EXPECT_NEAR(std::stod(row.at("speedup")), report.at("speedup").at("measured").get<double>(), 1e-5);
    EXPECT_NEAR(std::stod(row.at("analytic_speedup")), report.at("speedup").at("analytic").get<double>(), 1e-5);
    // Traffic and energy per token, and the baseline's, as tetra accel reports them.
    const auto near = [&](const std::string& column, const nlohmann::json& value) {
      EXPECT_NEAR(std::stod(row.at(column)), value.get<double>(), 1e-5 * value.get<double>()) << column;
    };
    near("offchip_bytes_per_token", report.at("per_token").at("offchip_bytes"));
    near("energy_pj_per_token", report.at("per_token").at("energy_pj"));
    near("baseline_energy_pj_per_token", report.at("baseline_per_token").at("energy_pj"));
    near("baseline_offchip_bytes_per_token", report.at("baseline_per_token").at("offchip_bytes"));
    if (row.at("k") == "0") {
      EXPECT_EQ(row.at("speedup"), "1");
      EXPECT_EQ(row.at("acceptance"), "");  // nothing was tested: no value, not 0
      EXPECT_EQ(row.at("acceptance_at_1"), "");
      continue;
    }
    // Acceptance by position: the reference's acceptances at each position over the
    // tests there; the tests beyond the acceptances add up to the rejections.
    std::uint64_t failed_tests = 0;
    for (std::size_t position = 0; position < 3; ++position) {
      const double rate = std::stod(row.at(fmt::format("acceptance_at_{}", position + 1)));
      ASSERT_GT(rate, 0.0) << position;
      const double tests = static_cast<double>(reference.statistics.accepted_at[position]) / rate;
      EXPECT_NEAR(tests, std::round(tests), 1e-3) << position;
      failed_tests += static_cast<std::uint64_t>(std::round(tests)) - reference.statistics.accepted_at[position];
    }
    EXPECT_EQ(failed_tests, reference.statistics.rejections);
  }
}

TEST_F(SweepCommand, JobsShardsAndMergeGiveTheSameBytes) {
  const std::vector<std::string> grid{"--tokens", "10", "--k", "0..2", "--lanes", "2,8", "--seed", "1,2",
                                      "--mode", "sample", "--no-plots"};
  sweep(grid, {"-o", path("one.csv"), "--jobs", "1"});
  sweep(grid, {"-o", path("three.csv"), "--jobs", "3"});
  EXPECT_EQ(contents(path("one.csv")), contents(path("three.csv")));
  for (const char* shard : {"0", "1", "2"}) {
    sweep(grid, {"-o", path(fmt::format("shard{}.csv", shard)), "--shard", fmt::format("{}/3", shard)});
  }
  const CommandRun merged = run_tetra({"sweep", "merge", "--no-plots", "-o", path("merged.csv"),
                                       path("shard2.csv"), path("shard0.csv"), path("shard1.csv")});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(contents(path("merged.csv")), contents(path("one.csv")));

  const CommandRun gap = run_tetra({"sweep", "merge", "--no-plots", "-o", path("m.csv"), path("shard0.csv"),
                                    path("shard2.csv")});
  EXPECT_EQ(gap.exit_code, 1);
  EXPECT_NE(gap.err.find("4 of the grid's 12 points are in none of the files: 1, 4, 7, 10"), std::string::npos)
      << gap.err;
  const CommandRun overlap = run_tetra({"sweep", "merge", "--no-plots", "-o", path("m.csv"), path("shard0.csv"),
                                        path("one.csv")});
  EXPECT_NE(overlap.err.find("point 0 is in both"), std::string::npos) << overlap.err;
  sweep({"--tokens", "10", "--k", "0..2", "--lanes", "2,8", "--seed", "1,2", "--no-plots"},
        {"-o", path("greedy.csv"), "--shard", "1/3"});
  const CommandRun other = run_tetra({"sweep", "merge", "--no-plots", "-o", path("m.csv"), path("shard0.csv"),
                                      path("greedy.csv"), path("shard2.csv")});
  EXPECT_NE(other.err.find("greedy.csv is a sweep of another grid"), std::string::npos) << other.err;
  EXPECT_FALSE(fs::exists(path("m.csv")));
}

TEST_F(SweepCommand, ResumesACutCsvWithoutRedoingOrDuplicatingPoints) {
  const std::vector<std::string> grid{"--tokens", "8", "--k", "0..2", "--seed", "1..2", "--no-plots"};
  sweep(grid, {"-o", path("full.csv")});
  const std::string full = contents(path("full.csv"));
  const std::size_t preamble = full.find('\n', full.find('\n') + 1) + 1;
  // Cut inside a row, just after a row, and after the preamble alone.
  for (const std::size_t cut : {full.size() - 7, full.rfind('\n', full.size() - 2) + 1, preamble}) {
    std::ofstream(path("cut.csv"), std::ios::binary) << full.substr(0, cut);
    const CommandRun resumed = sweep(grid, {"-o", path("cut.csv")});
    EXPECT_EQ(contents(path("cut.csv")), full) << cut;
    const std::size_t kept = static_cast<std::size_t>(std::count(full.begin(), full.begin() + cut, '\n')) - 2;
    EXPECT_NE(resumed.out.find(fmt::format("({} run now, {} from", 6 - kept, kept)), std::string::npos)
        << resumed.out;
  }
  // A CSV of another grid is refused, not overwritten.
  const CommandRun other = run_tetra({"sweep", "--k", "0..3", "--no-plots", "-o", path("full.csv")});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.err.find("holds a sweep of another grid"), std::string::npos) << other.err;
  EXPECT_EQ(contents(path("full.csv")), full);
}

TEST_F(SweepCommand, ATomlGridIsTheCommandLinesGrid) {
  std::ofstream(path("grid.toml")) << "# a study\nk = \"0..1\"\nmem_bw = [8, 16]\nmode = \"greedy\"\n"
                                      "prompt = [\"the \", \"a, \\\"b\\\"\"]\ntokens = 6\n";
  sweep({"--grid", path("grid.toml"), "--no-plots"}, {"-o", path("toml.csv")});
  sweep({"--k", "0..1", "--mem-bw", "8,16", "--tokens", "6", "--prompt", "the ", "--prompt", "a, \"b\"",
         "--no-plots"},
        {"-o", path("cli.csv")});
  EXPECT_EQ(contents(path("toml.csv")), contents(path("cli.csv")));
  EXPECT_EQ(rows_of(path("cli.csv")).at(2).at("prompt"), "a, \"b\"");
}

TEST_F(SweepCommand, RefusesABadGridNamingTheKeyBeforeAnyWork) {
  const auto refusal = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "sweep");
    arguments.insert(arguments.end(), {"-o", path("bad.csv")});
    const CommandRun result = run_tetra(arguments);
    EXPECT_NE(result.exit_code, 0);
    EXPECT_FALSE(fs::exists(path("bad.csv")));
    return result.err;
  };
  EXPECT_EQ(refusal({"--k", "4..2"}), "tetra sweep: error: k: the range '4..2' is empty: its end is below its start\n");
  EXPECT_EQ(refusal({"--k", "65"}), "tetra sweep: error: k: expected a decimal integer in 0..64, found '65'\n");
  EXPECT_NE(refusal({"--mem-bw", "8,3"}).find("mem_bw: 3 does not fit"), std::string::npos);
  EXPECT_NE(refusal({"--mem-latency", "5000"}).find("mem_latency: 5000 does not fit"), std::string::npos);
  EXPECT_NE(refusal({"--mode", "greedy,fast"}).find("mode: 'fast' is not a mode"), std::string::npos);
  EXPECT_NE(refusal({"--seed", "1,1"}).find("seed: 1 appears twice"), std::string::npos);
  EXPECT_NE(refusal({"--models", path("none.hex"), path("none.hex")}).find("models: "), std::string::npos);
  EXPECT_NE(refusal({"--shard", "3/3"}).find("--shard"), std::string::npos);
  std::ofstream(path("bad.toml")) << "k = [1, 2]\n\nlane = 4\n";
  EXPECT_EQ(refusal({"--grid", path("bad.toml")}),
            fmt::format("tetra sweep: error: {}:3: unknown key 'lane'; the keys are models, lanes, mem_bw, "
                        "mem_latency, draft_bw, mode, prompt, seed, k, tokens, energy_preset, mac_pj, "
                        "sram_pj, offchip_pj\n",
                        path("bad.toml")));
  std::ofstream(path("empty.toml")) << "k = []\n";
  EXPECT_NE(refusal({"--grid", path("empty.toml")}).find("empty.toml:1: k: the list is empty"), std::string::npos);
  const auto toml_refusal = [&](const std::string& text) {
    std::ofstream(path("energy.toml")) << text;
    return refusal({"--grid", path("energy.toml")});
  };
  const std::string file = path("energy.toml");
  EXPECT_EQ(toml_refusal("k = 0\nenergy_preset = \"ddr9\"\n"),
            fmt::format("tetra sweep: error: {}:2: energy_preset: energy preset 'ddr9' does not exist "
                        "(presets: horowitz45, hbm2)\n",
                        file));
  EXPECT_EQ(toml_refusal("energy_preset = 45\n"),
            fmt::format("tetra sweep: error: {}:1: energy_preset: expected the name of a preset, a string\n", file));
  EXPECT_EQ(toml_refusal("mac_pj = -0.5\n"),
            fmt::format("tetra sweep: error: {}:1: mac_pj: expected a finite decimal number >= 0, found '-0.5'\n",
                        file));
  EXPECT_EQ(toml_refusal("offchip_pj = inf\n"),
            fmt::format("tetra sweep: error: {}:1: offchip_pj: expected a finite decimal number >= 0, found 'inf'\n",
                        file));
  EXPECT_EQ(toml_refusal("sram_pj = \"1.25\"\n"),
            fmt::format("tetra sweep: error: {}:1: sram_pj: expected a number of picojoules\n", file));
}

TEST_F(SweepCommand, ATomlGridSetsTheEnergyModelAndOptionsOverrideItKeyByKey) {
  // The energy model as the CSV's grid line records it.
  const auto energy_of = [&](const std::string& csv) {
    std::ifstream stream(csv);
    std::string line;
    std::getline(stream, line);
    return nlohmann::json::parse(line.substr(line.find('{'))).at("energy");
  };
  std::ofstream(path("energy.toml")) << "k = 0\ntokens = 3\nenergy_preset = \"hbm2\"\nmac_pj = 0.5\nsram_pj = 2\n";
  sweep({"--grid", path("energy.toml"), "--no-plots"}, {"-o", path("toml.csv")});
  EXPECT_EQ(energy_of(path("toml.csv")),
            (nlohmann::json{{"preset", "hbm2"}, {"mac_pj", 0.5}, {"sram_byte_pj", 2.0}, {"offchip_byte_pj", 3.97 * 8}}));
  sweep({"--k", "0", "--tokens", "3", "--energy-preset", "hbm2", "--mac-pj", "0.5", "--sram-pj", "2", "--no-plots"},
        {"-o", path("cli.csv")});
  EXPECT_EQ(contents(path("toml.csv")), contents(path("cli.csv")));
  // Another preset on the command line keeps the file's own costs; a cost replaces the file's.
  sweep({"--grid", path("energy.toml"), "--energy-preset", "horowitz45", "--sram-pj", "3", "--no-plots"},
        {"-o", path("both.csv")});
  EXPECT_EQ(energy_of(path("both.csv")),
            (nlohmann::json{{"preset", "horowitz45"}, {"mac_pj", 0.5}, {"sram_byte_pj", 3.0}, {"offchip_byte_pj", 162.5}}));
  EXPECT_NE(rows_of(path("both.csv")).at(0).at("energy_pj_per_token"), rows_of(path("toml.csv")).at(0).at("energy_pj_per_token"));
}

TEST_F(SweepCommand, ProgressIsPlainLinesWhenStderrIsNotATerminal) {
  const CommandRun result = sweep({"--tokens", "4", "--k", "0,1", "--no-plots"}, {"-o", path("p.csv")});
  EXPECT_EQ(result.err.find('\r'), std::string::npos);
  EXPECT_NE(result.err.find("tetra sweep: 2/2 points, "), std::string::npos) << result.err;
}

TEST_F(SweepCommand, PlotsArePngAndSvgWithLabelsAndTheFixedParameters) {
  const CommandRun result = sweep({"--tokens", "6", "--k", "0..2", "--mem-bw", "8,16"}, {"-o", path("p.csv")});
  for (const char* plot : {"speedup", "tokens-per-cycle", "acceptance", "energy"}) {
    for (const char* extension : {".png", ".svg"}) {
      const std::string image = path(fmt::format("p-{}{}", plot, extension));
      EXPECT_GT(fs::exists(image) ? fs::file_size(image) : 0, 1000u) << image;
      EXPECT_NE(result.out.find(image), std::string::npos);
    }
  }
  const std::string svg = contents(path("p-speedup.svg"));
  for (const char* text : {"draft length K (tokens)", "speedup (cycles at K = 0 / cycles)",
                           "mem_bw 8 bytes/cycle: measured", "mem_bw 16 bytes/cycle: analytic",
                           "lanes 8, mem_latency 32 cycles"}) {
    EXPECT_NE(svg.find(text), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace tetra
