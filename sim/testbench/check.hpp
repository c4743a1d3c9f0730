#pragma once
// Checks that stop the test: a failed one throws CheckError, which ends the test at once;
// the runner reports it with the simulated time and the path of the process that failed.

#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

namespace tetra::testbench {

/// A check of the testbench failed (a wrong value, a scoreboard mismatch, an assertion).
class CheckError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Throws CheckError "<what>: expected <expected>, got <actual>" unless the two are
/// identical (four-state values compare bit for bit, X included).
template <class T>
void expect_equal(const T& actual, const T& expected, std::string_view what) {
  if (!(actual == expected)) throw CheckError(fmt::format("{}: expected {}, got {}", what, expected, actual));
}

/// Throws CheckError with `what` unless `condition` holds.
inline void expect(bool condition, std::string_view what) {
  if (!condition) throw CheckError(std::string(what));
}

}  // namespace tetra::testbench
