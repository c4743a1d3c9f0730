#include "apps/energy_options.hpp"

#include "apps/number_option.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <string>
#include <vector>

namespace tetra::apps {

std::string EnergyOptions::preset_name() const {
  return preset.value_or(std::string(accel::energy_presets().front().name));
}

accel::EnergyCosts EnergyOptions::costs() const {
  accel::EnergyCosts costs = accel::energy_preset(preset_name()).costs;
  costs.mac_pj = mac_pj.value_or(costs.mac_pj);
  costs.sram_byte_pj = sram_byte_pj.value_or(costs.sram_byte_pj);
  costs.offchip_byte_pj = offchip_byte_pj.value_or(costs.offchip_byte_pj);
  return costs;
}

void EnergyOptions::override_with(const EnergyOptions& given) {
  if (given.preset) preset = given.preset;
  for (const EnergyCostOption& option : energy_cost_options()) {
    if (given.*option.cost) this->*option.cost = given.*option.cost;
  }
}

std::span<const EnergyCostOption> energy_cost_options() {
  static constexpr std::array kOptions{
      EnergyCostOption{"--mac-pj", "mac_pj", &EnergyOptions::mac_pj,
                       "Energy of an 8-bit MAC in pJ (replaces the preset's)"},
      EnergyCostOption{"--sram-pj", "sram_pj", &EnergyOptions::sram_byte_pj,
                       "Energy of an on-chip SRAM byte in pJ (replaces the preset's)"},
      EnergyCostOption{"--offchip-pj", "offchip_pj", &EnergyOptions::offchip_byte_pj,
                       "Energy of an off-chip byte in pJ (replaces the preset's)"},
  };
  return kOptions;
}

void add_energy_options(CLI::App& command, EnergyOptions& options) {
  std::vector<std::string> names;
  for (const accel::EnergyPreset& preset : accel::energy_presets()) names.emplace_back(preset.name);
  command
      .add_option_function<std::string>(
          "--energy-preset", [&options](const std::string& name) { options.preset = name; },
          "Energy per MAC, SRAM byte and off-chip byte")
      ->default_str(options.preset_name())
      ->check(CLI::IsMember(names));
  for (const EnergyCostOption& option : energy_cost_options()) {
    add_number_option(command, std::string(option.flag), options.*option.cost, std::string(option.description), 0.0,
                      std::numeric_limits<double>::max());
  }
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
  return {{"preset", options.preset_name()},
          {"mac_pj", costs.mac_pj},
          {"sram_byte_pj", costs.sram_byte_pj},
          {"offchip_byte_pj", costs.offchip_byte_pj}};
}

}  // namespace tetra::apps
