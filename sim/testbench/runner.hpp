#pragma once
// The test runner: named tests in one executable, each in a fresh simulation.
//
//     int main(int argc, char** argv) {
//       tetra::testbench::Runner runner("counter_tb", "An 8-bit counter: count, hold, wrap, reset");
//       runner.add<CounterTop>("wraps_around", [](CounterTop& top) { ... });
//       return runner.main(argc, argv);
//     }
//
// A test builds its top level `Top(sim, arguments...)` in a new Simulation, then runs its
// body as the thread "test"; the test ends when that thread returns, however many other
// threads and clocks are still running. It passes when the body returned, nothing threw,
// no error was logged and every end check (scoreboards drained, coverage goals) holds.
// The command line (docs/testbench.md): --list, --run GLOB, --seed S, --vcd FILE,
// --fst FILE, --timeout TIME, --verbosity LEVEL, --coverage FILE, and +key=value plusargs.
// Ctrl-C (SIGINT) or SIGTERM ends the run at the next time-slot boundary with the
// waveforms complete up to then, and the exit status 128 + signal (130, 143).

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/time.hpp"
#include "sim/testbench/test_context.hpp"
#include "sim/testbench/verbosity.hpp"

namespace tetra::testbench {

/// What the command line asked for.
struct RunOptions {
  bool list = false;
  std::vector<std::string> run_globs;  // empty: every test
  std::optional<std::uint64_t> seed;   // nullopt: a random one
  std::string vcd_path;                // empty: no VCD trace
  std::string fst_path;                // empty: no FST trace
  std::optional<Duration> timeout;     // simulated time per test
  Verbosity verbosity = Verbosity::info;
  std::string coverage_path;           // empty: no JSON coverage report
  Plusargs plusargs;
};

/// A collection of named tests and the command line that runs them.
class Runner {
public:
  /// Runs `body` as the thread "test" of `sim` until it returns, tracing as asked.
  using RunBody = std::function<void(Simulation& sim, std::function<void()> body)>;
  /// Builds a test's design and calls RunBody once with its simulation and body.
  using Setup = std::function<void(const RunBody& run_body)>;

  /// A runner for the program `program`; `description` heads its --help.
  explicit Runner(std::string program, std::string description = {}, std::FILE* out = stdout);

  /// Adds the test `name`: builds `Top top(sim, top_arguments...)` in a new Simulation,
  /// then runs `body(top)` as the test's main thread. Names must be unique.
  template <class Top, class Body, class... TopArguments>
  void add(std::string name, Body body, TopArguments... top_arguments) {
    add_setup(std::move(name), [body, top_arguments...](const RunBody& run_body) {
      Simulation sim;
      Top top(sim, top_arguments...);
      run_body(sim, [&top, &body] { body(top); });
    });
  }
  /// Adds a test given as its setup, for a bench that makes its own Simulation:
  ///     runner.add_setup("decodes", [](const Runner::RunBody& run) {
  ///       Bench bench;
  ///       run(bench.sim, [&] { ... });
  ///     });
  void add_setup(std::string name, Setup setup);

  /// Parses the command line, stops on SIGINT and SIGTERM (stop_on_signals()), runs the
  /// chosen tests and prints a summary line "N passed, M failed"; returns the exit status
  /// (0 when every test passed, 1 when one failed, 2 for a bad command line, 128 + signal
  /// when a stop request ended the run).
  int main(int argc, char** argv);
  /// Runs the tests chosen by `options`; returns the exit status as main() does. A stop
  /// request (request_stop()) ends the test that runs and skips the rest.
  int run(const RunOptions& options);

private:
  struct Test {
    std::string name;
    Setup setup;
  };
  // Runs one test; returns the reason it failed, or nullopt if it passed. A stop request
  // passes through as SimulationStopped.
  std::optional<std::string> run_test(const Test& test, const RunOptions& options, std::uint64_t seed,
                                      bool several, std::string& coverage_json);

  std::string program_;
  std::string description_;
  std::FILE* out_;
  std::vector<Test> tests_;
};

}  // namespace tetra::testbench
