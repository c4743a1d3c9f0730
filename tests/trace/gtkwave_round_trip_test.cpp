// Round trips through GTKWave's converters: a VCD we write goes to FST with vcd2fst and
// back with fst2vcd, and an FST we write goes to VCD with fst2vcd; the strict reader must
// accept the result and find every variable with the same changes at the same times as
// in our own VCD. This checks that the files we write mean to GTKWave what they mean to us.

#include "sim/kernel/simulation.hpp"
#include "sim/module/module.hpp"
#include "sim/trace/fst_writer.hpp"
#include "sim/trace/tracer.hpp"
#include "sim/trace/vcd_reader.hpp"
#include "sim/trace/vcd_writer.hpp"
#include "sim/values/packed_enum.hpp"
#include "tests/trace/temp_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fmt/format.h>
#include <random>

namespace tetra {

TETRA_PACKED_ENUM(Stage, 2, Idle, Load, Run);

struct Flit {
  Vec<5> low;
  Vec<65> high;
  TETRA_PACKED_FIELDS(Flit, low, high)
};

namespace {

using namespace tetra::literals;

using testing::TempFile;

void run(const std::string& command) {
  const int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << "command failed: " << command;
}

// Writes a trace with every kind of variable: scalars, vectors of several word counts,
// four-state values, nested scopes and a string (enum name) variable.
void write_random_trace(WaveWriter& writer) {
  const std::vector<std::size_t> widths{1, 3, 16, 64, 65, 100};
  std::vector<WaveVarId> ids;
  writer.open_scope("top");
  const WaveVarId clk = writer.add_var("clk", 1, WaveVarKind::wire);
  const WaveVarId state = writer.add_var("state", 1, WaveVarKind::string);
  writer.open_scope("core");
  for (std::size_t width : widths) ids.push_back(writer.add_var(fmt::format("r{}", width), width, WaveVarKind::reg));
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

// Every variable of `ours` is in `theirs`, with the same changes at the same times.
void expect_same_changes(const VcdReader& ours, const VcdReader& theirs) {
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
  EXPECT_EQ(theirs.timestamps().back(), ours.timestamps().back());
}

VcdReader fst_as_vcd(const std::filesystem::path& fst, const std::filesystem::path& vcd) {
  run(fmt::format("'{}' '{}' -o '{}' > /dev/null", TETRA_FST2VCD, fst.string(), vcd.string()));
  return VcdReader::read(vcd);
}

TEST(GtkwaveRoundTrip, Vcd2fstThenFst2vcdKeepsEveryChange) {
  TempFile original("original.vcd");
  TempFile fst("converted.fst");
  TempFile converted("converted.vcd");
  {
    VcdWriter writer(original.path(), VcdTimescale::of(1, VcdTimeUnit::ps));
    write_random_trace(writer);
  }
  run(fmt::format("'{}' '{}' '{}' > /dev/null", TETRA_VCD2FST, original.path().string(), fst.path().string()));

  const VcdReader ours = VcdReader::read(original.path());
  const VcdReader theirs = fst_as_vcd(fst.path(), converted.path());
  expect_same_changes(ours, theirs);
  EXPECT_EQ(theirs.variable("top.state").width, 0U);  // fst2vcd's own way: this file really is theirs
  EXPECT_GT(ours.changes("top.core.r100").size(), 100U);
}

TEST(GtkwaveRoundTrip, OurFstReadByFst2vcdCarriesTheChangesOfOurVcd) {
  TempFile vcd("ours.vcd");
  TempFile fst("ours.fst");
  TempFile converted("converted.vcd");
  {
    VcdWriter vcd_writer(vcd.path(), VcdTimescale::of(10, VcdTimeUnit::ns));
    FstWriter fst_writer(fst.path(), VcdTimescale::of(10, VcdTimeUnit::ns));
    write_random_trace(vcd_writer);
    write_random_trace(fst_writer);
  }
  const VcdReader ours = VcdReader::read(vcd.path());
  const VcdReader theirs = fst_as_vcd(fst.path(), converted.path());
  expect_same_changes(ours, theirs);
  EXPECT_GT(ours.changes("top.core.r65").size(), 100U);
  EXPECT_EQ(theirs.variable("top.state").width, 0U);
}

// A pipeline stage with a wide data path that starts unknown, an enum state and a packed
// struct (a scope of fields), traced into both formats at once.
struct Stager : Module {
  Signal<Logic> clk{*this, "clk", L0};
  Signal<Vec<70>> data{*this, "data"};
  Signal<Stage> stage{*this, "stage", Stage::Idle};
  Signal<Flit> flit{*this, "flit"};

  explicit Stager(Scope& parent) : Module(parent, "top") {
    method("advance", [this] {
      const Vec<70> next = data.read().is_known() ? data.read() + Vec<70>::from_uint(3) : Vec<70>::from_uint(1);
      data.write(next);
      flit.write(from_bits<Flit>(next));
      const Stage now = stage.read();
      stage.write(now == Stage::Idle ? Stage(Stage::Load) : now == Stage::Load ? Stage(Stage::Run) : Stage(Stage::Idle));
    }).sensitive(clk.posedge());
  }
};

TEST(GtkwaveRoundTrip, TraceFstAndTraceVcdOfOneRunCarryTheSameChanges) {
  TempFile vcd("run.vcd");
  TempFile fst("run.fst");
  TempFile converted("converted.vcd");
  trace_value_names<Stage>();
  {
    Simulation sim;
    Stager top(sim);
    sim.thread("clock", [&top] {
      for (int cycle = 0; cycle < 50; ++cycle) {
        wait(5_ns);
        top.clk.write(L1);
        wait(5_ns);
        top.clk.write(L0);
      }
    });
    EXPECT_EQ(trace_fst(sim, fst.path()).traced_paths(), trace_vcd(sim, vcd.path()).traced_paths());
    sim.run();
  }
  const VcdReader ours = VcdReader::read(vcd.path());
  const VcdReader theirs = fst_as_vcd(fst.path(), converted.path());
  expect_same_changes(ours, theirs);
  EXPECT_EQ(ours.changes("top.data").front().value, std::string(70, 'x'));
  EXPECT_EQ(ours.changes("top.stage_name").size(), 51U);
  EXPECT_EQ(ours.changes("top.flit.low").size(), 51U);
  EXPECT_EQ(ours.changes("top.flit.high").size(), 6U);  // X, then 0 and a carry at 32, 64, 96 and 128
  EXPECT_EQ(theirs.variable("top.flit.low").width, 5U);
}

}  // namespace
}  // namespace tetra
