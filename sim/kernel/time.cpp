#include "sim/kernel/time.hpp"

#include <array>
#include <utility>

namespace tetra {

std::string to_string(Duration duration) {
  static constexpr std::array<std::pair<std::int64_t, const char*>, 6> units{{
      {1'000'000'000'000'000, "s"}, {1'000'000'000'000, "ms"}, {1'000'000'000, "us"},
      {1'000'000, "ns"}, {1'000, "ps"}, {1, "fs"}}};
  const Femtoseconds fs = duration.in_femtoseconds();
  if (fs == 0) return "0 s";
  for (const auto& [scale, name] : units) {
    if (fs % scale == 0) return fmt::format("{} {}", fs / scale, name);
  }
  return fmt::format("{} fs", fs);
}

}  // namespace tetra
