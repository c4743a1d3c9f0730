#pragma once
// Runs points of a sweep on worker threads. The kernel keeps its state per thread (the
// running scheduler is thread_local) and the models are read-only, so each thread runs
// whole simulations of its own. The K = 0 baseline of each hardware point runs once, and
// a point waits for it only after its own run.

#include "apps/sweep_csv.hpp"
#include "apps/sweep_grid.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <string>

namespace tetra::apps {

/// Decodes `point` with draft length `k` on the accelerator, counting acceptance by
/// draft position.
PointMeasurement measure_point(const SweepGrid& grid, const LoadedModelPair& models,
                               const SweepPoint& point, std::size_t k);

/// How far run_sweep_points is.
struct SweepProgress {
  std::size_t points_done, points;            ///< rows reported, rows to report
  std::size_t simulations_done, simulations;  ///< baselines and points with K > 0
};

/// What run_sweep_points reports as it goes.
struct SweepCallbacks {
  /// A point's row (csv_row), called under a lock, in any order.
  std::function<void(std::size_t index, const std::string& row)> row;
  /// After each simulation, under the same lock.
  std::function<void(const SweepProgress& progress)> progress;
};

/// Runs the points `indices` of `grid` on `jobs` threads (at least one). The first
/// failure stops the workers from taking more points; it is rethrown once they have
/// stopped, after every row finished before it was reported.
void run_sweep_points(const SweepGrid& grid, std::span<const LoadedModelPair> models,
                      std::span<const std::size_t> indices, std::size_t jobs,
                      const SweepCallbacks& callbacks);

}  // namespace tetra::apps
