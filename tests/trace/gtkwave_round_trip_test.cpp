// Round trip through GTKWave's converters: a VCD we write goes to FST with vcd2fst and
// back with fst2vcd; the strict reader must accept the result and find every variable
// with the same changes at the same times. This checks that the files we write mean to
// GTKWave what they mean to us.

#include "sim/trace/vcd_reader.hpp"
#include "sim/trace/vcd_writer.hpp"
#include "tests/trace/temp_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fmt/format.h>
#include <random>

namespace tetra {
namespace {

using testing::TempFile;

void run(const std::string& command) {
  const int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << "command failed: " << command;
}

// Writes a trace with every kind of variable: scalars, vectors of several word counts,
// four-state values, nested scopes and a string (enum name) variable.
void write_random_trace(const std::filesystem::path& path) {
  VcdWriter writer(path, VcdTimescale::of(1, VcdTimeUnit::ps));
  const std::vector<std::size_t> widths{1, 3, 16, 64, 65, 100};
  std::vector<VcdVarId> ids;
  writer.open_scope("top");
  const VcdVarId clk = writer.add_var("clk", 1, VcdVarKind::wire);
  const VcdVarId state = writer.add_var("state", 1, VcdVarKind::string);
  writer.open_scope("core");
  for (std::size_t width : widths) ids.push_back(writer.add_var(fmt::format("r{}", width), width, VcdVarKind::reg));
  writer.close_scope();
  writer.close_scope();
  writer.change(clk, L0);
  writer.change_string(state, "IDLE");
  writer.end_definitions();

  std::mt19937_64 random(42);
  const std::vector<std::string> states{"IDLE", "LOAD", "RUN", "DONE", "x"};
  std::uint64_t time = 0;
  for (int step = 0; step < 400; ++step) {
    time += 5;
    writer.advance_to(time);
    writer.change(clk, step % 2 == 0 ? L1 : L0);
    if (random() % 4 == 0) writer.change_string(state, states[random() % states.size()]);
    for (std::size_t i = 0; i < widths.size(); ++i) {
      if (random() % 3 != 0) continue;
      const std::size_t words = (widths[i] + 63) / 64;
      std::vector<std::uint64_t> aval(words);
      std::vector<std::uint64_t> bval(words);
      const bool unknowns = random() % 4 == 0;
      for (std::size_t w = 0; w < words; ++w) {
        aval[w] = random();
        bval[w] = unknowns ? random() & random() : 0;
      }
      writer.change(ids[i], aval, bval);
    }
  }
  writer.close(time + 5);
}

TEST(GtkwaveRoundTrip, Vcd2fstThenFst2vcdKeepsEveryChange) {
  TempFile original("original.vcd");
  TempFile fst("converted.fst");
  TempFile converted("converted.vcd");
  write_random_trace(original.path());
  run(fmt::format("'{}' '{}' '{}' > /dev/null", TETRA_VCD2FST, original.path().string(), fst.path().string()));
  run(fmt::format("'{}' '{}' -o '{}' > /dev/null", TETRA_FST2VCD, fst.path().string(), converted.path().string()));

  const VcdReader ours = VcdReader::read(original.path());
  const VcdReader theirs = VcdReader::read(converted.path());
  EXPECT_EQ(theirs.timescale(), ours.timescale());
  EXPECT_EQ(theirs.scopes(), ours.scopes());
  ASSERT_EQ(theirs.variables().size(), ours.variables().size());
  for (const VcdVariable& var : ours.variables()) {
    ASSERT_TRUE(theirs.has_variable(var.path())) << var.path();
    const VcdVariable& twin = theirs.variable(var.path());
    EXPECT_EQ(twin.kind, var.kind) << var.path();
    if (var.kind != "string") {  // fst2vcd declares strings 0 bits wide
      EXPECT_EQ(twin.width, var.width) << var.path();
    }
    const std::vector<VcdChange>& expected = ours.changes(var.path());
    const std::vector<VcdChange>& actual = theirs.changes(var.path());
    ASSERT_EQ(actual.size(), expected.size()) << var.path();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(actual[i].time, expected[i].time) << var.path() << " change " << i;
      EXPECT_EQ(actual[i].value, expected[i].value) << var.path() << " change " << i;
    }
  }
  EXPECT_EQ(theirs.variable("top.state").width, 0U);  // fst2vcd's own way: this file really is theirs
  EXPECT_GT(ours.changes("top.core.r100").size(), 100U);
  EXPECT_EQ(theirs.timestamps().back(), ours.timestamps().back());
}

}  // namespace
}  // namespace tetra
