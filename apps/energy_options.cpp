#include "apps/energy_options.hpp"

#include "apps/number_option.hpp"

#include <nlohmann/json.hpp>

#include <limits>
#include <string>
#include <vector>

namespace tetra::apps {

accel::EnergyCosts EnergyOptions::costs() const {
  accel::EnergyCosts costs = accel::energy_preset(preset).costs;
  costs.mac_pj = mac_pj.value_or(costs.mac_pj);
  costs.sram_byte_pj = sram_byte_pj.value_or(costs.sram_byte_pj);
  costs.offchip_byte_pj = offchip_byte_pj.value_or(costs.offchip_byte_pj);
  return costs;
}

void add_energy_options(CLI::App& command, EnergyOptions& options) {
  std::vector<std::string> names;
  for (const accel::EnergyPreset& preset : accel::energy_presets()) names.emplace_back(preset.name);
  command.add_option("--energy-preset", options.preset, "Energy per MAC, SRAM byte and off-chip byte")
      ->capture_default_str()
      ->check(CLI::IsMember(names));
  add_number_option(command, "--mac-pj", options.mac_pj, "Energy of an 8-bit MAC in pJ (replaces the preset's)",
                    0.0, std::numeric_limits<double>::max());
  add_number_option(command, "--sram-pj", options.sram_byte_pj,
                    "Energy of an on-chip SRAM byte in pJ (replaces the preset's)", 0.0, std::numeric_limits<double>::max());
  add_number_option(command, "--offchip-pj", options.offchip_byte_pj,
                    "Energy of an off-chip byte in pJ (replaces the preset's)", 0.0, std::numeric_limits<double>::max());
}

nlohmann::json traffic_json(const accel::TrafficCounts& counts) {
  nlohmann::json report = nlohmann::json::object();
  for (const auto& [quantity_name, quantity] : accel::kTrafficQuantities) {
    nlohmann::json split = nlohmann::json::object();
    for (const auto& [kind_name, kind] : accel::kWorkKinds) split[std::string(kind_name)] = counts.*quantity.*kind;
    report[std::string(quantity_name)] = split;
  }
  return report;
}

nlohmann::json per_token_json(const accel::PerTokenTraffic& traffic) {
  return {{"offchip_bytes", traffic.offchip_bytes}, {"sram_bytes", traffic.sram_bytes},
          {"macs", traffic.macs},                   {"energy_pj", traffic.energy_pj},
          {"rejected_energy_pj", traffic.rejected_energy_pj}};
}

nlohmann::json energy_costs_json(const EnergyOptions& options, const accel::EnergyCosts& costs) {
  return {{"preset", options.preset},
          {"mac_pj", costs.mac_pj},
          {"sram_byte_pj", costs.sram_byte_pj},
          {"offchip_byte_pj", costs.offchip_byte_pj}};
}

}  // namespace tetra::apps
