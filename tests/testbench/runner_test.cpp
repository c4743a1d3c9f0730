// The test runner: selection, seeds, plusargs, timeouts, the verdict and what a failure says.
#include "sim/testbench/runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <gtkwave/fstapi.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/kernel/event.hpp"
#include "sim/kernel/stop_request.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/counter.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/coverage.hpp"
#include "sim/testbench/log.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/random.hpp"
#include "sim/trace/vcd_reader.hpp"
#include "tests/support/temp_directory.hpp"
#include "tests/testbench/runner_output.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;
using tetra::test_support::run_runner;
using testing::HasSubstr;
using testing::Not;

// A free-running 10 ns clock and an enabled 8-bit counter: the run never runs out of events.
class CountingTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> en{*this, "en"};
  Signal<Vec<8>> count{*this, "count"};
  ClockGenerator clock{*this, "clock", 10_ns};
  Counter<8> counter{*this, "counter"};

  explicit CountingTop(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    counter.clk(clk);
    counter.rst(rst);
    counter.en(en);
    counter.q(count);
  }

  // Resets, then counts `cycles` cycles.
  void count_cycles(std::uint64_t cycles) {
    rst.write(L1);
    en.write(L1);
    next_cycle(clk);
    rst.write(L0);
    next_cycles(clk, cycles);
  }
};

void add_counting_tests(Runner& runner) {
  runner.add<CountingTop>("counts", [](CountingTop& top) {
    top.count_cycles(3);
    expect_equal(top.count.read(), Vec<8>(3), "count");
  });
  runner.add<CountingTop>("miscounts", [](CountingTop& top) {
    top.count_cycles(3);
    expect_equal(top.count.read(), Vec<8>(4), "count");
  });
}

TEST(Runner, ATestEndsWhenItsMainThreadReturnsThoughTheClockRuns) {
  const auto result = run_runner(add_counting_tests, {"--run", "counts", "--seed", "5"});
  EXPECT_EQ(result.status, 0) << result.text;
  EXPECT_THAT(result.text, HasSubstr("prog: seed 5\n"));
  EXPECT_THAT(result.text, HasSubstr("[  OK  ] counts\n"));
  EXPECT_THAT(result.text, HasSubstr("\n1 passed, 0 failed\n"));
}

TEST(Runner, AFailureNamesTimeProcessMessageAndTheSeedToRerun) {
  const auto result = run_runner(add_counting_tests, {"--seed", "77"});
  EXPECT_EQ(result.status, 1);
  // Reset at the first edge (5 ns), three counted edges: the check runs at the falling edge at 40 ns.
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] miscounts: at 40 ns in test: count: expected 8'b00000100, got 8'b00000011\n"
                                     "         rerun: prog --run miscounts --seed 77\n"));
  EXPECT_THAT(result.text, HasSubstr("\n1 passed, 1 failed\n"));
}

TEST(Runner, ListsAndSelectsByGlob) {
  auto list = run_runner(add_counting_tests, {"--list"});
  EXPECT_EQ(list.status, 0);
  EXPECT_EQ(list.text, "counts\nmiscounts\n");
  auto some = run_runner(add_counting_tests, {"--run", "*is*"});
  EXPECT_THAT(some.text, Not(HasSubstr("] counts")));
  EXPECT_THAT(some.text, HasSubstr("0 passed, 1 failed"));
  auto none = run_runner(add_counting_tests, {"--run", "nothing*"});
  EXPECT_EQ(none.status, 2);
}

TEST(Runner, ABadCommandLineIsRefused) {
  EXPECT_EQ(run_runner(add_counting_tests, {"--timeout", "ten"}).status, 2);
  EXPECT_EQ(run_runner(add_counting_tests, {"--timeout", "10"}).status, 2);
  EXPECT_EQ(run_runner(add_counting_tests, {"--verbosity", "loud"}).status, 2);
  EXPECT_EQ(run_runner(add_counting_tests, {"stray"}).status, 2);
}

void add_random_test(Runner& runner) {
  runner.add<CountingTop>("draws", [](CountingTop&) { info("draws {} {}", test_random().bits(), test_random().below(1000)); });
}

