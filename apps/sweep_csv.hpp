#pragma once
// The CSV of a sweep: a first line "# tetra sweep grid {...}" holding the grid as JSON, a
// header, and one row per point (the parameters, then what the point measured), written
// as points finish and rewritten in point order once all are there. Reading one back
// detects a partly written last row and refuses rows that do not belong to its grid.

#include "apps/sweep_grid.hpp"

#include "accel/accelerator_bench.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tetra::apps {

/// How often the accept unit tested one draft position, and how often it accepted.
struct PositionAcceptance {
  std::uint64_t tested = 0;
  std::uint64_t accepted = 0;
};

/// What one decode on the accelerator measured.
struct PointMeasurement {
  accel::CounterValues counters;
  accel::TrafficCounts traffic;
  /// Entry i: draft position i + 1, over every iteration that reached it.
  std::vector<PositionAcceptance> positions;
};

/// The column names, for this grid's largest K.
std::vector<std::string> csv_columns(const SweepGrid& grid);

/// The first two lines of the grid's CSV: the grid and the header, each ending in '\n'.
std::string csv_preamble(const SweepGrid& grid);

/// The row of `point` (ending in '\n'), measured as `run` beside its K = 0 `baseline`.
std::string csv_row(const SweepGrid& grid, const SweepPoint& point, const PointMeasurement& run,
                    const PointMeasurement& baseline);

/// A sweep's CSV as read back.
struct SweepCsv {
  SweepGrid grid;
  std::map<std::size_t, std::string> rows;  ///< by point index, each row ending in '\n'
  std::uint64_t complete_bytes = 0;         ///< the file's length without a partial last row
  bool partial_row = false;                 ///< the file ends in a row cut short
};

/// Reads a sweep's CSV. A last row without its line end is partial: reported, not kept.
/// Throws std::runtime_error naming the file and line for anything else that is not a
/// row of the grid: another header, a row of the wrong length, a point out of the grid or
/// whose parameters differ from the grid's, a point twice.
SweepCsv read_sweep_csv(const std::filesystem::path& path);

/// Writes the grid's CSV with `rows` in point order, replacing `path` in one step.
void write_sweep_csv(const std::filesystem::path& path, const SweepGrid& grid,
                     const std::map<std::size_t, std::string>& rows);

/// The fields of one CSV record (RFC 4180 quoting), for readers of the rows.
std::vector<std::string> csv_fields(std::string_view record);

}  // namespace tetra::apps
