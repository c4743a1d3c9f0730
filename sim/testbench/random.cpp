#include "sim/testbench/random.hpp"

#include <fmt/format.h>

namespace tetra::testbench {

std::uint64_t Random::below(std::uint64_t bound) {
  if (bound == 0) throw std::invalid_argument("below(0): the range is empty");
  // Rejection keeps every value equally likely: draws past the last whole multiple of
  // `bound` would favour the low values.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t draw = bits();
  while (draw >= limit) draw = bits();
  return draw % bound;
}

std::int64_t Random::range(std::int64_t low, std::int64_t high) {
  if (low > high) throw std::invalid_argument(fmt::format("range({}, {}): low is above high", low, high));
  const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  const std::uint64_t offset = span == UINT64_MAX ? bits() : below(span + 1);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + offset);
}

double Random::unit() { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }

bool Random::chance(double probability) {
  if (!(probability >= 0 && probability <= 1)) {
    throw std::invalid_argument(fmt::format("chance({}): a probability is in 0..1", probability));
  }
  return unit() < probability;
}

Logic Random::unknown_bit(UnknownRate rate) {
  if (!(rate.x >= 0 && rate.z >= 0 && rate.x + rate.z <= 1)) {
    throw std::invalid_argument(fmt::format("UnknownRate x={} z={}: each in 0..1, their sum at most 1", rate.x, rate.z));
  }
  const double draw = unit();
  if (draw < rate.x) return LX;
  if (draw < rate.x + rate.z) return LZ;
  return L0;
}

Logic Random::logic(UnknownRate rate) {
  const Logic unknown = unknown_bit(rate);
  if (!unknown.is_known()) return unknown;
  return (bits() & 1) != 0 ? L1 : L0;
}

}  // namespace tetra::testbench
