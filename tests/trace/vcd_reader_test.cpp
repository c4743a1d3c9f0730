#include "sim/trace/vcd_reader.hpp"

#include "tests/support/expect_error.hpp"
#include "tests/trace/vcd_change_printer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace tetra {
namespace {

using testing::expect_error;

// A well-formed header that malformed bodies below share: three variables in two scopes.
const std::string header =
    "$timescale 1ps $end\n"                 // line 1
    "$scope module top $end\n"              // line 2
    "$var wire 1 ! clk $end\n"              // line 3
    "$var reg 4 \" q [3:0] $end\n"          // line 4
    "$var string 1 # state $end\n"          // line 5
    "$upscope $end\n"                       // line 6
    "$enddefinitions $end\n";               // line 7

TEST(VcdReader, ParsesScopesVariablesAndTimeOrderedChanges) {
  const VcdReader vcd = VcdReader::parse(
      "$date whenever, in UTF-8: \xc3\xa9t\xc3\xa9 $end\n"
      "$version some tool $end\n"
      "$timescale\n  100 ns\n$end\n"
      "$comment aliases share an identifier code $end\n"
      "$scope module top $end\n"
      "$var wire 1 ! clk $end\n"
      "$scope module core $end\n"
      "$var wire 1 ! clk_alias $end\n"
      "$var reg 8 %x data [7:0] $end\n"
      "$var string 0 s state $end\n"
      "$upscope $end\n"
      "$upscope $end\n"
      "$enddefinitions $end\n"
      "#0\n$dumpvars\nx!\nbX %x\nsIDLE s\n$end\n"
      "#5\n1!\nb1z %x\n$comment mid-run $end\n"
      "#5\nsRUN s\n"
      "#12\n$dumpall 0! b11110000 %x sRUN s $end\n");
  EXPECT_EQ(vcd.timescale(), VcdTimescale::of(100, VcdTimeUnit::ns));
  EXPECT_EQ(vcd.scopes(), (std::vector<std::string>{"top", "top.core"}));
  EXPECT_EQ(vcd.timestamps(), (std::vector<std::uint64_t>{0, 5, 5, 12}));
  ASSERT_EQ(vcd.variables().size(), 4U);
  EXPECT_EQ(vcd.variable("top.core.data").width, 8U);
  EXPECT_EQ(vcd.variable("top.core.data").name, "data");
  EXPECT_EQ(vcd.variable("top.core.data").scopes(), (std::vector<std::string>{"top", "core"}));
  EXPECT_EQ(vcd.variable("top.core.state").kind, "string");

  const std::vector<VcdChange> clk{{0, "x", true}, {5, "1", false}, {12, "0", true}};
  EXPECT_EQ(vcd.changes("top.clk"), clk);
  EXPECT_EQ(vcd.changes("top.core.clk_alias"), clk);
  // Short vector values extend left: x with x, z with z, 1 with 0.
  const std::vector<VcdChange> data{{0, "xxxxxxxx", true}, {5, "0000001z", false}, {12, "11110000", true}};
  EXPECT_EQ(vcd.changes("top.core.data"), data);
  EXPECT_EQ(vcd.value_at("top.core.data", 11), "0000001z");
  EXPECT_EQ(vcd.value_at("top.core.state", 5), "RUN");
  EXPECT_TRUE(vcd.has_variable("top.clk"));
  EXPECT_FALSE(vcd.has_variable("top.nothing"));
}

TEST(VcdReader, LookupsNameWhatIsMissing) {
  const VcdReader vcd = VcdReader::parse(header + "#3\n1!\n");
  expect_error<std::out_of_range>([&] { (void)vcd.variable("top.nothing"); }, "the VCD has no variable 'top.nothing'");
  expect_error<std::out_of_range>([&] { (void)vcd.value_at("top.clk", 2); }, "VCD variable 'top.clk' has no value at time 2");
  EXPECT_EQ(vcd.value_at("top.clk", 3), "1");
}

TEST(VcdReader, ReadsOnlyARegularFileNamingAnyOther) {
  const std::string fifo = ::testing::TempDir() + "tetra_vcd_reader_fifo_" + std::to_string(::getpid());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const auto& [path, kind] : std::vector<std::pair<std::string, std::string>>{
           {"/", "a directory"}, {fifo, "a FIFO"}, {"/dev/zero", "a character device"}}) {
    expect_error<std::invalid_argument>([&] { (void)VcdReader::read(path); },
                                        "cannot read VCD file '" + path + "': it is " + kind + ", not a regular file");
  }
  ::unlink(fifo.c_str());
  expect_error<std::system_error>([] { (void)VcdReader::read("/nonexistent/run.vcd"); },
                                  "cannot open VCD file '/nonexistent/run.vcd': No such file or directory");
}

