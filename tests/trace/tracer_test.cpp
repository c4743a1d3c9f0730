#include "sim/trace/tracer.hpp"

#include "sim/kernel/errors.hpp"
#include "sim/kernel/wire.hpp"
#include "sim/module/module.hpp"
#include "sim/values/array.hpp"
#include "sim/trace/vcd_reader.hpp"
#include "tests/support/expect_error.hpp"
#include "tests/trace/vcd_change_printer.hpp"
#include "tests/trace/temp_file.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace tetra {

TETRA_PACKED_ENUM(Phase, 2, Idle, Fetch, Execute);

// A packed struct whose nested struct straddles the first 64-bit word of the bits.
struct Tag {
  Vec<10> id;
  Logic last;
  TETRA_PACKED_FIELDS(Tag, id, last)
};
struct Beat {
  Vec<60> data;
  Tag tag;
  Phase phase;
  TETRA_PACKED_FIELDS(Beat, data, tag, phase)
};

namespace {

using namespace tetra::literals;
using testing::expect_error;
using testing::TempFile;

// A 4-bit counter with a wrap flag, clocked by its parent's clock.
struct Counter : Module {
  Signal<Vec<4>> count{*this, "count", Vec<4>::zeros()};
  Signal<Logic> wrapped{*this, "wrapped", L0};

  Counter(Scope& parent, std::string_view name, const Signal<Logic>& clk) : Module(parent, name) {
    method("tick", [this] {
      const Vec<4> next = count.read() + Vec<4>::from_uint(1);
      count.write(next);
      wrapped.write(next == Vec<4>::zeros() ? L1 : L0);
    }).sensitive(clk.posedge());
  }
};

struct Top : Module {
  Signal<Logic> clk{*this, "clk", L0};
  Signal<Vec<100>> wide{*this, "wide"};  // never written: stays all-X
  Counter counter{*this, "counter", clk};

