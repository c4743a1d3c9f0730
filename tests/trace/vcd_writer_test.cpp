#include "sim/trace/vcd_writer.hpp"

#include "sim/trace/vcd_reader.hpp"
#include "tests/support/expect_error.hpp"
#include "tests/trace/vcd_change_printer.hpp"
#include "tests/trace/temp_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <map>
#include <random>
#include <set>
#include <system_error>

namespace tetra {
namespace {

using testing::TempFile;
using testing::expect_error;

std::vector<VcdChange> changes_at(std::vector<std::pair<std::uint64_t, std::string>> expected) {
  std::vector<VcdChange> changes;
  for (auto& [time, value] : expected) changes.push_back(VcdChange{time, std::move(value), changes.empty()});
  return changes;
}

TEST(VcdIdentifier, ShortestCodesComeFirstOverPrintableAscii) {
  EXPECT_EQ(vcd_identifier(0), "!");
  EXPECT_EQ(vcd_identifier(1), "\"");
  EXPECT_EQ(vcd_identifier(93), "~");
  EXPECT_EQ(vcd_identifier(94), "!!");
  EXPECT_EQ(vcd_identifier(95), "\"!");
  EXPECT_EQ(vcd_identifier(94 + 94 * 94 - 1), "~~");
  EXPECT_EQ(vcd_identifier(94 + 94 * 94), "!!!");

  std::set<std::string> seen;
  std::size_t previous_length = 1;
  for (std::size_t index = 0; index < 20'000; ++index) {
    const std::string id = vcd_identifier(index);
    EXPECT_GE(id.size(), previous_length);
    previous_length = id.size();
    for (char c : id) ASSERT_TRUE(c >= '!' && c <= '~') << index;
    ASSERT_TRUE(seen.insert(id).second) << "duplicate code " << id << " at " << index;
  }
}

TEST(VcdWriter, WritesTimescaleNestedScopesAndDeclarations) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale::of(10, VcdTimeUnit::ns));
    writer.open_scope("top");
    writer.add_var("clk", 1, WaveVarKind::wire);
    writer.add_var("data", 8, WaveVarKind::reg);
    writer.open_scope("fifo");
    writer.add_var("count", 4, WaveVarKind::wire);
    writer.close_scope();
    writer.add_var("state", 1, WaveVarKind::string);
    writer.close_scope();
    writer.end_definitions();
    writer.close();
  }
  const std::string text = file.contents();
  EXPECT_THAT(text, ::testing::HasSubstr("$timescale 10ns $end\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("$var reg 8 \" data [7:0] $end\n"));

  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timescale(), VcdTimescale::of(10, VcdTimeUnit::ns));
  EXPECT_EQ(vcd.scopes(), (std::vector<std::string>{"top", "top.fifo"}));
  ASSERT_EQ(vcd.variables().size(), 4U);
  const std::vector<std::tuple<std::string, std::string, std::size_t, std::string>> expected{
      {"top.clk", "wire", 1, "!"},
      {"top.data", "reg", 8, "\""},
      {"top.fifo.count", "wire", 4, "#"},
      {"top.state", "string", 1, "$"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const VcdVariable& var = vcd.variables()[i];
    EXPECT_EQ(std::make_tuple(var.path(), var.kind, var.width, var.id), expected[i]);
  }
}

TEST(VcdWriter, DumpvarsHoldsEveryInitialValueAndUnsetOnesAreUnknown) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId reset = writer.add_var("reset", 1, WaveVarKind::wire);
    const WaveVarId count = writer.add_var("count", 6, WaveVarKind::reg);
    writer.add_var("untouched", 3, WaveVarKind::wire);
    const WaveVarId state = writer.add_var("state", 1, WaveVarKind::string);
    writer.add_var("no_name_yet", 1, WaveVarKind::string);
    writer.close_scope();
    writer.change(reset, L1);
    writer.change(count, Vec<6>::from_uint(0));
    writer.change(count, Vec<6>::from_uint(37));  // only the last value before the dump counts
    writer.change_string(state, "IDLE");
    writer.end_definitions(100);
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timestamps(), std::vector<std::uint64_t>{100});
  EXPECT_EQ(vcd.changes("top.reset"), changes_at({{100, "1"}}));
  EXPECT_EQ(vcd.changes("top.count"), changes_at({{100, "100101"}}));
  EXPECT_EQ(vcd.changes("top.untouched"), changes_at({{100, "xxx"}}));
  EXPECT_EQ(vcd.changes("top.state"), changes_at({{100, "IDLE"}}));
  EXPECT_EQ(vcd.changes("top.no_name_yet"), changes_at({{100, "x"}}));
}

