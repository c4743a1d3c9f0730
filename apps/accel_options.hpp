#pragma once
// The options of a decode on the accelerator, shared by `tetra accel` and `tetra cosim`:
// the prompt and the run (tokens, K, mode, seed), the hardware, the model files, --json.

#include "accel/accelerator_bench.hpp"
#include "models/model_file.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace tetra::apps {

/// What the options of a decode say.
struct AccelOptions {
  std::string prompt = "This program is free software";
  std::size_t tokens = 60;
  std::size_t draft_length = 4;
  std::string mode_name = "greedy";
  std::uint64_t seed = 1;
  accel::HardwareParameters hardware;
  std::string target_file = models::default_model_path(models::ModelRole::target).string();
  std::string draft_file = models::default_model_path(models::ModelRole::draft).string();
  bool json = false;

  /// The run these options describe, with K = `k` (`tetra accel` also runs K = 0).
  [[nodiscard]] accel::RunParameters run(std::size_t k) const;
  /// The hardware and the run, for a JSON report.
  [[nodiscard]] nlohmann::json hardware_json() const;
};

/// The performance counters, for a JSON report.
nlohmann::json counters_json(const accel::CounterValues& counters);

/// Adds the options to `command`, filling `options` when it parses.
void add_accel_options(CLI::App& command, AccelOptions& options);

}  // namespace tetra::apps
