// `tetra decode` and the command line's handling of bad arguments, run in-process.

#include "tests/support/command_run.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;

TEST(DecodeCommand, PrintsOneJsonObjectWithTextTokensAndStatistics) {
  const CommandRun result = run_tetra({"decode", "--prompt", "The license", "--tokens", "25", "--k", "3",
                          "--mode", "sample", "--seed", "9", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  const std::vector<models::Token> ids = report.at("token_ids").get<std::vector<models::Token>>();
  EXPECT_EQ(ids.size(), 25u);
  EXPECT_EQ(report.at("text").get<std::string>(), models::Vocabulary::decode(ids));
  EXPECT_EQ(report.at("k"), 3);
  EXPECT_EQ(report.at("mode"), "sample");
  EXPECT_EQ(report.at("statistics").at("emitted"), 25);
  EXPECT_EQ(report.at("statistics").at("accepted_at").size(), 3u);
  EXPECT_TRUE(report.at("analytic").contains("walltime_improvement"));

  // The command decodes exactly what the library decodes.
  const models::IntegerModel target(models::load_model(
      models::default_model_path(models::ModelRole::target), models::ModelRole::target));
  const models::IntegerModel draft(models::load_model(
      models::default_model_path(models::ModelRole::draft), models::ModelRole::draft));
  const models::DecodeResult expected = models::decode_speculative(
      target, draft, models::Vocabulary::encode("The license"),
      {25, 3, models::DecodeMode::sample, 9});
  EXPECT_EQ(ids, expected.tokens);
  EXPECT_EQ(report.at("statistics").at("rejections"), expected.statistics.rejections);
}

TEST(DecodeCommand, PrintsTextWithMeasuredBesideAnalytic) {
  const CommandRun result = run_tetra({"decode", "--prompt", "the ", "--tokens", "30", "--k", "4"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("the ", 0), 0u);
  EXPECT_NE(result.out.find("measured  analytic"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("acceptance rate alpha"), std::string::npos);
  EXPECT_NE(result.out.find("emitted 30"), std::string::npos);
}

TEST(CommandLine, RejectsBadArgumentsWithUsageAndNonZeroExit) {
  const std::vector<std::vector<std::string>> bad{
      {},
      {"frobnicate"},
      {"decode"},
      {"decode", "--tokens", "ten"},
      {"decode", "--tokens", "0"},
      {"decode", "--tokens", "5", "--k", "-1"},
      {"decode", "--tokens", "5", "--mode", "beam"},
      {"decode", "--tokens", "5", "--seed", "x"},
      {"decode", "--tokens", "5", "--cost-ratio", "-0.5"},
      {"train", "--corpus", "/nonexistent/corpus.txt"},
  };
  for (const std::vector<std::string>& arguments : bad) {
    const CommandRun result = run_tetra(arguments);
    EXPECT_NE(result.exit_code, 0) << testing::PrintToString(arguments);
    EXPECT_NE(result.err.find("Usage:"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
  }
}

TEST(CommandLine, ReportsAMissingModelFileAsAnError) {
  const CommandRun result = run_tetra({"decode", "--tokens", "5", "--target", "/nonexistent/target.hex"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "tetra decode: error: /nonexistent/target.hex: cannot open the model file: No such "
            "file or directory\n");
}

TEST(CommandLine, PrintsHelpOnRequest) {
  const CommandRun result = run_tetra({"decode", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--prompt"), std::string::npos);
}

}  // namespace
}  // namespace tetra