TEST(VcdWriter, WritesOnlyChangesAndATimestampOnlyWhenSomethingChanged) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId data = writer.add_var("data", 4, WaveVarKind::wire);
    writer.close_scope();
    writer.change(data, Vec<4>::from_uint(3));
    writer.end_definitions();
    writer.advance_to(5);
    writer.change(data, Vec<4>::from_uint(3));  // same value: nothing to write
    writer.advance_to(10);
    writer.change(data, Vec<4>::from_uint(9));
    writer.change(data, Vec<4>::from_uint(9));
    writer.advance_to(10);
    writer.advance_to(15);
    writer.advance_to(20);
    writer.change(data, Vec<4>::zs());
    writer.advance_to(25);
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timestamps(), (std::vector<std::uint64_t>{0, 10, 20}));
  EXPECT_EQ(vcd.changes("top.data"), changes_at({{0, "0011"}, {10, "1001"}, {20, "zzzz"}}));
  EXPECT_EQ(vcd.value_at("top.data", 19), "1001");
}

TEST(VcdWriter, CloseWithAnEndTimeMarksHowLongTheLastValuesLast) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId clk = writer.add_var("clk", 1, WaveVarKind::wire);
    writer.close_scope();
    writer.end_definitions();
    writer.advance_to(7);
    writer.change(clk, L0);
    writer.close(50);
    writer.close(60);  // already closed: nothing more
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timestamps(), (std::vector<std::uint64_t>{0, 7, 50}));
  EXPECT_EQ(vcd.changes("top.clk"), changes_at({{0, "x"}, {7, "0"}}));
}

TEST(VcdWriter, WritesFourStateScalarsAndVectors) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId bit = writer.add_var("bit", 1, WaveVarKind::wire);
    const WaveVarId bus = writer.add_var("bus", 8, WaveVarKind::wire);
    writer.close_scope();
    writer.change(bit, L0);
    writer.change(bus, Vec<8>::parse("8'b1010_xxzz"));
    writer.end_definitions();
    const std::vector<Logic> bits{L1, LZ, LX, L0};
    for (std::size_t step = 0; step < bits.size(); ++step) {
      writer.advance_to(step + 1);
      writer.change(bit, bits[step]);
    }
    writer.advance_to(9);
    writer.change(bus, Vec<8>::parse("8'b0zx1_0000"));
  }
  const std::string text = file.contents();
  EXPECT_THAT(text, ::testing::HasSubstr("\nb1010xxzz \"\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("\n#2\nz!\n"));
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("top.bit"), changes_at({{0, "0"}, {1, "1"}, {2, "z"}, {3, "x"}, {4, "0"}}));
  EXPECT_EQ(vcd.changes("top.bus"), changes_at({{0, "1010xxzz"}, {9, "0zx10000"}}));
}

// A random value of `width` bits, as planes, mostly known and sometimes with X and Z bits.
struct Planes {
  std::vector<std::uint64_t> aval;
  std::vector<std::uint64_t> bval;
};

Planes random_planes(std::mt19937_64& random, std::size_t width) {
  const std::size_t words = (width + 63) / 64;
  Planes planes{std::vector<std::uint64_t>(words), std::vector<std::uint64_t>(words)};
  const bool with_unknowns = random() % 3 == 0;
  for (std::size_t w = 0; w < words; ++w) {
    const std::size_t used = std::min<std::size_t>(64, width - 64 * w);
    const std::uint64_t mask = used == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << used) - 1;
    planes.aval[w] = random() & mask;
    planes.bval[w] = with_unknowns ? random() & random() & mask : 0;
  }
  return planes;
}

// The VCD digits of a value, computed bit by bit through Logic (independently of the writer).
std::string digits_of(const Planes& planes, std::size_t width) {
  std::string digits;
  for (std::size_t bit = width; bit-- > 0;) {
    digits += Logic::from_planes(planes.aval[bit / 64] >> (bit % 64), planes.bval[bit / 64] >> (bit % 64)).to_char();
  }
  return digits;
}

