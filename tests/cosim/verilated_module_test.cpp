// The bridge's semantics (docs/cosim.md): values of every width cross it both ways,
// outputs come back in the same time slot, clock edges propagate, several models share
// a simulation, and the model's own run control (plusargs, $finish, $stop, $fatal) works.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "cosim_encoder70.hpp"
#include "cosim_encoder8.hpp"
#include "cosim_include_dirs.hpp"
#include "cosim_run_control.hpp"
#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/format.hpp"
#include "tests/cosim/random_values.hpp"
#include "tests/cosim/widths_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

TEST(VerilatedModule, PortsHaveTheVerilogNamesAndWidths) {
  WidthsBench bench;
  EXPECT_EQ(bench.dut.b5.path(), "dut.b5");
  EXPECT_EQ(bench.dut.top_module(), "widths");
  static_assert(std::is_same_v<decltype(bench.dut.b1), In<Logic>>);
  static_assert(std::is_same_v<decltype(bench.dut.b100), In<Vec<100>>>);
  static_assert(std::is_same_v<decltype(bench.dut.b128), In<Vec<128>>>);
  static_assert(std::is_same_v<decltype(bench.dut.not_b65), Out<Vec<65>>>);
  static_assert(std::is_same_v<decltype(bench.dut.q100), Out<Vec<100>>>);
}

TEST(VerilatedModule, EveryWidthCrossesTheBridgeBothWays) {
  WidthsBench bench;
  std::mt19937_64 random(7);
  int checked = 0;
  bench.sim.thread("test", [&] {
    wait(1_ns);
    for (int step = 0; step < 200; ++step) {
      const auto v1 = random_vec<1>(random);
      const auto v5 = random_vec<5>(random);
      const auto v16 = random_vec<16>(random);
      const auto v17 = random_vec<17>(random);
      const auto v33 = random_vec<33>(random);
      const auto v64 = random_vec<64>(random);
      const auto v65 = random_vec<65>(random);
      const auto v100 = random_vec<100>(random);
      const auto v128 = random_vec<128>(random);
      bench.b1.write(v1.bit(0));
      bench.b5.write(v5);
      bench.b16.write(v16);
      bench.b17.write(v17);
      bench.b33.write(v33);
      bench.b64.write(v64);
      bench.b65.write(v65);
      bench.b100.write(v100);
      bench.b128.write(v128);
      wait(1_ns);
      EXPECT_EQ(bench.not_b1.read(), ~v1.bit(0));
      EXPECT_EQ(bench.not_b5.read(), ~v5);
      EXPECT_EQ(bench.not_b16.read(), ~v16);
      EXPECT_EQ(bench.not_b17.read(), ~v17);
      EXPECT_EQ(bench.not_b33.read(), ~v33);
      EXPECT_EQ(bench.not_b64.read(), ~v64);
      EXPECT_EQ(bench.not_b65.read(), ~v65);
      EXPECT_EQ(bench.not_b100.read(), ~v100) << fmt::format("{} -> {}", v100, bench.not_b100.read());
      EXPECT_EQ(bench.not_b128.read(), ~v128);
      ++checked;
    }
  });
  bench.sim.run();
  EXPECT_EQ(checked, 200);
}

TEST(VerilatedModule, OutputsComeBackInTheSameTimeSlotOneDeltaAfterTheEvaluation) {
  WidthsBench bench;
  std::vector<std::string> events;
  // A Tetra process consuming the model's output, as it would any signal's.
  bench.sim.method("consumer", [&] {
    events.push_back(fmt::format("{} not_b5={}", now(), bench.not_b5.read()));
  }).sensitive(bench.not_b5).run_at_start(false);
  bench.sim.thread("test", [&] {
    wait(10_ns);
    bench.b5.write(Vec<5>(3));
    wait(bench.not_b5.changed());
    events.push_back(fmt::format("thread woken at {}", now()));
  });
  bench.sim.run();
  // At start-up the model's first evaluation publishes ~0; at 10 ns, ~3.
  EXPECT_EQ(events, (std::vector<std::string>{"0 s not_b5=5'b11111", "10 ns not_b5=5'b11100",
                                              "thread woken at 10 ns"}));
}

