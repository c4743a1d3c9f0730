#pragma once
// Runs the `tetra` command line in-process, so that command tests see its exit code and
// both output streams without spawning a process.

#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "apps/command_line.hpp"

namespace tetra::test_support {

/// What one `tetra ...` invocation returned and printed.
struct CommandRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};

/// Runs `tetra <arguments...>` with its standard output going to `out`; the result's
/// `out` is empty.
inline CommandRun run_tetra(std::vector<std::string> arguments, std::ostream& out) {
  arguments.insert(arguments.begin(), "tetra");
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::ostringstream err;
  const int exit_code =
      apps::run_command_line(static_cast<int>(argv.size()), argv.data(), out, err);
  return {exit_code, {}, err.str()};
}

/// Runs `tetra <arguments...>`; for example run_tetra({"decode", "--tokens", "5"}).
inline CommandRun run_tetra(std::vector<std::string> arguments) {
  std::ostringstream out;
  CommandRun result = run_tetra(std::move(arguments), out);
  result.out = out.str();
  return result;
}

}  // namespace tetra::test_support