TEST(VcdWriter, EveryChangeOfRandomValuesOfManyWidthsReadsBack) {
  TempFile file("trace.vcd");
  const std::vector<std::size_t> widths{1, 2, 7, 8, 63, 64, 65, 128, 130, 200};
  std::map<std::string, std::vector<VcdChange>> expected;
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    std::vector<WaveVarId> ids;
    writer.open_scope("top");
    for (std::size_t width : widths) {
      ids.push_back(writer.add_var(fmt::format("w{}", width), width, WaveVarKind::wire));
    }
    writer.close_scope();
    writer.end_definitions();
    std::vector<std::string> current(widths.size());
    std::vector<Planes> last_written(widths.size());
    for (std::size_t i = 0; i < widths.size(); ++i) {
      current[i] = std::string(widths[i], 'x');
      expected[fmt::format("top.w{}", widths[i])].push_back(VcdChange{0, current[i], true});
    }
    std::mt19937_64 random(20261126);
    std::uint64_t time = 0;
    for (int step = 0; step < 500; ++step) {
      time += 1 + random() % 3;
      writer.advance_to(time);
      for (std::size_t i = 0; i < widths.size(); ++i) {
        if (random() % 2 == 0) continue;
        // Repeat the current value now and then: it must not be written again.
        const bool repeat = !last_written[i].aval.empty() && random() % 5 == 0;
        const Planes value = repeat ? last_written[i] : random_planes(random, widths[i]);
        writer.change(ids[i], value.aval, value.bval);
        last_written[i] = value;
        const std::string digits = digits_of(value, widths[i]);
        if (digits != current[i]) expected[fmt::format("top.w{}", widths[i])].push_back(VcdChange{time, digits, false});
        current[i] = digits;
      }
    }
  }
  const VcdReader vcd = VcdReader::read(file.path());
  for (const auto& [path, changes] : expected) EXPECT_EQ(vcd.changes(path), changes) << path;
}

TEST(VcdWriter, WideVecValuesMatchTheirFormattedDigits) {
  TempFile file("trace.vcd");
  const auto value = Vec<130>::parse("130'hx_0123456789abcdef_fedcba98765432z0");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId wide = writer.add_var("wide", 130, WaveVarKind::reg);
    writer.close_scope();
    writer.end_definitions();
    writer.advance_to(1);
    writer.change(wide, value);
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.value_at("top.wide", 1), fmt::format("{:b}", value));
}

TEST(VcdWriter, AValueLargerThanTheBufferIsWrittenWhole) {
  TempFile file("trace.vcd");
  const std::size_t width = 3'000'000;  // about three times the write buffer
  std::mt19937_64 random(7);
  const Planes value = random_planes(random, width);
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId huge = writer.add_var("huge", width, WaveVarKind::wire);
    writer.close_scope();
    writer.end_definitions();
    writer.advance_to(1);
    writer.change(huge, value.aval, value.bval);
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.value_at("top.huge", 1), digits_of(value, width));
}

TEST(VcdWriter, StringVariablesCarryTheirText) {
  TempFile file("trace.vcd");
  {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("fsm");
    const WaveVarId state = writer.add_var("state", 1, WaveVarKind::string);
    writer.close_scope();
    writer.change_string(state, "IDLE");
    writer.end_definitions();
    writer.advance_to(3);
    writer.change_string(state, "IDLE");
    writer.advance_to(4);
    writer.change_string(state, "BUSY");
  }
  EXPECT_THAT(VcdReader::read(file.path()).changes("fsm.state"), (changes_at({{0, "IDLE"}, {4, "BUSY"}})));
}

