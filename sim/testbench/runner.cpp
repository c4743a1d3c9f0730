#include "sim/testbench/runner.hpp"

#include <array>
#include <charconv>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/stop_request.hpp"
#include "sim/trace/path_glob.hpp"
#include "sim/trace/tracer.hpp"
#include "sim/testbench/coverage.hpp"

namespace tetra::testbench {

namespace {

// "10us", "250 ns": a whole number and a unit from fs to s.
Duration parse_duration(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, std::int64_t>, 6> units{
      {{"fs", 1}, {"ps", 1'000}, {"ns", 1'000'000}, {"us", 1'000'000'000}, {"ms", 1'000'000'000'000}, {"s", 1'000'000'000'000'000}}};
  std::int64_t count = 0;
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(text.data(), end, count);
  if (error == std::errc() && count > 0) {
    std::string_view unit(rest, static_cast<std::size_t>(end - rest));
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    for (const auto& [name, femtoseconds] : units) {
      if (unit == name && count <= INT64_MAX / femtoseconds) return Duration::femtoseconds(count * femtoseconds);
    }
  }
  throw CLI::ValidationError("--timeout", fmt::format("expected a positive time such as 10us (units fs, ps, ns, us, ms, s), found '{}'", text));
}

// The trace file of one test: FILE itself, or FILE with the test's name before the
// extension when several tests run ("run.vcd" -> "run.fifo_full.vcd").
std::filesystem::path trace_path_for(const std::string& path, const std::string& test, bool several) {
  if (!several) return path;
  std::filesystem::path result(path);
  const std::filesystem::path extension = result.extension();
  result.replace_extension();
  result += "." + test;
  result += extension;
  return result;
}

// Splits "+key=value" and "+flag" off the command line; the rest goes to CLI11.
std::vector<std::string> take_plusargs(int argc, char** argv, Plusargs& plusargs) {
  std::vector<std::string> rest;
  for (int i = argc - 1; i >= 1; --i) {  // CLI11 wants them reversed
    const std::string_view argument(argv[i]);
    if (argument.size() > 1 && argument.front() == '+') {
      const std::size_t equals = argument.find('=');
      const std::string_view key = argument.substr(1, equals == std::string_view::npos ? std::string_view::npos : equals - 1);
      plusargs.insert_or_assign(std::string(key), equals == std::string_view::npos ? std::string() : std::string(argument.substr(equals + 1)));
    } else {
      rest.emplace_back(argument);
    }
  }
  return rest;
}

}  // namespace

Runner::Runner(std::string program, std::string description, std::FILE* out)
    : program_(std::move(program)), description_(std::move(description)), out_(out) {}

void Runner::add_setup(std::string name, Setup setup) {
  if (name.empty() || name.find_first_of(" \t*?") != std::string::npos) {
    throw std::invalid_argument(fmt::format("test name '{}': must be non-empty, without spaces, '*' or '?'", name));
  }
  for (const Test& test : tests_) {
    if (test.name == name) throw std::invalid_argument(fmt::format("two tests named '{}'", name));
  }
  tests_.push_back({std::move(name), std::move(setup)});
}

int Runner::main(int argc, char** argv) {
  RunOptions options;
  CLI::App app(description_, program_);
  app.add_flag("--list", options.list, "List the tests and exit");
  app.add_option("--run", options.run_globs, "Run only the tests matching these globs ('*' and '?')");
  app.add_option("--seed", options.seed, "Seed of the random stimulus (random by default; always printed)");
  app.add_option("--vcd", options.vcd_path, "Trace every signal to this VCD file (FILE.<test>.vcd when several tests run)");
  app.add_option("--fst", options.fst_path, "Trace every signal to this FST file (FILE.<test>.fst when several tests run)");
  std::string timeout_text;
  app.add_option("--timeout", timeout_text, "Fail a test whose main thread runs longer than this simulated time (10us)");
  std::string verbosity_text = "info";
  app.add_option("--verbosity", verbosity_text, "Least severity printed")->check(CLI::IsMember({"debug", "info", "warn", "error"}));
  app.add_option("--coverage", options.coverage_path, "Write the coverage of every test to this JSON file");
  app.footer("Plusargs: +key=value (or +flag) anywhere on the line; a test reads them with plusarg(\"key\").");
  try {
    std::vector<std::string> arguments = take_plusargs(argc, argv, options.plusargs);
    app.parse(arguments);
    if (!timeout_text.empty()) options.timeout = parse_duration(timeout_text);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  options.verbosity = *parse_verbosity(verbosity_text);
  stop_on_signals();
  return run(options);
}

int Runner::run(const RunOptions& options) {
  if (options.list) {
    for (const Test& test : tests_) fmt::print(out_, "{}\n", test.name);
    return 0;
  }
  std::vector<const Test*> chosen;
  for (const Test& test : tests_) {
    bool matches = options.run_globs.empty();
    for (const std::string& glob : options.run_globs) matches = matches || path_glob_match(glob, test.name);
    if (matches) chosen.push_back(&test);
  }
  for (const std::string& glob : options.run_globs) {
    bool used = false;
    for (const Test& test : tests_) used = used || path_glob_match(glob, test.name);
    if (!used) {
      fmt::print(stderr, "{}: no test matches --run '{}' (--list shows them)\n", program_, glob);
      return 2;
    }
  }
  const std::uint64_t seed = options.seed ? *options.seed : (std::uint64_t{std::random_device{}()} << 32 | std::random_device{}());
  fmt::print(out_, "{}: seed {}\n", program_, seed);

  nlohmann::json coverage = nlohmann::json::object();
  std::size_t passed = 0;
  std::vector<std::string> failed;
  std::optional<int> stop_status;  // set when a stop request ended the run
  for (const Test* test : chosen) {
    std::string test_coverage;
    fmt::print(out_, "[ RUN  ] {}\n", test->name);
    std::fflush(out_);
    std::optional<std::string> failure;
    try {
      failure = run_test(*test, options, seed, chosen.size() > 1, test_coverage);
    } catch (const SimulationStopped& stop) {
      fmt::print(out_, "[ STOP ] {}: {}; the waveform is complete up to then\n", test->name, stop.what());
      stop_status = stop.exit_status();
      break;
    }
    if (!test_coverage.empty()) coverage[test->name] = nlohmann::json::parse(test_coverage);
    if (failure) {
      fmt::print(out_, "[ FAIL ] {}: {}\n", test->name, *failure);
      fmt::print(out_, "         rerun: {} --run {} --seed {}\n", program_, test->name, seed);
      failed.push_back(test->name);
    } else {
      fmt::print(out_, "[  OK  ] {}\n", test->name);
      ++passed;
    }
    std::fflush(out_);
  }
  if (!options.coverage_path.empty()) {
    std::ofstream file(options.coverage_path);
    file << nlohmann::json{{"program", program_}, {"seed", seed}, {"tests", coverage}}.dump(2) << '\n';
    if (!file) {
      fmt::print(stderr, "{}: cannot write the coverage report {}\n", program_, options.coverage_path);
      return 1;
    }
  }
  if (!failed.empty()) fmt::print(out_, "failed: {}\n", fmt::join(failed, " "));
  fmt::print(out_, "{} passed, {} failed{}\n", passed, failed.size(), stop_status ? ", stopped" : "");
  std::fflush(out_);
  if (stop_status) return *stop_status;
  return failed.empty() ? 0 : 1;
}

std::optional<std::string> Runner::run_test(const Test& test, const RunOptions& options, std::uint64_t seed,
                                            bool several, std::string& coverage_json_out) {
  TestContext context(test.name, seed, options.plusargs, options.verbosity, out_);
  CurrentTest current(context);
  bool body_ran = false;
  bool returned = false;
  std::optional<std::string> failure;
  Duration end_time;
  try {
    test.setup([&](Simulation& sim, std::function<void()> body) {
      if (body_ran) throw std::logic_error("a test's setup ran its body twice");
      body_ran = true;
      if (!options.vcd_path.empty()) trace_vcd(sim, trace_path_for(options.vcd_path, test.name, several));
      if (!options.fst_path.empty()) trace_fst(sim, trace_path_for(options.fst_path, test.name, several));
      sim.thread("test", [&] {
        body();
        returned = true;
        finish();
      });
      if (options.timeout) {
        sim.run(*options.timeout);
      } else {
        sim.run();
      }
      end_time = sim.now();
      if (!returned && options.timeout && !sim.has_ended()) {
        failure = fmt::format("at {}: timed out, the main thread had not returned after --timeout {}", end_time, *options.timeout);
      } else if (!returned) {
        failure = fmt::format("at {}: the main thread waits for an event that nothing can fire any more", end_time);
      }
    });
    if (!body_ran) failure = "the test's setup never ran its body";
  } catch (const SimulationStopped&) {
    throw;
  } catch (const SimulationError& error) {
    failure = fmt::format("at {} in {}: {}", error.time(), error.path().empty() ? "-" : error.path(), error.reason());
  } catch (const std::exception& error) {
    failure = error.what();
  }
  if (!failure) {
    std::vector<std::string> problems = context.run_end_checks();
    if (context.error_count() > 0) problems.push_back(fmt::format("{} error(s) logged", context.error_count()));
    for (const auto& record : context.coverage()) {
      if (!record->goal_met()) {
        problems.push_back(fmt::format("coverage {}: {:.1f}% of bins hit, below its goal of {}%", record->name, record->percent(), record->goal_percent));
      }
    }
    if (!problems.empty()) failure = fmt::format("at {}: {}", end_time, fmt::join(problems, "; "));
  }
  if (!context.coverage().empty()) {
    nlohmann::json points = nlohmann::json::array();
    for (const auto& record : context.coverage()) {
      if (options.verbosity <= Verbosity::info) fmt::print(out_, "{}\n", coverage_text(*record));
      points.push_back(nlohmann::json::parse(coverage_json(*record)));
    }
    coverage_json_out = points.dump();
  }
  return failure;
}

}  // namespace tetra::testbench
