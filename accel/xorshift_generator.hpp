#pragma once
// The hardware random number generator: xorshift64 (13, 7, 17), one draw per cycle,
// seeded through splitmix64's output function, bit for bit the reference's
// models::XorshiftRng.

#include "accel/clocked_block.hpp"

namespace tetra::accel {

/// On `load`, state = XorshiftRng::seeded_state(seed), mixed within the load cycle; on a
/// draw, the state advances once. `value` is the state register: a draw requested at
/// edge t is readable at edge t + 2.
class XorshiftGenerator : public ClockedBlock {
public:
  In<Logic> load{*this, "load"};
  In<Vec<64>> seed{*this, "seed"};
  In<Logic> accept_draw{*this, "accept_draw"};  ///< from the accept unit
  In<Logic> sample_draw{*this, "sample_draw"};  ///< from the token sampler
  Out<Vec<64>> value{*this, "value"};

  /// A generator whose reset state is that of seed 0.
  XorshiftGenerator(Scope& parent, std::string_view name);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
};

}  // namespace tetra::accel
