// Ready/valid drivers and monitors, and the assertions over cycles, on sim/lib's skid buffer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/lib/skid_buffer.hpp"
#include "sim/testbench/assertions.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/runner.hpp"
#include "sim/testbench/scoreboard.hpp"
#include "sim/testbench/stream.hpp"
#include "tests/testbench/runner_output.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;
using tetra::test_support::run_runner;
using testing::HasSubstr;

class SkidTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> in_valid{*this, "in_valid", L0};
  Signal<Vec<8>> in_data{*this, "in_data"};
  Signal<Logic> in_ready{*this, "in_ready"};
  Signal<Logic> out_valid{*this, "out_valid"};
  Signal<Vec<8>> out_data{*this, "out_data"};
  Signal<Logic> out_ready{*this, "out_ready", L0};
  ClockGenerator clock{*this, "clock", 10_ns};
  ResetGenerator reset{*this, "reset", 2};
  SkidBuffer<Vec<8>> skid{*this, "skid"};
  Scoreboard<Vec<8>> scoreboard{"skid"};
  StreamDriver<Vec<8>> driver{clk, in_valid, in_data, in_ready};
  StreamMonitor<Vec<8>> monitor{clk, rst, out_valid, out_data, out_ready};

  explicit SkidTop(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    reset.clk(clk);
    reset.rst(rst);
    skid.clk(clk);
    skid.rst(rst);
    skid.in_valid(in_valid);
    skid.in_data(in_data);
    skid.in_ready(in_ready);
    skid.out_valid(out_valid);
    skid.out_data(out_data);
    skid.out_ready(out_ready);
  }

  // The checks every test starts: transfers into the scoreboard, and the three assertions.
  void start_checks() {
    monitor.start("monitor", [this](const Vec<8>& word) { scoreboard.observe(word); });
    assert_stable_while_not_ready("out_stable", clk, out_valid, out_data, out_ready);
    assert_never_unknown_after_reset("out_known", clk, rst, {&out_valid, &in_ready});
    assert_implies_within("accepted_shows", clk, [this] { return in_valid.read() == L1 && in_ready.read() == L1; },
                          [this] { return out_valid.read() == L1; }, 1);
  }
};

void sends_words(SkidTop& top) {
  top.start_checks();
  top.driver.set_gap_chance(0.3);
  drive_ready("ready", top.clk, top.out_ready, 0.6);
  wait(top.rst.negedge());
  for (int word = 0; word < 300; ++word) {
    const Vec<8> value = test_random().vec<8>();
    top.scoreboard.expect(value);
    top.driver.send(value);
  }
  top.driver.idle();
  while (top.scoreboard.pending() > 0) next_cycle(top.clk);
  expect(top.scoreboard.matched() == 300, "every word through");
}

TEST(Stream, DriverMonitorAndScoreboardCarryWordsThroughASkidBuffer) {
  const auto result = run_runner([](Runner& runner) { runner.add<SkidTop>("sends", sends_words); }, {"--seed", "9"});
  EXPECT_EQ(result.status, 0) << result.text;
}

TEST(Stream, ALostWordIsReportedWhenTheTestEnds) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<SkidTop>("loses", [](SkidTop& top) {
          top.start_checks();
          wait(top.rst.negedge());
          top.scoreboard.expect(Vec<8>(5));
          next_cycle(top.clk);
        });
      },
      {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] loses: at 30 ns: scoreboard skid: 1 expected item(s) never observed, "
                                     "the first 8'b00000101 (at 15 ns)"));
}

TEST(Stream, XOnAHandshakeOutOfResetStopsTheTest) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<SkidTop>("x_ready", [](SkidTop& top) {
          top.start_checks();
          wait(top.rst.negedge());
          top.out_ready.write(LX);
          next_cycles(top.clk, 3);
        });
      },
      {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] x_ready: at 25 ns in monitor: top.out_ready is x at a rising edge"));
}

TEST(Assertions, DataChangingWhileNotReadyNamesTheCycle) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<SkidTop>("unstable", [](SkidTop& top) {
          assert_stable_while_not_ready("in_stable", top.clk, top.in_valid, top.in_data, top.out_ready);
          top.in_valid.write(L1);
          top.in_data.write(Vec<8>(1));
          next_cycles(top.clk, 2);
          top.in_data.write(Vec<8>(2));
          next_cycles(top.clk, 2);
        });
      },
      {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] unstable: at 25 ns in in_stable: cycle 3: top.in_data changed from "
                                     "8'b00000001 to 8'b00000010 while waiting for top.out_ready since cycle 2"));
}

TEST(Assertions, AConsequentTooLateNamesBothCycles) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<SkidTop>("late", [](SkidTop& top) {
          // out_valid rises the edge after a word is accepted; within 0 cycles is too soon.
          assert_implies_within("accepted_shows_at_once", top.clk,
                                [&top] { return top.in_valid.read() == L1 && top.in_ready.read() == L1; },
                                [&top] { return top.out_valid.read() == L1; }, 0);
          wait(top.rst.negedge());
          top.driver.send(Vec<8>(7));
          next_cycles(top.clk, 3);
        });
      },
      {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] late: at 25 ns in accepted_shows_at_once: cycle 3: the antecedent "
                                     "held at cycle 3, the consequent not within 0 cycle(s)"));
}

TEST(Assertions, AnUnknownAfterResetNamesTheSignalAndCycle) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<SkidTop>("unknown", [](SkidTop& top) {
          assert_never_unknown_after_reset("known", top.clk, top.rst, {&top.in_data});
          wait(top.rst.negedge());
          top.in_data.write(Vec<8>(3));
          next_cycles(top.clk, 2);
          top.in_data.write(Vec<8>::parse("8'b0000_00x1"));
          next_cycles(top.clk, 2);
        });
      },
      {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] unknown: at 45 ns in known: cycle 5: top.in_data is 8'b000000x1, "
                                     "2 cycle(s) after the reset ended"));
}

}  // namespace
