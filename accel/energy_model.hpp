#pragma once
// The energy model: the traffic counters times a cost per event (an 8-bit MAC, an on-chip
// SRAM byte, an off-chip byte), with published presets. docs/accelerator.md ("Energy
// model") gives the figures' sources and what they leave out.

#include "accel/traffic_counters.hpp"

#include <cstdint>
#include <span>
#include <string_view>

namespace tetra::accel {

/// Energy per event, in picojoules.
struct EnergyCosts {
  double mac_pj = 0;          ///< one 8-bit multiply-accumulate
  double sram_byte_pj = 0;    ///< one byte read from or written to on-chip SRAM
  double offchip_byte_pj = 0; ///< one byte read from off-chip weight memory
  friend bool operator==(const EnergyCosts&, const EnergyCosts&) = default;
};

/// A named set of costs and where its figures come from.
struct EnergyPreset {
  std::string_view name;
  EnergyCosts costs;
  std::string_view source;
};

/// The presets, the first being the default: "horowitz45" and "hbm2".
std::span<const EnergyPreset> energy_presets();
/// The preset called `name`; throws std::invalid_argument listing the names otherwise.
const EnergyPreset& energy_preset(std::string_view name);

/// Energy of a run's traffic, in picojoules, split as the counters are.
struct TrafficEnergy {
  double draft_pj = 0;
  double verify_pj = 0;
  double rejected_pj = 0;  ///< part of draft + verify
  [[nodiscard]] double total_pj() const { return draft_pj + verify_pj; }
};

/// The energy of `counts` at `costs`.
TrafficEnergy traffic_energy(const TrafficCounts& counts, const EnergyCosts& costs);

/// A run's traffic and energy divided by the tokens it emitted.
struct PerTokenTraffic {
  double offchip_bytes = 0;
  double sram_bytes = 0;  ///< read and written
  double macs = 0;
  double energy_pj = 0;
  double rejected_energy_pj = 0;  ///< the part of energy_pj spent on rejected draft tokens
};

/// `counts` and their energy at `costs`, per emitted token (all 0 when `tokens` is 0).
PerTokenTraffic per_token(const TrafficCounts& counts, const EnergyCosts& costs, std::uint64_t tokens);

}  // namespace tetra::accel
