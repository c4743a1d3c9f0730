#pragma once
// What the test being run knows about itself: its name, its seed and random source, the
// plusargs of the command line, the verbosity, the errors logged so far, and the checks
// to make once its main thread has returned. The runner makes one per test and makes it
// current for the test's duration; the logging, random, scoreboard and coverage helpers
// find it through current_test().

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/testbench/random.hpp"
#include "sim/testbench/verbosity.hpp"

namespace tetra::testbench {

/// "+key=value" (and "+flag", whose value is "") from the command line.
using Plusargs = std::map<std::string, std::string, std::less<>>;

/// A check that runs when the test's main thread has returned: nullopt when it holds,
/// otherwise the reason the test fails.
using EndCheck = std::function<std::optional<std::string>()>;

struct CoverageRecord;

/// The state of one running test.
class TestContext {
public:
  /// A test named `name` whose random source starts from `seed`; log lines at or above
  /// `verbosity` go to `out`.
  TestContext(std::string name, std::uint64_t seed, Plusargs plusargs = {}, Verbosity verbosity = Verbosity::info,
              std::FILE* out = stdout);
  TestContext(const TestContext&) = delete;
  TestContext& operator=(const TestContext&) = delete;

  /// The test's name.
  [[nodiscard]] const std::string& name() const { return name_; }
  /// The seed the random source started from.
  [[nodiscard]] std::uint64_t seed() const { return seed_; }
  /// The test's random source.
  [[nodiscard]] Random& random() { return random_; }
  /// Every plusarg of the command line.
  [[nodiscard]] const Plusargs& plusargs() const { return plusargs_; }
  /// The least severity printed.
  [[nodiscard]] Verbosity verbosity() const { return verbosity_; }
  /// Where log lines and reports go.
  [[nodiscard]] std::FILE* out() const { return out_; }

  /// Counts an error logged by the test; any error fails it.
  void count_error() { ++errors_; }
  /// Errors logged so far.
  [[nodiscard]] std::uint64_t error_count() const { return errors_; }

  /// Adds a check to make once the main thread has returned.
  void add_end_check(EndCheck check) { end_checks_.push_back(std::move(check)); }
  /// Runs the end checks in the order they were added; returns the reasons of those that failed.
  [[nodiscard]] std::vector<std::string> run_end_checks() const;
  /// Adds what a cover point or cross counts, to report when the test ends (it outlives the point).
  void add_coverage(std::shared_ptr<const CoverageRecord> record) { coverage_.push_back(std::move(record)); }
  /// The coverage of the test, in the order the points were made.
  [[nodiscard]] const std::vector<std::shared_ptr<const CoverageRecord>>& coverage() const { return coverage_; }

  /// The current test, or nullptr outside one.
  [[nodiscard]] static TestContext* current();

private:
  friend class CurrentTest;
  std::string name_;
  std::uint64_t seed_;
  Random random_;
  Plusargs plusargs_;
  Verbosity verbosity_;
  std::FILE* out_;
  std::uint64_t errors_ = 0;
  std::vector<EndCheck> end_checks_;
  std::vector<std::shared_ptr<const CoverageRecord>> coverage_;
  static thread_local TestContext* current_;
};

/// Makes a context the current test for its lifetime (the runner does; so can a unit test
/// of the helpers).
class CurrentTest {
public:
  explicit CurrentTest(TestContext& context);
  ~CurrentTest();
  CurrentTest(const CurrentTest&) = delete;
  CurrentTest& operator=(const CurrentTest&) = delete;

private:
  TestContext* previous_;
};

/// The current test; throws std::logic_error naming `operation` outside one.
TestContext& current_test(const char* operation);

/// The plusarg "+name=value" of the command line, or nullopt if absent ("+name" gives "").
std::optional<std::string> plusarg(std::string_view name);
/// The plusarg "+name=N" as an integer, `fallback` when absent; throws std::invalid_argument
/// naming the plusarg if its value is not a decimal integer.
std::int64_t plusarg_int(std::string_view name, std::int64_t fallback);

}  // namespace tetra::testbench
