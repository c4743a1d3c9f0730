#pragma once
// The grid of a throughput sweep: the values of each axis (model pair, hardware, mode,
// prompt, seed, K), the points they span in one fixed order, and the checks that refuse a
// bad grid, naming its key, before any work starts.

#include "apps/energy_options.hpp"

#include "accel/accelerator_config.hpp"
#include "accel/energy_model.hpp"
#include "models/integer_model.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tetra::apps {

/// A grid that cannot run; the message names the key (and the file and line of a TOML grid).
class GridError : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/// The target and draft model files of one point.
struct ModelPair {
  std::string target;
  std::string draft;
  friend bool operator==(const ModelPair&, const ModelPair&) = default;
};

/// One decode of a sweep.
struct SweepPoint {
  std::size_t index = 0;       ///< position in the grid's order, 0..size()-1
  std::size_t model_pair = 0;  ///< index into SweepGrid::models
  accel::HardwareParameters hardware;
  std::string mode;
  std::string prompt;
  std::uint64_t seed = 0;
  std::size_t k = 0;
  /// Points that differ only in K share it: the index of their K = 0 baseline run.
  std::size_t baseline = 0;
};

/// The values of every axis. Points nest the axes in the order of the members, the first
/// outermost and K innermost, so that the points of one baseline are consecutive.
struct SweepGrid {
  std::vector<ModelPair> models;
  /// One list per hardware parameter, in hardware_options() order.
  std::array<std::vector<std::size_t>, 4> hardware;
  std::vector<std::string> mode{"greedy"};
  std::vector<std::string> prompt{"This program is free software"};
  std::vector<std::uint64_t> seed{1};
  std::vector<std::size_t> k{0, 1, 2, 3, 4, 6, 8};
  std::size_t tokens = 60;  ///< tokens each point generates (not an axis)
  /// The energy model of the energy columns (not an axis): a preset's name and the costs
  /// in use (the preset's, or the command line's overrides).
  std::string energy_preset;
  accel::EnergyCosts energy;

  /// The default grid: the checked-in model pair, the default hardware, one prompt and
  /// seed, greedy, K in 0..4,6,8.
  SweepGrid();

  /// Number of points.
  [[nodiscard]] std::size_t size() const;
  /// Number of baselines (points with every value but K).
  [[nodiscard]] std::size_t baselines() const { return size() / k.size(); }
  /// The point at `index` (< size()).
  [[nodiscard]] SweepPoint point(std::size_t index) const;
  /// The largest K of the grid.
  [[nodiscard]] std::size_t max_k() const;

  /// Every axis, as a JSON object whose dump() is the grid's canonical text.
  [[nodiscard]] nlohmann::json to_json() const;
  /// The grid to_json() described; throws GridError if `json` is not such a description.
  static SweepGrid from_json(const nlohmann::json& json);

  friend bool operator==(const SweepGrid&, const SweepGrid&) = default;
};

/// The grid keys, as TOML files and the CSV name them: models, lanes, mem_bw,
/// mem_latency, draft_bw, mode, prompt, seed, k, tokens.
std::vector<std::string> grid_keys();

/// Replaces the values of the numeric axis or mode `key` by the list `text` ("0..4,8",
/// "greedy,sample", "60" for tokens); throws GridError naming the key.
void set_axis(SweepGrid& grid, std::string_view key, std::string_view text);

/// The keys a TOML grid file may give: grid_keys(), then the energy model's
/// (energy_preset, mac_pj, sram_pj, offchip_pj, as the options --energy-preset, --mac-pj,
/// --sram-pj and --offchip-pj).
std::vector<std::string> grid_file_keys();

/// Replaces the values that the TOML file `path` gives (every key optional) and returns
/// its energy keys, which are not axes (the caller puts the command line's over them and
/// sets the grid's energy model). Throws GridError naming the file, line and key for an
/// unknown key or a bad value: a preset that does not exist, a cost that is not a finite
/// number >= 0.
EnergyOptions read_grid_file(const std::filesystem::path& path, SweepGrid& grid);

/// The models of one pair, loaded.
struct LoadedModelPair {
  models::IntegerModelParameters target;
  models::IntegerModelParameters draft;
};

/// Loads every model pair and checks every value of the grid against the accelerator
/// (accel::validate); throws GridError naming the key whose value does not fit.
std::vector<LoadedModelPair> check_grid(const SweepGrid& grid);

}  // namespace tetra::apps
