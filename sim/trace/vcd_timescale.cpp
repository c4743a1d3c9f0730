#include "sim/trace/vcd_timescale.hpp"

#include <array>
#include <cctype>
#include <fmt/format.h>
#include <stdexcept>

namespace tetra {

namespace {

constexpr std::array<std::string_view, 6> unit_names{"s", "ms", "us", "ns", "ps", "fs"};

bool is_legal_magnitude(unsigned magnitude) {
  return magnitude == 1 || magnitude == 10 || magnitude == 100;
}

}  // namespace

VcdTimescale VcdTimescale::of(unsigned magnitude, VcdTimeUnit unit) {
  if (!is_legal_magnitude(magnitude)) {
    throw std::invalid_argument(
        fmt::format("VCD timescale magnitude must be 1, 10 or 100, not {}", magnitude));
  }
  return VcdTimescale{magnitude, unit};
}

std::string VcdTimescale::to_string() const {
  return fmt::format("{}{}", magnitude, unit_names[static_cast<std::size_t>(unit)]);
}

VcdTimescale VcdTimescale::parse(std::string_view text) {
  auto fail = [&](std::string_view reason) -> VcdTimescale {
    throw std::invalid_argument(fmt::format("bad VCD timescale '{}': {}", text, reason));
  };
  std::size_t pos = 0;
  unsigned magnitude = 0;
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) != 0) {
    if (magnitude > 100) return fail("magnitude must be 1, 10 or 100");
    magnitude = magnitude * 10 + static_cast<unsigned>(text[pos] - '0');
    ++pos;
  }
  if (pos == 0) return fail("expected a magnitude (1, 10 or 100)");
  if (!is_legal_magnitude(magnitude)) return fail("magnitude must be 1, 10 or 100");
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos])) != 0) ++pos;
  const std::string_view unit_text = text.substr(pos);
  for (std::size_t i = 0; i < unit_names.size(); ++i) {
    if (unit_text == unit_names[i]) return VcdTimescale{magnitude, static_cast<VcdTimeUnit>(i)};
  }
  return fail("expected a unit: s, ms, us, ns, ps or fs");
}

}  // namespace tetra
