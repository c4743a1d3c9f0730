// Bad arguments to every `tetra` command, run in-process: numbers are decimal and range-
// checked, file names are not empty, and each refusal names the option and quotes the
// value as typed; and a report that cannot be written fails the command.
#include "tests/support/command_run.hpp"
#include "tests/support/temp_directory.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;

// The error line of a run that failed while parsing, and checks that it did fail so.
std::string parse_error(const std::vector<std::string>& arguments) {
  const CommandRun result = run_tetra(arguments);
  EXPECT_NE(result.exit_code, 0) << testing::PrintToString(arguments);
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_NE(result.err.find("Usage:"), std::string::npos) << result.err;
  return result.err.substr(0, result.err.find('\n'));
}

TEST(NumberOptions, RefuseANegativeOrOverflowingSeedInsteadOfWrappingIt) {
  for (const char* seed : {"-1", "18446744073709551616", "99999999999999999999999"}) {
    EXPECT_EQ(parse_error({"decode", "--tokens", "3", "--seed", seed}),
              std::string("tetra: --seed: expected a decimal integer in "
                          "0..18446744073709551615, found '") +
                  seed + "'");
  }
}

TEST(NumberOptions, ReadALeadingZeroAsDecimal) {
  const CommandRun result = run_tetra({"decode", "--tokens", "010", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out).at("statistics").at("emitted"), 10);
}

TEST(NumberOptions, RefuseANegativeBandwidthAsTyped) {
  EXPECT_EQ(parse_error({"accel", "--mem-bw", "-1"}),
            "tetra: --mem-bw: expected a decimal integer in 0..18446744073709551615, found "
            "'-1'");
}

TEST(NumberOptions, RefuseANanCostRatioAsNotANumber) {
  EXPECT_EQ(parse_error({"decode", "--tokens", "3", "--cost-ratio", "nan"}),
            "tetra: --cost-ratio: expected a finite decimal number >= 0, found 'nan'");
}

