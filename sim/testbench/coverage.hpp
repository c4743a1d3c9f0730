#pragma once
// Functional coverage: cover points count sampled values into named bins, crosses count
// pairs of bins, and each has a goal, the share of its bins that must be hit. When a test
// ends the runner prints every point's bins, fails the test if a goal is missed, and
// writes them all as JSON with --coverage FILE.
//
//     CoverPoint opcode("opcode", 100);            // every bin must be hit
//     opcode.bin("add", 0).bin("mul", 1).bin("other", 2, 7);
//     CoverPoint length("length");
//     length.bin("short", 0, 3).bin("long", 4, 255);
//     CoverCross kinds("opcode_x_length", opcode, length, 50);
//     opcode.sample(op); length.sample(len); kinds.sample(op, len);

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tetra::testbench {

/// A bin and how often it was hit.
struct CoverBin {
  std::string name;
  std::uint64_t hits = 0;
};

/// What one cover point or cross counted. The test keeps it after the point is gone.
struct CoverageRecord {
  std::string name;
  double goal_percent = 0;  // the share of bins that must be hit, 0..100
  std::vector<CoverBin> bins;
  std::uint64_t samples = 0;
  std::uint64_t samples_outside = 0;  // values that fell in no bin

  /// Bins hit at least once.
  [[nodiscard]] std::size_t bins_hit() const;
  /// bins_hit() as a percentage of the bins (0 when there are none).
  [[nodiscard]] double percent() const;
  /// True when percent() reaches the goal.
  [[nodiscard]] bool goal_met() const { return percent() >= goal_percent; }
};

/// The report of a record: a header line, then one line per bin.
std::string coverage_text(const CoverageRecord& record);
/// The record as a JSON object: {"name", "goal_percent", "percent", "samples", "bins": [{"name", "hits"}]}.
std::string coverage_json(const CoverageRecord& record);

/// Counts values into bins, each a range of integers.
class CoverPoint {
public:
  /// A point named `name` whose goal is `goal_percent` of its bins hit (0..100); it joins
  /// the current test's report, if there is a current test.
  explicit CoverPoint(std::string name, double goal_percent = 0);

  /// Adds the bin `name` holding [low, high]; throws std::invalid_argument if low > high,
  /// the name is taken, or samples were already taken.
  CoverPoint& bin(std::string name, std::int64_t low, std::int64_t high);
  /// Adds the bin `name` holding `value` alone.
  CoverPoint& bin(std::string name, std::int64_t value) { return bin(std::move(name), value, value); }
  /// Adds one bin per value of [low, high], each named after its value.
  CoverPoint& bins(std::int64_t low, std::int64_t high);

  /// Counts `value` into the first bin that holds it (or as outside every bin).
  void sample(std::int64_t value);
  /// The index of the first bin that holds `value`, or nullopt.
  [[nodiscard]] std::optional<std::size_t> bin_of(std::int64_t value) const;
  /// What was counted so far.
  [[nodiscard]] const CoverageRecord& record() const { return *record_; }

private:
  struct Range {
    std::int64_t low;
    std::int64_t high;
  };
  std::vector<Range> ranges_;
  std::shared_ptr<CoverageRecord> record_;
};

/// Counts pairs: one bin for every bin of `first` with every bin of `second`, named
/// "<first bin>, <second bin>". Both points must have their bins when the cross is made.
class CoverCross {
public:
  /// A cross named `name` of two points, with a goal as CoverPoint's.
  CoverCross(std::string name, const CoverPoint& first, const CoverPoint& second, double goal_percent = 0);

  /// Counts the pair of bins that hold the two values (or as outside if either is in none).
  void sample(std::int64_t first_value, std::int64_t second_value);
  /// What was counted so far.
  [[nodiscard]] const CoverageRecord& record() const { return *record_; }

private:
  const CoverPoint& first_;
  const CoverPoint& second_;
  std::size_t first_bins_;
  std::size_t second_bins_;
  std::shared_ptr<CoverageRecord> record_;
};

}  // namespace tetra::testbench