TEST(VcdWriter, RejectsMisuseWithWhatAndWhere) {
  TempFile file("trace.vcd");
  const std::string where = fmt::format("VCD '{}'", file.path().string());
  VcdWriter writer(file.path(), VcdTimescale{});
  expect_error<std::logic_error>([&] { writer.close_scope(); }, where + ": close_scope() without an open scope");
  expect_error<std::logic_error>([&] { writer.add_var("loose", 1, WaveVarKind::wire); },
                                 where + ": variable 'loose' must be declared inside a scope");
  writer.open_scope("top");
  expect_error<std::invalid_argument>([&] { writer.add_var("two words", 1, WaveVarKind::wire); },
                                      "VCD variable name 'two words' must be non-empty printable ASCII without spaces");
  expect_error<std::invalid_argument>([&] { writer.open_scope(""); },
                                      "VCD scope name '' must be non-empty printable ASCII without spaces");
  expect_error<std::invalid_argument>([&] { writer.add_var("empty", 0, WaveVarKind::wire); },
                                      "VCD variable 'empty' cannot be 0 bits wide");
  const WaveVarId data = writer.add_var("data", 8, WaveVarKind::wire);
  const WaveVarId state = writer.add_var("state", 1, WaveVarKind::string);
  expect_error<std::invalid_argument>([&] { writer.add_var("data", 4, WaveVarKind::reg); },
                                      "VCD variable 'top.data' is declared twice");
  expect_error<std::logic_error>([&] { writer.end_definitions(); },
                                 where + ": end_definitions() with scope 'top' still open");
  writer.close_scope();
  writer.end_definitions(10);

  expect_error<std::logic_error>([&] { writer.open_scope("late"); },
                                 where + ": cannot open a scope after end_definitions()");
  expect_error<std::logic_error>([&] { writer.advance_to(9); }, where + ": time cannot go back from 10 to 9");
  expect_error<std::invalid_argument>([&] { writer.change(data, Vec<9>::zeros()); },
                                      "VCD variable 'top.data' is 8 bits wide: it cannot take a 9-bit value");
  const std::vector<std::uint64_t> two_words(2);
  expect_error<std::invalid_argument>([&] { writer.change(data, two_words, two_words); },
                                      "VCD variable 'top.data' is 8 bits wide: it cannot take planes of 2 and 2 words");
  expect_error<std::invalid_argument>([&] { writer.change(state, L1); },
                                      "VCD variable 'top.state' is a string: it cannot take a 1-bit value");
  expect_error<std::invalid_argument>([&] { writer.change_string(data, "IDLE"); },
                                      "VCD variable 'top.data' holds bits: it cannot take the text 'IDLE'");
  expect_error<std::invalid_argument>(
      [&] { writer.change_string(state, "NOT IDLE"); },
      "VCD string variable 'top.state' cannot take 'NOT IDLE': it needs printable ASCII without spaces");
  expect_error<std::out_of_range>([&] { writer.change(WaveVarId{5}, L1); },
                                  fmt::format("VCD variable #5 was not declared in '{}' (2 variables)", file.path().string()));
  writer.close();
  expect_error<std::logic_error>([&] { writer.change(data, Vec<8>::zeros()); },
                                 where + ": cannot change a value after close()");
}

TEST(VcdWriter, ReportsAFileItCannotCreate) {
  const std::filesystem::path path = "/nonexistent-tetra-dir/trace.vcd";
  try {
    VcdWriter writer(path, VcdTimescale{});
    ADD_FAILURE() << "opened " << path;
  } catch (const std::system_error& error) {
    EXPECT_THAT(error.what(), ::testing::StartsWith("cannot create VCD file '/nonexistent-tetra-dir/trace.vcd'"));
  }
}

TEST(VcdWriter, LeavesACompleteFileWhenAnExceptionUnwindsItMidRun) {
  TempFile file("trace.vcd");
  try {
    VcdWriter writer(file.path(), VcdTimescale{});
    writer.open_scope("top");
    const WaveVarId count = writer.add_var("count", 16, WaveVarKind::wire);
    writer.close_scope();
    writer.end_definitions();
    for (std::uint64_t time = 1; time <= 1000; ++time) {
      writer.advance_to(time);
      writer.change(count, Vec<16>::from_uint(time));
    }
    throw std::runtime_error("process failed");
  } catch (const std::runtime_error&) {
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("top.count").size(), 1001U);
  EXPECT_EQ(vcd.value_at("top.count", 1000), "0000001111101000");
}

TEST(VcdWriter, LeavesAValidFileWhenUnwoundBeforeTheDefinitionsEnded) {
  TempFile file("trace.vcd");
  try {
    VcdWriter writer(file.path(), VcdTimescale::of(1, VcdTimeUnit::ns));
    writer.open_scope("top");
    writer.open_scope("half_built");
    writer.add_var("q", 2, WaveVarKind::reg);
    throw std::runtime_error("elaboration failed");
  } catch (const std::runtime_error&) {
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("top.half_built.q"), changes_at({{0, "xx"}}));
}

}  // namespace
}  // namespace tetra
