#include "apps/sweep_runner.hpp"

#include "apps/accel_options.hpp"

#include "models/vocabulary.hpp"

#include <fmt/format.h>

#include <atomic>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tetra::apps {

namespace {

// One simulation: a baseline (K = 0 of a hardware point) or a point with K > 0.
struct Task {
  bool baseline;
  std::size_t index;  // the baseline's number or the point's index
};

// Names the point in the message of a failure inside its simulation.
[[noreturn]] void rethrow_for(const SweepPoint& point, std::size_t k) {
  try {
    throw;
  } catch (const std::exception& error) {
    throw std::runtime_error(fmt::format("point {} (K = {}, seed {}, {}): {}", point.index, k,
                                         point.seed, point.mode, error.what()));
  }
}

}  // namespace

PointMeasurement measure_point(const SweepGrid& grid, const LoadedModelPair& models,
                               const SweepPoint& point, std::size_t k) {
  PointMeasurement measurement;
  measurement.positions.resize(k);
  accel::RunHooks hooks;
  hooks.iteration = [&measurement](std::size_t drafted, std::size_t accepted) {
    // Positions 1..accepted passed; position accepted + 1, if drafted, failed.
    for (std::size_t position = 0; position < drafted && position <= accepted; ++position) {
      ++measurement.positions[position].tested;
      if (position < accepted) ++measurement.positions[position].accepted;
    }
  };
  try {
    const accel::AcceleratorRun run = accel::run_accelerator(
        models.target, models.draft, point.hardware, models::Vocabulary::encode(point.prompt),
        accel::RunParameters{grid.tokens, k, mode_of(point.mode), point.seed}, hooks);
    measurement.counters = run.counters;
    measurement.traffic = run.traffic;
  } catch (...) {
    rethrow_for(point, k);
  }
  return measurement;
}

void run_sweep_points(const SweepGrid& grid, std::span<const LoadedModelPair> models,
                      std::span<const std::size_t> indices, std::size_t jobs,
                      const SweepCallbacks& callbacks) {
  // Baselines first, so that a point that needs one finds it taken by a worker already.
  std::map<std::size_t, std::vector<std::size_t>> k_zero_points;  // baseline -> its K = 0 points
  std::map<std::size_t, std::shared_future<PointMeasurement>> baselines;
  std::map<std::size_t, std::promise<PointMeasurement>> promises;
  std::vector<Task> tasks;
  for (std::size_t index : indices) {
    const SweepPoint point = grid.point(index);
    if (!promises.contains(point.baseline)) {
      baselines.emplace(point.baseline, promises[point.baseline].get_future().share());
      tasks.push_back({true, point.baseline});
    }
    if (point.k == 0) k_zero_points[point.baseline].push_back(index);
  }
  for (std::size_t index : indices) {
    if (grid.point(index).k != 0) tasks.push_back({false, index});
  }

  std::mutex report_mutex;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_failure;
  SweepProgress progress{0, indices.size(), 0, tasks.size()};
  const auto report = [&](const std::vector<std::pair<std::size_t, std::string>>& rows) {
    const std::lock_guard lock(report_mutex);
    for (const auto& [index, row] : rows) callbacks.row(index, row);
    progress.points_done += rows.size();
    ++progress.simulations_done;
    if (callbacks.progress) callbacks.progress(progress);
  };
  const auto work = [&] {
    while (!failed) {
      const std::size_t taken = next++;
      if (taken >= tasks.size()) return;
      const Task task = tasks[taken];
      try {
        if (task.baseline) {
          const SweepPoint point = grid.point(task.index * grid.k.size());
          try {
            const PointMeasurement baseline = measure_point(grid, models[point.model_pair], point, 0);
            std::vector<std::pair<std::size_t, std::string>> rows;
            if (const auto found = k_zero_points.find(task.index); found != k_zero_points.end()) {
              for (std::size_t index : found->second) {
                rows.emplace_back(index, csv_row(grid, grid.point(index), baseline, baseline));
              }
            }
            promises.at(task.index).set_value(baseline);
            report(rows);
          } catch (...) {
            promises.at(task.index).set_exception(std::current_exception());
            throw;
          }
        } else {
          const SweepPoint point = grid.point(task.index);
          const PointMeasurement run = measure_point(grid, models[point.model_pair], point, point.k);
          const PointMeasurement& baseline = baselines.at(point.baseline).get();
          report({{task.index, csv_row(grid, point, run, baseline)}});
        }
      } catch (...) {
        const std::lock_guard lock(report_mutex);
        if (!first_failure) first_failure = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::jthread> workers;
  const std::size_t threads = std::max<std::size_t>(1, std::min(jobs, tasks.size()));
  for (std::size_t worker = 1; worker < threads; ++worker) workers.emplace_back(work);
  work();
  for (std::jthread& worker : workers) worker.join();
  // A baseline that failed has a point waiting on it, which fails too: the first is the cause.
  if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace tetra::apps
