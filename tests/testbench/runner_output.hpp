#pragma once
// Runs a Runner's command line and keeps what it printed, for the tests of sim/testbench.

#include <cstdio>
#include <string>
#include <vector>

#include "sim/testbench/runner.hpp"

namespace tetra::test_support {

/// The exit status and the output of one runner invocation.
struct RunnerOutput {
  int status;
  std::string text;
};

/// Builds the runner with `add_tests` writing into a temporary file, runs it on
/// `arguments` (without the program name) and returns what it printed.
template <class AddTests>
RunnerOutput run_runner(AddTests add_tests, std::vector<std::string> arguments) {
  std::FILE* out = std::tmpfile();
  testbench::Runner runner("prog", "", out);
  add_tests(runner);
  arguments.insert(arguments.begin(), "prog");
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  const int status = runner.main(static_cast<int>(argv.size()), argv.data());
  std::rewind(out);
  std::string text;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, out)) > 0;) text.append(buffer, got);
  std::fclose(out);
  return {status, text};
}

}  // namespace tetra::test_support
