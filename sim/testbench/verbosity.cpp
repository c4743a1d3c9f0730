#include "sim/testbench/verbosity.hpp"

#include <array>
#include <cstddef>

namespace tetra::testbench {

namespace {
constexpr std::array<std::string_view, 4> verbosity_names{"debug", "info", "warn", "error"};
}  // namespace

std::string_view to_string(Verbosity verbosity) { return verbosity_names.at(static_cast<std::size_t>(verbosity)); }

std::optional<Verbosity> parse_verbosity(std::string_view name) {
  for (std::size_t i = 0; i < verbosity_names.size(); ++i) {
    if (verbosity_names[i] == name) return static_cast<Verbosity>(i);
  }
  return std::nullopt;
}

}  // namespace tetra::testbench