TEST(Runner, TheSeedIsRandomByDefaultPrintedAndRepeatsTheStimulus) {
  const auto first = run_runner(add_random_test, {});
  const auto second = run_runner(add_random_test, {});
  const auto seed_of = [](const std::string& text) { return text.substr(0, text.find('\n')); };
  EXPECT_NE(seed_of(first.text), seed_of(second.text));
  const std::string seed = seed_of(first.text).substr(std::string("prog: seed ").size());
  const auto again = run_runner(add_random_test, {"--seed", seed});
  EXPECT_EQ(again.text, first.text);
}

TEST(Runner, PlusargsReachTheTest) {
  const auto result = run_runner(
      [](Runner& runner) {
        runner.add<CountingTop>("reads", [](CountingTop&) {
          expect(plusarg("mode") == "fast", "+mode");
          expect(plusarg("verbose") == "", "+verbose");
          expect(!plusarg("absent"), "+absent");
          expect(plusarg_int("cycles", 0) == 12, "+cycles");
          expect(plusarg_int("missing", 3) == 3, "fallback");
        });
        runner.add<CountingTop>("bad_number", [](CountingTop&) { (void)plusarg_int("mode", 0); });
      },
      {"+mode=fast", "+verbose", "--seed", "1", "+cycles=12"});
  EXPECT_THAT(result.text, HasSubstr("[  OK  ] reads"));
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] bad_number: at 0 s in test: plusarg +mode=fast: expected a decimal integer"));
}