TEST(VerilatedModule, TheFirstEvaluationSeesTheValuesWrittenAtStartUp) {
  Simulation sim;
  Signal<Logic> clk{sim, "clk"};  // all X until the test writes them, in the start-up delta
  Signal<Vec<8>> request{sim, "request"};
  Signal<Logic> valid{sim, "valid"};
  Signal<Vec<3>> index{sim, "index"};
  verilog::Encoder8 encoder{sim, "encoder"};
  encoder.request(request);
  encoder.valid(valid);
  encoder.index(index);
  sim.thread("test", [&] { request.write(Vec<8>(0b0100'0000)); });
  sim.run();
  EXPECT_EQ(valid.read(), L1);
  EXPECT_EQ(index.read(), Vec<3>(6));
  EXPECT_EQ(encoder.evaluations(), 1u);
}

TEST(VerilatedModule, ClockEdgesPropagate) {
  WidthsBench bench;
  const auto first = Vec<100>::parse("100'h1_2345_6789_abcd_ef01_2345_6789");
  const auto second = Vec<100>::parse("100'h9_8765_4321_0fed_cba9_8765_4321");
  bench.sim.thread("test", [&] {
    bench.b100.write(first);
    wait(5_ns);
    bench.clk.write(L1);  // rising edge: q100 takes b100
    wait(1_ns);
    EXPECT_EQ(bench.q100.read(), first);
    bench.b100.write(second);
    wait(1_ns);
    EXPECT_EQ(bench.q100.read(), first) << "no edge, no change";
    bench.clk.write(L0);  // falling edge: nothing
    wait(1_ns);
    EXPECT_EQ(bench.q100.read(), first);
    bench.clk.write(L1);
    wait(1_ns);
    EXPECT_EQ(bench.q100.read(), second);
  });
  bench.sim.run();
}

TEST(VerilatedModule, ModelsOfDifferentDesignsAndTwoInstancesOfOneShareASimulation) {
  WidthsBench bench;  // one design...
  Signal<Vec<8>> request{bench.sim, "request", Vec<8>::zeros()};
  Signal<Logic> valid_a{bench.sim, "valid_a"}, valid_b{bench.sim, "valid_b"};
  Signal<Vec<3>> index_a{bench.sim, "index_a"}, index_b{bench.sim, "index_b"};
  // ... and two instances of another, on the same input, one of them fed through the first design.
  verilog::Encoder8 a{bench.sim, "a"};
  verilog::Encoder8 b{bench.sim, "b"};
  Signal<Vec<8>> inverted{bench.sim, "inverted"};
  a.request(request);
  a.valid(valid_a);
  a.index(index_a);
  b.request(inverted);
  b.valid(valid_b);
  b.index(index_b);
  bench.sim.method("invert", [&] { inverted.write(trunc<8>(bench.not_b16.read())); }).sensitive(bench.not_b16);
  bench.sim.thread("test", [&] {
    for (std::uint64_t value : {0x01u, 0x80u, 0x30u, 0xffu, 0x00u}) {
      request.write(Vec<8>(value));
      bench.b16.write(zext<16>(Vec<8>(value)));
      wait(1_ns);
      EXPECT_EQ(valid_a.read(), value != 0 ? L1 : L0);
      EXPECT_EQ(valid_b.read(), value != 0xff ? L1 : L0);
      if (value != 0) {
        EXPECT_EQ(index_a.read().to_uint64(), static_cast<std::uint64_t>(__builtin_ctzll(value)));
      }
      if (value != 0xff) {
        EXPECT_EQ(index_b.read().to_uint64(), static_cast<std::uint64_t>(__builtin_ctzll(~value & 0xff)));
      }
    }
  });
  bench.sim.run();
}

TEST(VerilatedModule, TwoTargetsOfOneTopWithDifferentParametersLiveInOneProgram) {
  Simulation sim;
  Signal<Vec<70>> wide_request{sim, "wide_request", Vec<70>::zeros()};
  Signal<Logic> wide_valid{sim, "wide_valid"};
  Signal<Vec<7>> wide_index{sim, "wide_index"};
  verilog::Encoder70 wide{sim, "wide"};  // priority_encoder with -GWIDTH=70
  wide.request(wide_request);
  wide.valid(wide_valid);
  wide.index(wide_index);
  Signal<Vec<8>> request{sim, "request", Vec<8>::zeros()};
  Signal<Logic> valid{sim, "valid"};
  Signal<Vec<3>> index{sim, "index"};
  verilog::Encoder8 narrow{sim, "narrow"};  // the same module with -GWIDTH=8
  narrow.request(request);
  narrow.valid(valid);
  narrow.index(index);
  sim.thread("test", [&] {
    Vec<70> value = Vec<70>::zeros();
    value.set_bit(69, L1);
    value.set_bit(66, L1);
    wide_request.write(value);
    request.write(Vec<8>(0x30));
    wait(1_ns);
    EXPECT_EQ(wide_index.read(), Vec<7>(66));
    EXPECT_EQ(index.read(), Vec<3>(4));
  });
  sim.run();
}

TEST(VerilatedModule, IncludeDirsFindIncludedFilesAndModules) {
  Simulation sim;
  Signal<Vec<16>> request{sim, "request", Vec<16>(0x8000)};
  Signal<Vec<4>> index{sim, "index"};
  verilog::IncludeDirs dut{sim, "dut"};  // a 16-bit encoder: its width from an `include file
  dut.request(request);
  dut.index(index);
  sim.run();
  EXPECT_EQ(index.read(), Vec<4>(15));
}

/// The run-control model with its signals.
struct RunControlBench {
  Simulation sim;
  Signal<Logic> clk{sim, "clk", L0};
  Signal<Logic> do_finish{sim, "do_finish", L0};
  Signal<Logic> do_stop{sim, "do_stop", L0};
  Signal<Logic> do_fatal{sim, "do_fatal", L0};
  Signal<Vec<32>> value{sim, "value"};
  Signal<Logic> has_flag{sim, "has_flag"};
  verilog::RunControl dut;

  explicit RunControlBench(VerilatedOptions options = {}, std::string_view name = "dut")
      : dut(sim, name, std::move(options)) {
    dut.clk(clk);
    dut.do_finish(do_finish);
    dut.do_stop(do_stop);
    dut.do_fatal(do_fatal);
    dut.plusarg_value(value);
    dut.has_flag(has_flag);
  }
  /// A rising edge 10 ns from now, with `input` at 1; returns 10 ns after the edge.
  void pulse(Signal<Logic>& input) {
    input.write(L1);
    wait(10_ns);
    clk.write(L1);
    wait(10_ns);
    clk.write(L0);
    input.write(L0);
  }
};

TEST(VerilatedModule, EachInstanceHasItsOwnPlusargs) {
  Simulation sim;
  Signal<Logic> zero{sim, "zero", L0};
  Signal<Vec<32>> value_a{sim, "value_a"}, value_b{sim, "value_b"}, value_c{sim, "value_c"};
  Signal<Logic> flag_a{sim, "flag_a"}, flag_b{sim, "flag_b"}, flag_c{sim, "flag_c"};
  verilog::RunControl a{sim, "a", {.plusargs = {"+value=17", "+flag"}}};
  verilog::RunControl b{sim, "b", {.plusargs = {"+value=4000000000"}}};
  verilog::RunControl c{sim, "c"};
  for (verilog::RunControl* dut : {&a, &b, &c}) {
    dut->clk(zero);
    dut->do_finish(zero);
    dut->do_stop(zero);
    dut->do_fatal(zero);
  }
  a.plusarg_value(value_a);
  b.plusarg_value(value_b);
  c.plusarg_value(value_c);
  a.has_flag(flag_a);
  b.has_flag(flag_b);
  c.has_flag(flag_c);
  sim.run();
  EXPECT_EQ(value_a.read(), Vec<32>(17));
  EXPECT_EQ(flag_a.read(), L1);
  EXPECT_EQ(value_b.read(), Vec<32>(4'000'000'000u));
  EXPECT_EQ(flag_b.read(), L0);
  EXPECT_EQ(value_c.read(), Vec<32>(0));
  EXPECT_EQ(flag_c.read(), L0);
}

TEST(VerilatedModule, APlusargMustStartWithAPlus) {
  Simulation sim;
  try {
    verilog::RunControl dut{sim, "dut", {.plusargs = {"value=3"}}};
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "dut: plusarg 'value=3' does not start with '+'");
  }
}

TEST(VerilatedModule, VerilogFinishEndsTheSimulation) {
  RunControlBench bench;
  bench.sim.thread("test", [&] {
    bench.pulse(bench.do_finish);
    wait(1_us);
    ADD_FAILURE() << "the simulation should have ended at the $finish";
  });
  bench.sim.run();
  EXPECT_EQ(bench.sim.now(), 10_ns);
}

TEST(VerilatedModule, VerilogStopIsAnErrorWithTheFileAndLine) {
  RunControlBench bench;
  bench.sim.thread("test", [&] { bench.pulse(bench.do_stop); });
  try {
    bench.sim.run();
    FAIL() << "expected a VerilogError";
  } catch (const VerilogError& error) {
    EXPECT_EQ(error.time(), 10_ns);
    EXPECT_EQ(error.path(), "dut");
    EXPECT_NE(error.reason().find("run_control.sv:18: Verilog $stop"), std::string::npos) << error.what();
  }
}

// Verilator prints $fatal's message itself ("%Error: run_control.sv:19: Assertion failed
// in dut.run_control: fatal on request"), then stops as for $stop.
TEST(VerilatedModule, VerilogFatalIsAnErrorWithTheFileAndLine) {
  RunControlBench bench;
  bench.sim.thread("test", [&] { bench.pulse(bench.do_fatal); });
  try {
    bench.sim.run();
    FAIL() << "expected a VerilogError";
  } catch (const VerilogError& error) {
    EXPECT_EQ(error.time(), 10_ns);
    EXPECT_NE(error.reason().find("run_control.sv:19"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace tetra::test
