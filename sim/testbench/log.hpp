#pragma once
// Logging for testbenches: debug/info/warn/error lines stamped with the simulated time and
// the path of the process that logs, formatted with fmt:
//     [    120 ns] info  producer: sent 5 words
// Lines below the run's verbosity (--verbosity) are dropped. An error does not stop the
// test, but it is counted, and a test that logged any error fails.

#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "sim/testbench/verbosity.hpp"

namespace tetra::testbench {

/// Prints `message` at `severity` with the time and process path, and counts it if an error.
void log(Verbosity severity, std::string_view message);

/// Logs a detail, shown with --verbosity debug.
template <class... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
  log(Verbosity::debug, fmt::format(format, std::forward<Args>(args)...));
}
/// Logs progress.
template <class... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
  log(Verbosity::info, fmt::format(format, std::forward<Args>(args)...));
}
/// Logs something suspicious that does not fail the test.
template <class... Args>
void warn(fmt::format_string<Args...> format, Args&&... args) {
  log(Verbosity::warn, fmt::format(format, std::forward<Args>(args)...));
}
/// Logs a failure: the test goes on, and fails when it ends.
template <class... Args>
void error(fmt::format_string<Args...> format, Args&&... args) {
  log(Verbosity::error, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace tetra::testbench
