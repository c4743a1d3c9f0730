#pragma once
// The energy model's options (--energy-preset and per-event overrides) and the JSON of a
// run's traffic and energy, shared by `tetra accel` and the commands that report energy.

#include "accel/energy_model.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tetra::apps {

/// What the energy options say: a preset, and costs that replace the preset's. Each is
/// empty unless given.
struct EnergyOptions {
  std::optional<std::string> preset;
  std::optional<double> mac_pj, sram_byte_pj, offchip_byte_pj;

  /// The preset given, or the default one (the first of accel::energy_presets()).
  [[nodiscard]] std::string preset_name() const;
  /// The preset's costs with the overrides applied (throws std::invalid_argument for an
  /// unknown preset, naming the presets).
  [[nodiscard]] accel::EnergyCosts costs() const;
  /// Takes each value that `given` holds (the preset, each cost), keeping the others: a
  /// command line's options over a grid file's keys.
  void override_with(const EnergyOptions& given);
};

/// A cost that replaces the preset's: its option, its key in a grid file, its member.
struct EnergyCostOption {
  std::string_view flag;         ///< "--mac-pj"
  std::string_view key;          ///< "mac_pj"
  std::optional<double> EnergyOptions::*cost;
  std::string_view description;
};

/// The grid-file key of --energy-preset.
inline constexpr std::string_view kEnergyPresetKey = "energy_preset";
/// --mac-pj, --sram-pj and --offchip-pj.
std::span<const EnergyCostOption> energy_cost_options();

/// Adds --energy-preset, --mac-pj, --sram-pj and --offchip-pj to `command`.
void add_energy_options(CLI::App& command, EnergyOptions& options);

/// The traffic counters: {quantity: {draft, verify, rejected}}.
nlohmann::json traffic_json(const accel::TrafficCounts& counts);
/// A run's traffic and energy per emitted token.
nlohmann::json per_token_json(const accel::PerTokenTraffic& traffic);
/// The costs in use, with the preset's name.
nlohmann::json energy_costs_json(const EnergyOptions& options, const accel::EnergyCosts& costs);

}  // namespace tetra::apps
