#pragma once
// SystemC has one simulation context per process, elaborated once and never reset, so
// every test case here runs its scenario in a child process of its own: a GoogleTest
// death test whose child must exit with status 0. Inside, the scenario uses the usual
// EXPECT_* and ASSERT_* macros; the child prints their failures to stderr, which the
// parent shows, and exits with status 1.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace tetra::systemc::testing {

/// Ends the child process with the scenario's verdict, its failures on stderr.
[[noreturn]] inline void exit_with_verdict() {
  const ::testing::TestResult& result = *::testing::UnitTest::GetInstance()->current_test_info()->result();
  for (int i = 0; i < result.total_part_count(); ++i) {
    const ::testing::TestPartResult& part = result.GetTestPartResult(i);
    if (part.failed()) std::fprintf(stderr, "%s:%d: %s\n", part.file_name(), part.line_number(), part.message());
  }
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(::testing::Test::HasFailure() ? 1 : 0);
}

}  // namespace tetra::systemc::testing

/// Runs `statement` (a scenario that builds and runs a SystemC simulation) in a child
/// process; the test fails if an assertion in it failed or it did not end normally.
#define RUN_SYSTEMC_SCENARIO(statement) RUN_SYSTEMC_SCENARIO_PRINTING(statement, "")

/// As RUN_SYSTEMC_SCENARIO, and the child's stderr must also match `stderr_regex`.
#define RUN_SYSTEMC_SCENARIO_PRINTING(statement, stderr_regex)                               \
  EXPECT_EXIT(                                                                               \
      {                                                                                      \
        statement;                                                                           \
        ::tetra::systemc::testing::exit_with_verdict();                                      \
      },                                                                                     \
      ::testing::ExitedWithCode(0), stderr_regex)
