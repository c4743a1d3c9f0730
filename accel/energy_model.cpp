#include "accel/energy_model.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <string>

namespace tetra::accel {

namespace {

// Horowitz, ISSCC 2014, 45 nm: an 8-bit multiply 0.2 pJ plus an 8-bit add 0.03 pJ; a 64-bit
// access to an 8 KB SRAM 10 pJ (1.25 pJ a byte); a 64-bit DRAM access 1.3 to 2.6 nJ, of
// which the low end, 162.5 pJ a byte.
constexpr double kHorowitzMacPj = 0.2 + 0.03;
constexpr double kHorowitzSramBytePj = 10.0 / 8;
constexpr double kHorowitzDramBytePj = 1300.0 / 8;
// O'Connor et al., MICRO 2017: HBM2 at 3.97 pJ a bit.
constexpr double kHbm2BytePj = 3.97 * 8;

constexpr std::array kPresets{
    EnergyPreset{"horowitz45",
                 {kHorowitzMacPj, kHorowitzSramBytePj, kHorowitzDramBytePj},
                 "M. Horowitz, \"Computing's energy problem (and what we can do about it)\", "
                 "ISSCC 2014 (45 nm): 8-bit multiply 0.2 pJ + 8-bit add 0.03 pJ, 8 KB SRAM "
                 "10 pJ and DRAM 1.3-2.6 nJ per 64-bit access (low end)"},
    EnergyPreset{"hbm2",
                 {kHorowitzMacPj, kHorowitzSramBytePj, kHbm2BytePj},
                 "MAC and SRAM as horowitz45; off-chip: M. O'Connor et al., \"Fine-Grained "
                 "DRAM: Energy-Efficient DRAM for Extreme Bandwidth Systems\", MICRO 2017: "
                 "HBM2 3.97 pJ/bit"},
};

}  // namespace

std::span<const EnergyPreset> energy_presets() { return kPresets; }

const EnergyPreset& energy_preset(std::string_view name) {
  for (const EnergyPreset& preset : kPresets) {
    if (preset.name == name) return preset;
  }
  std::string names;
  for (const EnergyPreset& preset : kPresets) {
    names += fmt::format("{}{}", names.empty() ? "" : ", ", preset.name);
  }
  throw std::invalid_argument(fmt::format("energy preset '{}' does not exist (presets: {})", name, names));
}

TrafficEnergy traffic_energy(const TrafficCounts& counts, const EnergyCosts& costs) {
  const auto energy = [&](std::uint64_t WorkSplit::*kind) {
    return static_cast<double>(counts.macs.*kind) * costs.mac_pj +
           static_cast<double>(counts.sram_read_bytes.*kind + counts.sram_write_bytes.*kind) *
               costs.sram_byte_pj +
           static_cast<double>(counts.offchip_bytes.*kind) * costs.offchip_byte_pj;
  };
  return TrafficEnergy{energy(&WorkSplit::draft), energy(&WorkSplit::verify),
                       energy(&WorkSplit::rejected)};
}

PerTokenTraffic per_token(const TrafficCounts& counts, const EnergyCosts& costs, std::uint64_t tokens) {
  if (tokens == 0) return {};
  const double n = static_cast<double>(tokens);
  const TrafficEnergy energy = traffic_energy(counts, costs);
  return PerTokenTraffic{
      static_cast<double>(counts.offchip_bytes.total()) / n,
      static_cast<double>(counts.sram_read_bytes.total() + counts.sram_write_bytes.total()) / n,
      static_cast<double>(counts.macs.total()) / n, energy.total_pj() / n, energy.rejected_pj / n};
}

}  // namespace tetra::accel
