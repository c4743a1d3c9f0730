#pragma once
// The options of a decode on the accelerator, shared by `tetra accel` and `tetra cosim`:
// the prompt and the run (tokens, K, mode, seed), the hardware, the model files, --json.

#include "accel/accelerator_bench.hpp"
#include "models/model_file.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <span>
#include <string>
#include <string_view>

namespace tetra::apps {

/// One hardware parameter as the command line and the sweep grid name it.
struct HardwareOption {
  std::string_view key;          ///< "mem_bw": the sweep's TOML key and CSV column
  std::string_view flag;         ///< "--mem-bw"
  std::string_view description;
  std::string_view unit;         ///< "bytes/cycle", or empty for a count
  std::size_t low, high;         ///< the values it parses (accel::validate checks more)
  std::size_t accel::HardwareParameters::*field;
};

/// The hardware parameters in the order the sweep nests them: lanes, memory bandwidth,
/// memory latency, draft bandwidth.
std::span<const HardwareOption> hardware_options();

/// The decode modes by name, "greedy" and "sample".
std::span<const std::string_view> mode_names();
/// The mode a name from mode_names() stands for.
models::DecodeMode mode_of(std::string_view name);

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
