#pragma once
// A power-on reset: active-high, released after a number of clock cycles.

#include <cstddef>
#include <string_view>

#include "sim/module/port.hpp"
#include "sim/values/logic.hpp"

namespace tetra {

/// Holds `rst` at 1 from time 0 through the first `cycles` rising edges of `clk`, then
/// drives it to 0, so that synchronous logic sees exactly `cycles` edges in reset.
class ResetGenerator : public Module {
public:
  In<Logic> clk{*this, "clk"};
  Out<Logic> rst{*this, "rst"};

  /// A reset held for `cycles` (>= 1) rising edges; throws std::invalid_argument for 0.
  ResetGenerator(Scope& parent, std::string_view name, std::size_t cycles);
};

}  // namespace tetra