TEST(VcdReader, KeepsWhatIsWrittenAndExtendsItWhenRead) {
  // Changes are stored as written and extended when read: a short change of a wide
  // variable costs its own digits, not the width.
  const VcdReader vcd = VcdReader::parse(
      "$timescale 1ns $end\n$scope module top $end\n$var wire 16777216 ! wide $end\n$var wire 3 \" v $end\n"
      "$var wire 1 # bit $end\n$upscope $end\n$enddefinitions $end\n"
      "#0\n$dumpvars\nb1 !\nbz \"\nb1 #\n$end\n#1\nbx !\nb10 \"\n0#\n#2\nZ#\n");
  EXPECT_EQ(vcd.value_at("top.wide", 0), std::string(16777215, '0') + "1");
  EXPECT_EQ(vcd.value_at("top.wide", 1), std::string(16777216, 'x'));
  EXPECT_EQ(vcd.changes("top.v"), (std::vector<VcdChange>{{0, "zzz", true}, {1, "010", false}}));
  EXPECT_EQ(vcd.changes("top.bit"), (std::vector<VcdChange>{{0, "1", true}, {1, "0", false}, {2, "z", false}}));
}

TEST(VcdReader, ScopesAreATree) {
  // Reopened scopes join the same node; a name with a dot is found by its whole path.
  const VcdReader vcd = VcdReader::parse(
      "$timescale 1ns $end\n$scope module top $end\n$scope module a.b $end\n$var wire 1 ! c $end\n$upscope $end\n"
      "$upscope $end\n$scope module top $end\n$scope module a $end\n$var wire 1 \" b.d $end\n$upscope $end\n"
      "$upscope $end\n$enddefinitions $end\n#0\n1!\n0\"\n");
  EXPECT_EQ(vcd.scopes(), (std::vector<std::string>{"top", "top.a.b", "top", "top.a"}));
  EXPECT_EQ(vcd.variable("top.a.b.c").scopes(), (std::vector<std::string>{"top", "a.b"}));
  EXPECT_EQ(vcd.variable("top.a.b.d").scopes(), (std::vector<std::string>{"top", "a"}));
  EXPECT_EQ(vcd.variable("top.a.b.d").path(), "top.a.b.d");
  EXPECT_EQ(vcd.value_at("top.a.b.c", 0), "1");
  EXPECT_FALSE(vcd.has_variable("top.a"));
  EXPECT_FALSE(vcd.has_variable("top.a.b"));
}

struct MalformedCase {
  std::string name;
  std::string text;
  std::string error;
};

class VcdReaderRejects : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(VcdReaderRejects, WithFileLineAndReason) {
  const MalformedCase& bad = GetParam();
  try {
    (void)VcdReader::parse(bad.text, "bad.vcd");
    ADD_FAILURE() << "accepted: " << bad.text;
  } catch (const VcdParseError& error) {
    EXPECT_EQ(error.what(), bad.error);
    EXPECT_EQ(error.file(), "bad.vcd");
  }
}

