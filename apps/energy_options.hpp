#pragma once
// The energy model's options (--energy-preset and per-event overrides) and the JSON of a
// run's traffic and energy, shared by `tetra accel` and the commands that report energy.

#include "accel/energy_model.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace tetra::apps {

/// What the energy options say: a preset, and costs that replace the preset's.
struct EnergyOptions {
  std::string preset = std::string(accel::energy_presets().front().name);
  std::optional<double> mac_pj, sram_byte_pj, offchip_byte_pj;

  /// The preset's costs with the overrides applied (throws std::invalid_argument for an
  /// unknown preset, naming the presets).
  [[nodiscard]] accel::EnergyCosts costs() const;
};

/// Adds --energy-preset, --mac-pj, --sram-pj and --offchip-pj to `command`.
void add_energy_options(CLI::App& command, EnergyOptions& options);

/// The traffic counters: {quantity: {draft, verify, rejected}}.
nlohmann::json traffic_json(const accel::TrafficCounts& counts);
/// A run's traffic and energy per emitted token.
nlohmann::json per_token_json(const accel::PerTokenTraffic& traffic);
/// The costs in use, with the preset's name.
nlohmann::json energy_costs_json(const EnergyOptions& options, const accel::EnergyCosts& costs);

}  // namespace tetra::apps