  explicit Top(Scope& parent) : Module(parent, "top") {}
};

// Drives `clk` high at 0, 10, 20 ns ... for `cycles` cycles, low at 5, 15, 25 ns ...
void clock(Simulation& sim, Signal<Logic>& clk, int cycles) {
  sim.thread("clock", [&clk, cycles] {
    for (int cycle = 0; cycle < cycles; ++cycle) {
      clk.write(L1);
      wait(5_ns);
      clk.write(L0);
      wait(5_ns);
    }
  });
}

std::string bits4(unsigned value) { return fmt::format("{:04b}", value & 15U); }

TEST(Tracer, TracesADesignEndToEndWithScopesMirroringTheHierarchy) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Top top(sim);
    clock(sim, top.clk, 20);
    const Tracer& tracer = trace_vcd(sim, file.path());
    EXPECT_EQ(tracer.traced_paths(),
              (std::vector<std::string>{"top.clk", "top.wide", "top.counter.count", "top.counter.wrapped"}));
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timescale(), VcdTimescale::of(1, VcdTimeUnit::ps));
  EXPECT_EQ(vcd.scopes(), (std::vector<std::string>{"top", "top.counter"}));
  EXPECT_EQ(vcd.variable("top.clk").kind, "reg");
  EXPECT_EQ(vcd.variable("top.wide").width, 100U);
  EXPECT_EQ(vcd.variable("top.counter.count").width, 4U);

  // The first time slot settles before the dump: the clock rose at 0 and the counter counted.
  std::vector<VcdChange> clk{{0, "1", true}};
  std::vector<VcdChange> count{{0, "0001", true}};
  std::vector<VcdChange> wrapped{{0, "0", true}};
  for (unsigned cycle = 1; cycle < 20; ++cycle) {
    clk.push_back({cycle * 10'000 - 5'000, "0", false});
    clk.push_back({cycle * 10'000, "1", false});
    count.push_back({cycle * 10'000, bits4(cycle + 1), false});
    if ((cycle + 1) % 16 == 0) wrapped.push_back({cycle * 10'000, "1", false});
    if ((cycle + 1) % 16 == 1) wrapped.push_back({cycle * 10'000, "0", false});
  }
  clk.push_back({195'000, "0", false});
  EXPECT_EQ(vcd.changes("top.clk"), clk);
  EXPECT_EQ(vcd.changes("top.counter.count"), count);
  EXPECT_EQ(vcd.changes("top.counter.wrapped"), wrapped);
  EXPECT_EQ(vcd.changes("top.wide"), (std::vector<VcdChange>{{0, std::string(100, 'x'), true}}));
  // A timestamp for each slot where something changed, then the end of the run.
  EXPECT_EQ(vcd.timestamps().size(), 2U * 20 + 1);
  EXPECT_EQ(vcd.timestamps().back(), 200'000U);
}

TEST(Tracer, SelectsSignalsByGlobOnTheirPaths) {
  TempFile only_counter("counter.vcd");
  TempFile only_counts("counts.vcd");
  {
    Simulation sim;
    Top top(sim);
    clock(sim, top.clk, 3);
    EXPECT_EQ(trace_vcd(sim, only_counter.path(), "top.counter.*").traced_paths(),
              (std::vector<std::string>{"top.counter.count", "top.counter.wrapped"}));
    EXPECT_EQ(trace_vcd(sim, only_counts.path(), "*.count", "top.c?k").traced_paths(),
              (std::vector<std::string>{"top.clk", "top.counter.count"}));
    sim.run();
  }
  const VcdReader counter = VcdReader::read(only_counter.path());
  EXPECT_EQ(counter.scopes(), (std::vector<std::string>{"top", "top.counter"}));
  EXPECT_EQ(counter.variables().size(), 2U);
  EXPECT_FALSE(counter.has_variable("top.clk"));
  EXPECT_EQ(counter.value_at("top.counter.count", 20'000), "0011");

  const VcdReader counts = VcdReader::read(only_counts.path());
  EXPECT_EQ(counts.variables().size(), 2U);
  EXPECT_EQ(counts.changes("top.counter.count"), VcdReader::read(only_counter.path()).changes("top.counter.count"));
}

TEST(Tracer, AGlobThatMatchesNothingIsAnError) {
  TempFile file("trace.vcd");
  Simulation sim;
  Top top(sim);
  expect_error<std::invalid_argument>([&] { trace_vcd(sim, file.path(), "top.*", "top.fifo.*"); },
                                      fmt::format("trace_vcd('{}'): no signal matches 'top.fifo.*'", file.path().string()));
  EXPECT_FALSE(std::filesystem::exists(file.path()));
}

TEST(Tracer, RecordsTheSettledValueOfEachTimeSlotNotItsDeltas) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Signal<Logic> a(sim, "a", L0);
    Signal<Logic> b(sim, "b", L0);
    Signal<Logic> pulse(sim, "pulse", L0);
    // b follows a one delta later, so pulse (a xor b) is high for one delta when a
    // rises and falls again within the same time slot: a viewer must never see it.
    sim.method("follow", [&] { b.write(a.read()); }).sensitive(a);
    sim.method("glitch", [&] { pulse.write(a.read() ^ b.read()); }).sensitive(a, b);
    sim.thread("stimulus", [&] {
      wait(3_ns);
      a.write(L1);
    });
    trace_vcd(sim, file.path());
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  // Signals in the simulation root are put in a scope named TOP.
  EXPECT_EQ(vcd.scopes(), std::vector<std::string>{"TOP"});
  EXPECT_EQ(vcd.changes("TOP.a"), (std::vector<VcdChange>{{0, "0", true}, {3'000, "1", false}}));
  EXPECT_EQ(vcd.changes("TOP.b"), (std::vector<VcdChange>{{0, "0", true}, {3'000, "1", false}}));
  EXPECT_EQ(vcd.changes("TOP.pulse"), (std::vector<VcdChange>{{0, "0", true}}));
  EXPECT_EQ(vcd.timestamps(), (std::vector<std::uint64_t>{0, 3'000}));
}

TEST(Tracer, LeavesACompleteClosedFileWhenAProcessThrowsDuringRun) {
  TempFile file("trace.vcd");
  Simulation sim;
  Top top(sim);
  clock(sim, top.clk, 100);
  sim.thread("checker", [] {
    wait(42_ns);
    throw std::runtime_error("scoreboard mismatch");
  });
  trace_vcd(sim, file.path(), "top.counter.count");
  try {
    sim.run();
    ADD_FAILURE() << "the run should have failed";
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.path(), "checker");
  }
  // The simulation still exists: the end hook, not a destructor, closed the file.
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("top.counter.count").size(), 5U);  // counts at 0, 10, 20, 30, 40 ns
  EXPECT_EQ(vcd.value_at("top.counter.count", 41'999), "0101");
  EXPECT_EQ(vcd.timestamps().back(), 42'000U);
}

TEST(Tracer, KeepsTheChangesOfTheSlotInWhichTheRunFailed) {
  TempFile file("trace.vcd");
  Simulation sim;
  Signal<Vec<4>> code(sim, "code", Vec<4>::zeros());
  sim.thread("checker", [&] {
    wait(42_ns);
    code.write(Vec<4>::from_uint(9));
    wait(code.changed());  // a later delta of the same slot
    throw std::runtime_error("scoreboard mismatch");
  });
  trace_vcd(sim, file.path(), "code");
  EXPECT_THROW(sim.run(), ProcessError);
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("TOP.code"), (std::vector<VcdChange>{{0, "0000", true}, {42'000, "1001", false}}));
}

TEST(Tracer, ClosesTheFileWhenTheSimulationIsDestroyedBeforeItEnds) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Top top(sim);
    clock(sim, top.clk, 100);
    trace_vcd(sim, file.path(), "top.clk");
    sim.run(22_ns);
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.changes("top.clk").size(), 5U);  // 0, 5, 10, 15, 20 ns
  EXPECT_EQ(vcd.timestamps().back(), 22'000U);
}

TEST(Tracer, UsesTheSimulationResolutionAsTimescale) {
  TempFile file("trace.vcd");
  {
    Simulation sim(10_ns);
    Signal<Vec<3>> v(sim, "v", Vec<3>::zeros());
    sim.thread("stimulus", [&] {
      wait(50_ns);
      v.write(Vec<3>::from_uint(5));
    });
    trace_vcd(sim, file.path());
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.timescale(), VcdTimescale::of(10, VcdTimeUnit::ns));
  EXPECT_EQ(vcd.changes("TOP.v"), (std::vector<VcdChange>{{0, "000", true}, {5, "101", false}}));
}

TEST(Tracer, TracesNamedValuesWithTheirNamesAsWellAsTheirBits) {
  TempFile file("trace.vcd");
  trace_value_names<Phase>();
  {
    Simulation sim;
    Signal<Phase> state(sim, "state");
    Signal<Vec<2>> plain(sim, "plain", Vec<2>::zeros());
    sim.thread("fsm", [&] {
      wait(5_ns);
      state.write(Phase::Idle);
      wait(5_ns);
      state.write(Phase::Fetch);
      wait(10_ns);
      state.write(Phase::Execute);
      wait(10_ns);
      state.write(Phase(Vec<2>::from_uint(3)));
      wait(10_ns);
      state.write(Phase(Vec<2>::parse("2'b0z")));
    });
    EXPECT_EQ(trace_vcd(sim, file.path()).traced_paths(), (std::vector<std::string>{"state", "plain"}));
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.variable("TOP.state_name").kind, "string");
  EXPECT_FALSE(vcd.has_variable("TOP.plain_name"));
  EXPECT_EQ(vcd.changes("TOP.state"),
            (std::vector<VcdChange>{{0, "xx", true}, {5'000, "00", false}, {10'000, "01", false},
                                    {20'000, "10", false}, {30'000, "11", false}, {40'000, "0z", false}}));
  // Bits that name no state show as themselves.
  EXPECT_EQ(vcd.changes("TOP.state_name"),
            (std::vector<VcdChange>{{0, "xx", true}, {5'000, "Idle", false}, {10'000, "Fetch", false},
                                    {20'000, "Execute", false}, {30'000, "11", false}, {40'000, "0z", false}}));
}

TEST(Tracer, RefusesANameVariableThatWouldClashWithASignal) {
  TempFile file("trace.vcd");
  trace_value_names<Phase>();
  Simulation sim;
  Module fsm(sim, "fsm");
  Signal<Phase> state(fsm, "state");
  Signal<Logic> state_name(fsm, "state_name", L0);
  expect_error<std::invalid_argument>(
      [&] { trace_vcd(sim, file.path()); },
      fmt::format("trace_vcd('{}'): cannot trace the names of 'fsm.state' as 'state_name': fsm.state_name exists",
                  file.path().string()));
}

TEST(Tracer, TracesAMemoryAsOneVectorWithElementZeroLowest) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Signal<Array<Vec<4>, 3>> memory(sim, "memory");
    sim.thread("writer", [&] {
      wait(1_ns);
      Array<Vec<4>, 3> contents;
      for (std::size_t i = 0; i < 3; ++i) contents[i] = Vec<4>::from_uint(i + 1);
      memory.write(contents);
    });
    trace_vcd(sim, file.path());
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.variable("TOP.memory").width, 12U);
  EXPECT_EQ(vcd.changes("TOP.memory"),
            (std::vector<VcdChange>{{0, "xxxxxxxxxxxx", true}, {1'000, "001100100001", false}}));
}

TEST(Tracer, TracesAResolvedWireAsAWireWithItsResolvedValue) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Wire<Vec<4>> bus(sim, "bus");
    auto a = bus.add_driver();
    auto b = bus.add_driver();
    sim.thread("drive", [&] {
      wait(1_ns);
      a.write(Vec<4>::parse("4'b1100"));
      wait(1_ns);
      b.write(Vec<4>::parse("4'b10z0"));
      wait(1_ns);
      a.release();
    });
    trace_vcd(sim, file.path());
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.variable("TOP.bus").kind, "wire");
  EXPECT_EQ(vcd.changes("TOP.bus"), (std::vector<VcdChange>{{0, "zzzz", true},
                                                             {1'000, "1100", false},
                                                             {2'000, "1x00", false},
                                                             {3'000, "10z0", false}}));
}

TEST(Tracer, TracesAPackedStructAsAScopeWithAVariablePerField) {
  TempFile file("trace.vcd");
  {
    Simulation sim;
    Signal<Beat> beat(sim, "beat");  // all X until written
    sim.thread("source", [&] {
      wait(1_ns);
      beat.write(Beat{Vec<60>::from_uint(0xABCDEF), Tag{Vec<10>::from_uint(0x2A5), L1}, Phase::Fetch});
      wait(1_ns);
      Beat next = beat.read();
      next.tag.id = Vec<10>::from_uint(0x1FF);  // only the field across the word boundary
      beat.write(next);
    });
    trace_vcd(sim, file.path());
    sim.run();
  }
  const VcdReader vcd = VcdReader::read(file.path());
  EXPECT_EQ(vcd.scopes(), (std::vector<std::string>{"TOP", "TOP.beat", "TOP.beat.tag"}));
  EXPECT_FALSE(vcd.has_variable("TOP.beat"));
  EXPECT_EQ(vcd.variable("TOP.beat.data").width, 60U);
  EXPECT_EQ(vcd.variable("TOP.beat.tag.id").width, 10U);
  EXPECT_EQ(vcd.variable("TOP.beat.tag.last").width, 1U);
  EXPECT_EQ(vcd.variable("TOP.beat.phase").width, 2U);
  EXPECT_EQ(vcd.changes("TOP.beat.data"),
            (std::vector<VcdChange>{{0, std::string(60, 'x'), true}, {1'000, fmt::format("{:060b}", 0xABCDEF), false}}));
  EXPECT_EQ(vcd.changes("TOP.beat.tag.id"), (std::vector<VcdChange>{{0, std::string(10, 'x'), true},
                                                                    {1'000, "1010100101", false},
                                                                    {2'000, "0111111111", false}}));
  EXPECT_EQ(vcd.changes("TOP.beat.tag.last"), (std::vector<VcdChange>{{0, "x", true}, {1'000, "1", false}}));
  EXPECT_EQ(vcd.changes("TOP.beat.phase"), (std::vector<VcdChange>{{0, "xx", true}, {1'000, "01", false}}));
}

TEST(VcdTimescaleOf, MapsResolutionsAndRejectsThoseVcdCannotState) {
  EXPECT_EQ(vcd_timescale_of(1_ps), VcdTimescale::of(1, VcdTimeUnit::ps));
  EXPECT_EQ(vcd_timescale_of(100_fs), VcdTimescale::of(100, VcdTimeUnit::fs));
  EXPECT_EQ(vcd_timescale_of(10_us), VcdTimescale::of(10, VcdTimeUnit::us));
  EXPECT_EQ(vcd_timescale_of(1_s), VcdTimescale::of(1, VcdTimeUnit::s));
  EXPECT_EQ(vcd_timescale_of(1000_ps), VcdTimescale::of(1, VcdTimeUnit::ns));
  expect_error<std::invalid_argument>(
      [] { (void)vcd_timescale_of(250_ps); },
      "a resolution of 250 ps has no VCD timescale: VCD needs 1, 10 or 100 of s, ms, us, ns, ps or fs");
}

}  // namespace
}  // namespace tetra