INSTANTIATE_TEST_SUITE_P(
    MalformedFiles, VcdReaderRejects,
    ::testing::Values(
        MalformedCase{"UnknownIdentifier", header + "#0\n1%\n", "bad.vcd:9: unknown identifier code '%'"},
        MalformedCase{"VectorTooWide", header + "#0\nb10101 \"\n",
                      "bad.vcd:9: value 'b10101' has 5 bits but 'top.q' is declared 4 bits wide"},
        MalformedCase{"ScalarForVector", header + "#0\n1\"\n",
                      "bad.vcd:9: scalar value '1\"' for 'top.q', which is 4 bits wide"},
        MalformedCase{"BadDigit", header + "#0\nb10a1 \"\n", "bad.vcd:9: bad digit 'a' in value 'b10a1' for 'top.q'"},
        MalformedCase{"BitsForString", header + "#0\nb1 #\n", "bad.vcd:9: bit value 'b1' for string variable 'top.state'"},
        MalformedCase{"TextForBits", header + "#0\nsIDLE \"\n", "bad.vcd:9: string value 'sIDLE' for reg variable 'top.q'"},
        MalformedCase{"RealValue", header + "#0\nr1.5 \"\n", "bad.vcd:9: real value 'r1.5' is not supported"},
        MalformedCase{"VectorWithoutId", header + "#0\nb1010", "bad.vcd:9: value 'b1010' has no identifier code"},
        MalformedCase{"TimeBackwards", header + "#10\n1!\n#9\n0!\n", "bad.vcd:10: time goes backwards from 10 to 9"},
        MalformedCase{"BadTimestamp", header + "#1e3\n", "bad.vcd:8: bad timestamp '#1e3'"},
        MalformedCase{"ChangeBeforeTime", header + "1!\n", "bad.vcd:8: value change '1!' before the first timestamp"},
        MalformedCase{"MissingEnddefinitions", "$timescale 1ps $end\n$scope module top $end\n$var wire 1 ! a $end\n$upscope $end\n",
                      "bad.vcd:5: missing $enddefinitions: the file ends inside the header"},
        MalformedCase{"ChangesBeforeEnddefinitions", "$timescale 1ps $end\n$scope module top $end\n#0\n",
                      "bad.vcd:3: '#0' before $enddefinitions"},
        MalformedCase{"MissingTimescale", "$scope module top $end\n$upscope $end\n$enddefinitions $end\n",
                      "bad.vcd:3: missing $timescale before $enddefinitions"},
        MalformedCase{"BadTimescale", "$timescale 3 ps $end\n", "bad.vcd:1: bad VCD timescale '3ps': magnitude must be 1, 10 or 100"},
        MalformedCase{"ControlCharacter", header + "#0\n1!\x07\n", "bad.vcd:9: bad character 0x07"},
        MalformedCase{"NonAsciiOutsideText", header + "#0\nb1\xc3\xa9 \"\n", "bad.vcd:9: bad character 0xC3"},
        MalformedCase{"UnclosedScope", "$timescale 1ps $end\n$scope module top $end\n$enddefinitions $end\n",
                      "bad.vcd:3: $enddefinitions with scope 'top' still open"},
        MalformedCase{"UpscopeWithoutScope", "$timescale 1ps $end\n$upscope $end\n", "bad.vcd:2: $upscope without an open $scope"},
        MalformedCase{"VariableOutsideScope", "$timescale 1ps $end\n$var wire 1 ! a $end\n",
                      "bad.vcd:2: variable 'a' is declared outside any $scope"},
        MalformedCase{"UnknownVariableType", "$scope module top $end\n$var wyre 1 ! a $end\n", "bad.vcd:2: unknown variable type 'wyre'"},
        MalformedCase{"UnknownScopeType", "$scope modul top $end\n", "bad.vcd:1: unknown scope type 'modul'"},
        MalformedCase{"ZeroWidth", "$scope module top $end\n$var wire 0 ! a $end\n", "bad.vcd:2: bad variable width '0'"},
        MalformedCase{"RangeMismatch", "$scope module top $end\n$var wire 4 ! a [7:0] $end\n",
                      "bad.vcd:2: bit range '[7:0]' covers 8 bits but the variable is declared 4 bits wide"},
        MalformedCase{"DuplicatePath", "$scope module top $end\n$var wire 1 ! a $end\n$var wire 1 \" a $end\n",
                      "bad.vcd:3: variable 'top.a' is declared twice (first at line 2)"},
        MalformedCase{"AliasWidthMismatch", "$scope module top $end\n$var wire 1 ! a $end\n$var wire 2 ! b [1:0] $end\n",
                      "bad.vcd:3: identifier code '!' is declared as wire 1 bits wide ('top.a', line 2) and now as wire 2"},
        MalformedCase{"VarWithoutEnd", "$scope module top $end\n$var wire 1 ! a\n$var wire 1 \" b $end\n",
                      "bad.vcd:3: expected $end to close $var, found '$var'"},
        MalformedCase{"UnclosedComment", "$comment never closed\n", "bad.vcd:2: $comment opened at line 1 is not closed by $end"},
        MalformedCase{"UnclosedDumpvars", header + "#0\n$dumpvars\n1!\n",
                      "bad.vcd:11: $dumpvars opened at line 9 is not closed by $end"},
        MalformedCase{"StrayEnd", header + "#0\n$end\n", "bad.vcd:9: $end without an open section"},
        MalformedCase{"DeclarationAfterDefinitions", header + "$var wire 1 $ late $end\n",
                      "bad.vcd:8: unexpected '$var' after $enddefinitions"},
        MalformedCase{"UnknownHeaderWord", "$timescale 1ps $end\nhello\n", "bad.vcd:2: unexpected 'hello' in the header"},
        MalformedCase{"WidthAboveMaximum", "$scope module top $end\n$var wire 2000000000 ! a $end\n",
                      "bad.vcd:2: variable width 2000000000 is above the maximum, 16777216 bits"},
        MalformedCase{"WidthOfTwoTo64Minus1", "$scope module top $end\n$var wire 18446744073709551615 ! a $end\n",
                      "bad.vcd:2: variable width 18446744073709551615 is above the maximum, 16777216 bits"},
        MalformedCase{"WidthPastTwoTo64", "$scope module top $end\n$var wire 18446744073709551616 ! a $end\n",
                      "bad.vcd:2: bad variable width '18446744073709551616'"},
        MalformedCase{"LongTokenIsCut", "$timescale 1ps $end\n" + std::string(1 << 20, 'a') + "\n",
                      "bad.vcd:2: unexpected '" + std::string(40, 'a') + "'... (1048576 bytes) in the header"},
        MalformedCase{"QuoteInTokenIsEscaped", header + "#0\n1'\n", "bad.vcd:9: unknown identifier code '\\''"}),
    [](const ::testing::TestParamInfo<MalformedCase>& test) { return test.param.name; });

}  // namespace
}  // namespace tetra