TEST(Runner, TheTimeoutIsInSimulatedTime) {
  const auto result = run_runner(
      [](Runner& runner) { runner.add<CountingTop>("hangs", [](CountingTop& top) { top.count_cycles(1'000'000); }); },
      {"--timeout", "1us"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] hangs: at 1 us: timed out, the main thread had not returned after --timeout 1 us"));
}

// No clock: nothing is left to wake the main thread.
class QuietTop : public Module {
public:
  Event never;
  explicit QuietTop(Scope& parent) : Module(parent, "top"), never(parent.simulation()) {}
};

TEST(Runner, AMainThreadThatCanNeverWakeFails) {
  const auto result = run_runner([](Runner& runner) { runner.add<QuietTop>("starves", [](QuietTop& top) { wait(top.never); }); }, {});
  EXPECT_THAT(result.text, HasSubstr("[ FAIL ] starves: at 0 s: the main thread waits for an event that nothing can fire any more"));
}

TEST(Runner, LoggedErrorsFailTheTestAndVerbosityFilters) {
  const auto add = [](Runner& runner) {
    runner.add<CountingTop>("logs", [](CountingTop& top) {
      debug("a detail");
      top.count_cycles(1);
      warn("count is {}", top.count.read());
      error("first problem");
      error("second problem");
    });
  };
  const auto quiet = run_runner(add, {"--verbosity", "warn"});
  EXPECT_EQ(quiet.status, 1);
  EXPECT_THAT(quiet.text, Not(HasSubstr("a detail")));
  EXPECT_THAT(quiet.text, HasSubstr("[     20 ns] warn  test: count is 8'b00000001\n"));
  EXPECT_THAT(quiet.text, HasSubstr("[     20 ns] error test: first problem\n"));
  EXPECT_THAT(quiet.text, HasSubstr("[ FAIL ] logs: at 20 ns: 2 error(s) logged"));
  const auto loud = run_runner(add, {"--verbosity", "debug"});
  EXPECT_THAT(loud.text, HasSubstr("[       0 s] debug test: a detail\n"));
}

TEST(Runner, EachTestTracesToItsOwnVcdWhenSeveralRun) {
  tetra::test_support::TempDirectory directory;
  const std::string vcd = (directory.path() / "run.vcd").string();
  const auto several = run_runner(add_counting_tests, {"--vcd", vcd});
  EXPECT_EQ(several.status, 1);
  EXPECT_TRUE(std::filesystem::exists(directory.path() / "run.counts.vcd"));
  EXPECT_TRUE(std::filesystem::exists(directory.path() / "run.miscounts.vcd"));
  const auto one = run_runner(add_counting_tests, {"--vcd", vcd, "--run", "counts"});
  EXPECT_EQ(one.status, 0);
  std::ifstream file(vcd);
  std::stringstream content;
  content << file.rdbuf();
  EXPECT_THAT(content.str(), HasSubstr("$var reg 8 $ count"));
}

TEST(Runner, TracesToFstBesideVcd) {
  tetra::test_support::TempDirectory directory;
  const std::string fst = (directory.path() / "run.fst").string();
  const std::string vcd = (directory.path() / "run.vcd").string();
  const auto result = run_runner(add_counting_tests, {"--fst", fst, "--vcd", vcd, "--run", "counts"});
  EXPECT_EQ(result.status, 0) << result.text;
  // GTKWave's own reader: the file is complete and holds what the VCD holds.
  void* reader = fstReaderOpen(fst.c_str());
  ASSERT_NE(reader, nullptr) << fst;
  const VcdReader trace = VcdReader::read(vcd);
  EXPECT_EQ(fstReaderGetEndTime(reader), trace.timestamps().back());
  EXPECT_EQ(fstReaderGetVarCount(reader), trace.variables().size());
  fstReaderClose(reader);
}

// Ctrl-C in the middle of the first test: the run ends there, the rest is not run, the
// waveform is complete up to the stop and the status is 128 + SIGINT.
TEST(Runner, CtrlCEndsTheRunWithACompleteWaveformAndStatus130) {
  tetra::test_support::TempDirectory directory;
  const std::string vcd = (directory.path() / "run.vcd").string();
  const auto add = [](Runner& runner) {
    runner.add<CountingTop>("interrupted", [](CountingTop& top) {
      top.count_cycles(2);
      std::raise(SIGINT);  // at 30 ns; the handler main() installed asks to stop at the slot's end
      top.count_cycles(100);
    });
    runner.add<CountingTop>("never_runs", [](CountingTop& top) { top.count_cycles(1); });
  };
  const auto result = run_runner(add, {"--vcd", vcd, "--seed", "1"});
  clear_stop_request();
  EXPECT_EQ(result.status, 130) << result.text;
  EXPECT_THAT(result.text, HasSubstr("[ STOP ] interrupted: at 30 ns: stopped by SIGINT; the waveform is complete up to then\n"
                                     "0 passed, 0 failed, stopped\n"));
  EXPECT_THAT(result.text, Not(HasSubstr("never_runs")));
  const VcdReader trace = VcdReader::read(directory.path() / "run.interrupted.vcd");
  EXPECT_EQ(trace.timestamps().back(), 30'000U);  // the slot of the stop (ps)
}

TEST(Runner, CoverageIsReportedAndAMissedGoalFails) {
  tetra::test_support::TempDirectory directory;
  const std::string json = (directory.path() / "coverage.json").string();
  const auto add = [](Runner& runner) {
    runner.add<CountingTop>("covers", [](CountingTop& top) {
      CoverPoint count("count", static_cast<double>(plusarg_int("goal", 0)));
      count.bin("zero", 0).bin("low", 1, 3).bin("high", 4, 255);
      top.rst.write(L1);
      top.en.write(L1);
      next_cycle(top.clk);
      top.rst.write(L0);
      for (int cycle = 0; cycle < 2; ++cycle) {
        next_cycle(top.clk);
        count.sample(static_cast<std::int64_t>(top.count.read().to_uint64()));
      }
    });
  };
  const auto met = run_runner(add, {"--coverage", json, "+goal=30"});
  EXPECT_EQ(met.status, 0) << met.text;
  EXPECT_THAT(met.text, HasSubstr("coverage count: 33.3% (1 of 3 bins hit, goal 30%), 2 samples\n"
                                  "  zero         0  (missed)\n"
                                  "  low          2\n"
                                  "  high         0  (missed)\n"));
  std::ifstream file(json);
  std::stringstream content;
  content << file.rdbuf();
  EXPECT_THAT(content.str(), HasSubstr(R"("name": "low")"));
  EXPECT_THAT(content.str(), HasSubstr(R"("covers": [)"));
  const auto missed = run_runner(add, {"+goal=50"});
  EXPECT_EQ(missed.status, 1);
  EXPECT_THAT(missed.text, HasSubstr("[ FAIL ] covers: at 30 ns: coverage count: 33.3% of bins hit, below its goal of 50%"));
}

}  // namespace