TEST(ParseErrors, ShowAnArgumentThatCannotBeShownAsTypedAsItsQuotedExcerpt) {
  EXPECT_EQ(parse_error({"decode", "--tokens", "2", "\x1b[2Jbad"}),
            "tetra: The following argument was not expected: '\\x1b[2Jbad'");
  EXPECT_EQ(parse_error({"decode", "--tokens", "2", std::string(100'000, 'a')}),
            "tetra: The following argument was not expected: '" + std::string(40, 'a') + "'... (100000 bytes)");
  EXPECT_EQ(parse_error({"decode", "--tokens", "2", "--mode=gr\x1b" "eedy"}),
            "tetra: --mode: 'gr\\x1beedy' not in {greedy,sample}");
  EXPECT_EQ(parse_error({"decode", "--tokens", "2", "--mode", "nope"}), "tetra: --mode: nope not in {greedy,sample}");
}

TEST(FileOptions, RefuseAnEmptyNameInsteadOfWritingNothing) {
  EXPECT_EQ(parse_error({"accel", "--tokens", "2", "--vcd", ""}),
            "tetra: --vcd: expected a file name, found ''");
  for (const char* command : {"decode", "accel"}) {
    for (const char* option : {"--target", "--draft"}) {
      EXPECT_EQ(parse_error({command, "--tokens", "2", option, ""}),
                std::string("tetra: ") + option + ": expected a file name, found ''");
    }
  }
}

// The lines of a help text, each without its leading spaces.
std::vector<std::string> help_lines(const std::string& help) {
  std::vector<std::string> lines;
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line.substr(std::min(line.find_first_not_of(' '), line.size())));
  }
  return lines;
}

// The subcommands `tetra --help` lists, one per line after "Subcommands:".
std::vector<std::string> subcommands() {
  std::vector<std::string> names;
  bool listed = false;
  for (const std::string& line : help_lines(run_tetra({"--help"}).out)) {
    if (listed && !line.empty()) names.push_back(line.substr(0, line.find(' ')));
    listed = listed || line == "Subcommands:";
  }
  return names;
}

// A numeric option of a command's help: its long name and whether it holds an integer.
struct NumericOption {
  std::string name;
  bool integer;
};

// The options whose type in `help` is one of CLI11's number names: UINT, INT or FLOAT,
// alone or followed by a range (":0..64") or a default ("=4").
std::vector<NumericOption> numeric_options(const std::string& help) {
  std::vector<NumericOption> options;
  for (const std::string& line : help_lines(help)) {
    if (!line.starts_with("-")) continue;
    std::istringstream words(line);
    std::string names, type;
    words >> names >> type;
    const std::string kind = type.substr(0, type.find_first_of(":= "));
    if (kind == "UINT" || kind == "INT" || kind == "FLOAT") {
      options.push_back({names.substr(names.rfind(',') + 1), kind != "FLOAT"});
    }
  }
  return options;
}

// Every option of every command whose help says it holds a number: a command added
// later is held to the same rule without a new test. "--help" comes after the value, so
// that a value wrongly accepted prints the usage and exits 0 instead of running the
// command (`tetra train` would overwrite models).
TEST(NumberOptions, EveryNumericOptionOfEveryCommandIsStrict) {
  const std::vector<std::string> commands = subcommands();
  for (const char* known : {"decode", "train", "accel"}) {
    EXPECT_NE(std::find(commands.begin(), commands.end(), known), commands.end()) << known;
  }
  std::size_t checked = 0;
  for (const std::string& command : commands) {
    for (const NumericOption& option : numeric_options(run_tetra({command, "--help"}).out)) {
      const std::string expected =
          "tetra: " + option.name + ": expected a " +
          (option.integer ? "decimal integer in " : "finite decimal number");
      for (const char* bad : option.integer
                                 ? std::vector<const char*>{"-1", "0x10", "1e3", "+1",
                                                            "18446744073709551616"}
                                 : std::vector<const char*>{"nan", "inf", "0x1p3"}) {
        const std::string error = parse_error({command, option.name, bad, "--help"});
        EXPECT_EQ(error.rfind(expected, 0), 0u)
            << command << ' ' << option.name << ' ' << bad << ": " << error;
        EXPECT_NE(error.find(std::string("found '") + bad + "'"), std::string::npos) << error;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 12u);  // decode 4, train 1 and accel 7 today
}

// One run of every command, the help included, with the files `tetra train` needs.
class EveryCommand : public ::testing::Test {
protected:
  void SetUp() override {
    std::ofstream corpus(corpus_);
    for (int repeat = 0; repeat < 40; ++repeat) corpus << "the cat sat on the mat. ";
  }

  std::vector<std::vector<std::string>> runs() const {
    return {{"decode", "--tokens", "3"},
            {"decode", "--tokens", "3", "--json"},
            {"accel", "--tokens", "2"},
            {"accel", "--tokens", "2", "--json"},
            {"train", "--corpus", corpus_.string(), "--output-dir", directory_.path().string()},
            {"decode", "--help"},
            {"--help"}};
  }

  test_support::TempDirectory directory_;
  std::filesystem::path corpus_ = directory_.path() / "corpus.txt";
};

// The first word after "tetra" that is not an option: the command a message names.
std::string command_of(const std::vector<std::string>& arguments) {
  return arguments.front().starts_with("--") ? "tetra" : "tetra " + arguments.front();
}

TEST_F(EveryCommand, FailsWithTheReasonWhenStandardOutputIsAFullDevice) {
  for (const std::vector<std::string>& arguments : runs()) {
    std::ofstream full("/dev/full");
    ASSERT_TRUE(full.is_open());
    const CommandRun result = run_tetra(arguments, full);
    EXPECT_EQ(result.exit_code, 1) << testing::PrintToString(arguments);
    EXPECT_EQ(result.err, command_of(arguments) +
                              ": error: cannot write to standard output: No space left on "
                              "device\n");
  }
}

// Takes `room` bytes, then refuses every one: a disk that fills while the report is
// written, with no errno to tell why.
class FillingBuffer : public std::streambuf {
public:
  explicit FillingBuffer(std::size_t room) : room_(room) {}

protected:
  int_type overflow(int_type character) override {
    if (traits_type::eq_int_type(character, traits_type::eof())) return 0;
    if (room_ == 0) return traits_type::eof();
    --room_;
    return character;
  }

private:
  std::size_t room_;
};

TEST_F(EveryCommand, FailsWhenStandardOutputFillsUpHalfWay) {
  for (const std::vector<std::string>& arguments : runs()) {
    FillingBuffer buffer(10);
    std::ostream filling(&buffer);
    const CommandRun result = run_tetra(arguments, filling);
    EXPECT_EQ(result.exit_code, 1) << testing::PrintToString(arguments);
    EXPECT_EQ(result.err, command_of(arguments) + ": error: cannot write to standard output\n");
  }
}

}  // namespace
}  // namespace tetra
