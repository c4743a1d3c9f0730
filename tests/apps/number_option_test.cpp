// parse_number and add_number_option: decimal only, the whole range of the type and no
// more, and messages that quote the text as typed.
#include "apps/number_option.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace tetra::apps {
namespace {

// The message of the NumberError that parsing `text` raises.
template <OptionNumber Number>
std::string refusal(std::string_view text, Number low = std::numeric_limits<Number>::lowest(),
                    Number high = std::numeric_limits<Number>::max()) {
  try {
    const Number value = parse_number<Number>(text, low, high);
    ADD_FAILURE() << "'" << text << "' read as " << value;
  } catch (const NumberError& error) {
    return error.what();
  }
  return {};
}

TEST(ParseNumber, ReadsDecimalDigits) {
  EXPECT_EQ(parse_number<std::size_t>("0"), 0u);
  EXPECT_EQ(parse_number<std::size_t>("60"), 60u);
  EXPECT_EQ(parse_number<std::uint64_t>("18446744073709551615"),
            std::numeric_limits<std::uint64_t>::max());
}

TEST(ParseNumber, ReadsALeadingZeroAsDecimalNeverOctal) {
  EXPECT_EQ(parse_number<std::size_t>("010"), 10u);
  EXPECT_EQ(parse_number<std::size_t>("09"), 9u);
}

TEST(ParseNumber, RefusesEveryOtherFormOfInteger) {
  const std::string expected = "expected a decimal integer in 0..18446744073709551615, found ";
  for (const char* text : {"-1", "+5", "0x10", "1e3", " 5", "5 ", "5x", "", "1.0", "٣"}) {
    EXPECT_EQ(refusal<std::uint64_t>(text).rfind(expected, 0), 0u) << text;
  }
  EXPECT_EQ(refusal<std::uint64_t>("-1"), expected + "'-1'");
}

TEST(ParseNumber, RefusesValuesPastTheTypeInsteadOfWrapping) {
  EXPECT_EQ(refusal<std::uint64_t>("18446744073709551616"),
            "expected a decimal integer in 0..18446744073709551615, found "
            "'18446744073709551616'");
  EXPECT_EQ(refusal<std::uint64_t>("99999999999999999999999"),
            "expected a decimal integer in 0..18446744073709551615, found "
            "'99999999999999999999999'");
  EXPECT_EQ(refusal<std::uint32_t>("4294967296"),
            "expected a decimal integer in 0..4294967295, found '4294967296'");
  EXPECT_EQ(parse_number<std::uint32_t>("4294967295"), 4294967295u);
}

TEST(ParseNumber, HoldsTheRangeAtBothEnds) {
  EXPECT_EQ(parse_number<std::size_t>("1", 1, 64), 1u);
  EXPECT_EQ(parse_number<std::size_t>("64", 1, 64), 64u);
  EXPECT_EQ(refusal<std::size_t>("0", 1, 64), "expected a decimal integer in 1..64, found '0'");
  EXPECT_EQ(refusal<std::size_t>("65", 1, 64), "expected a decimal integer in 1..64, found '65'");
}

TEST(ParseNumber, QuotesTheTextAsTheTerminalCanShowIt) {
  EXPECT_EQ(refusal<std::size_t>("\x1b[2J"),
            R"(expected a decimal integer in 0..18446744073709551615, found '\x1b[2J')");
  EXPECT_EQ(refusal<std::size_t>(std::string(1000, '9')),
            "expected a decimal integer in 0..18446744073709551615, found '" +
                std::string(40, '9') + "'... (1000 bytes)");
}

TEST(ParseNumber, ReadsFiniteDecimalDoubles) {
  EXPECT_EQ(parse_number<double>("0.25"), 0.25);
  EXPECT_EQ(parse_number<double>("2e-3"), 2e-3);
  EXPECT_EQ(parse_number<double>("-3"), -3.0);
  EXPECT_EQ(parse_number<double>("0.1"), 0.1);
}

TEST(ParseNumber, RefusesNanInfinityHexAndOverflowingDoubles) {
  for (const char* text : {"nan", "NaN", "inf", "-inf", "infinity", "0x1p3", "1e400", "+1",
                           "1,5", "", " 1"}) {
    EXPECT_EQ(refusal<double>(text, 0.0),
              std::string("expected a finite decimal number >= 0, found '") + text + "'");
  }
  EXPECT_EQ(refusal<double>("-0.5", 0.0), "expected a finite decimal number >= 0, found '-0.5'");
  EXPECT_EQ(refusal<double>("2", 0.0, 1.0), "expected a finite decimal number in 0..1, found '2'");
  EXPECT_EQ(refusal<double>("x"), "expected a finite decimal number, found 'x'");
}

// Parses `arguments` with one command holding the options the test added.
struct Command {
  CLI::App app{"test", "test"};
  void parse(std::vector<std::string> arguments) {
    std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last first
    app.parse(arguments);
  }
};

TEST(AddNumberOption, StoresTheValueAndShowsTheRangeAndDefault) {
  Command command;
  std::size_t k = 4;
  add_number_option(command.app, "--k", k, "draft length", 0, 64)->capture_default_str();
  command.parse({"--k", "012"});
  EXPECT_EQ(k, 12u);
  const std::string help = command.app.help();
  EXPECT_NE(help.find("--k UINT:0..64=4"), std::string::npos) << help;
}

TEST(AddNumberOption, RefusesBadTextNamingTheOption) {
  Command command;
  std::uint64_t seed = 1;
  add_number_option(command.app, "--seed", seed, "seed");
  try {
    command.parse({"--seed", "-1"});
    FAIL() << "parsed";
  } catch (const CLI::ValidationError& error) {
    EXPECT_STREQ(error.what(),
                 "--seed: expected a decimal integer in 0..18446744073709551615, found '-1'");
  }
  EXPECT_EQ(seed, 1u);
}

TEST(AddNumberOption, LeavesAnOptionalEmptyUnlessGiven) {
  Command command;
  std::optional<double> ratio;
  add_number_option(command.app, "--ratio", ratio, "ratio", 0.0);
  command.parse({});
  EXPECT_FALSE(ratio.has_value());
  command.parse({"--ratio", "0.5"});
  EXPECT_EQ(ratio, 0.5);
  EXPECT_NE(command.app.help().find("--ratio FLOAT:>= 0"), std::string::npos);
}

TEST(ParseNumberList, ReadsValuesAndRangesInTheOrderWritten) {
  EXPECT_EQ(parse_number_list("0..2,8", 0, 64), (std::vector<std::uint64_t>{0, 1, 2, 8}));
  EXPECT_EQ(parse_number_list("16,4..4,1", 1, 64), (std::vector<std::uint64_t>{16, 4, 1}));
  EXPECT_EQ(parse_number_list("18446744073709551614..18446744073709551615", 0,
                              std::numeric_limits<std::uint64_t>::max()),
            (std::vector<std::uint64_t>{18446744073709551614u, 18446744073709551615u}));
}

TEST(ParseNumberList, RefusesEmptyRangesItemsAndListsAndHugeRanges) {
  const auto refusal = [](std::string_view text) -> std::string {
    try {
      parse_number_list(text, 0, 64);
    } catch (const NumberError& error) {
      return error.what();
    }
    return "accepted";
  };
  EXPECT_EQ(refusal("4..2"), "the range '4..2' is empty: its end is below its start");
  EXPECT_EQ(refusal("1,,2"), "expected a decimal integer in 0..64, found ''");
  EXPECT_EQ(refusal("1,"), "expected a decimal integer in 0..64, found ''");
  EXPECT_EQ(refusal(""), "expected a list of numbers such as 0..4,8, found ''");
  EXPECT_EQ(refusal("0..65"), "expected a decimal integer in 0..64, found '65'");
  EXPECT_EQ(refusal("1...3"), "expected a decimal integer in 0..64, found '.3'");
  EXPECT_NE(parse_number_list("0..999999", 0, 1u << 30).size(), 0u);
  EXPECT_THROW(parse_number_list("0..1000000", 0, 1u << 30), NumberError);
}

}  // namespace
}  // namespace tetra::apps
