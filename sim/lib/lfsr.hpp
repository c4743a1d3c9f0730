#pragma once
// A Galois LFSR: each enabled clock shifts right, and when the bit shifted out is 1 the
// taps are XORed in. With taps 0xB400 (N = 16) it runs through all 65,535 non-zero
// states. Synchronous reset loads the seed; unknown enable or reset gives pessimistic X.

#include <cstddef>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "sim/module/port.hpp"
#include "sim/values/bitwise.hpp"
#include "sim/values/format.hpp"
#include "sim/values/select.hpp"
#include "sim/values/shift.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// A pseudo-random sequence generator of N bits.
template <std::size_t N>
class Lfsr : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> en{*this, "en"};
  Out<Vec<N>> q{*this, "q"};

  /// An LFSR with feedback `taps` that reset loads with `seed`. Both must be known and
  /// non-zero (a zero state never leaves zero); throws std::invalid_argument otherwise.
  Lfsr(Scope& parent, std::string_view name, const Vec<N>& taps, const Vec<N>& seed)
      : Module(parent, name), taps_(taps), seed_(seed) {
    require_known_nonzero(taps, "taps");
    require_known_nonzero(seed, "seed");
    method("shift", [this] {
      const Vec<N>& current = q.signal().read();
      q.write(select(rst.read(), seed_, select(en.read(), step(current, taps_), current)));
    }).sensitive(clk.posedge());
  }

  /// The state after `state` for feedback `taps` (unknown bits propagate).
  static Vec<N> step(const Vec<N>& state, const Vec<N>& taps) {
    const Vec<N> shifted = state >> 1;
    return select(state.bit(0), shifted ^ taps, shifted);
  }

private:
  void require_known_nonzero(const Vec<N>& value, std::string_view what) const {
    if (!value.is_known() || value == Vec<N>::zeros()) {
      throw std::invalid_argument(fmt::format("LFSR {}: the {} must be known and non-zero, not {}", path(), what, value));
    }
  }

  Vec<N> taps_;
  Vec<N> seed_;
};

}  // namespace tetra
