#include "accel/xorshift_generator.hpp"

#include "models/xorshift_rng.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::accel {

XorshiftGenerator::XorshiftGenerator(Scope& parent, std::string_view name)
    : ClockedBlock(parent, name, *this) {}

void XorshiftGenerator::reset() { value.write(Vec<64>(models::XorshiftRng::seeded_state(0))); }

void XorshiftGenerator::poison() { value.write(Vec<64>::xs()); }

void XorshiftGenerator::step() {
  const bool by_accept = read_bit(accept_draw);
  const bool by_sampler = read_bit(sample_draw);
  if (by_accept && by_sampler) {
    throw std::logic_error(fmt::format("{}: the accept unit and the sampler draw in the same cycle",
                                       path()));
  }
  if (read_bit(load)) {
    value.write(Vec<64>(models::XorshiftRng::seeded_state(read_uint(seed))));
  } else if (by_accept || by_sampler) {
    value.write(Vec<64>(models::XorshiftRng::advance(value.read().to_uint64())));
  }
}

}  // namespace tetra::accel
