#pragma once
// What every accelerator block shares: a clock, a synchronous active-high reset, and an
// FSM state register. A block whose reset or state is unknown drives X on every output,
// so an unreset register's X reaches the outputs instead of being guessed as 0.

#include "sim/module/port.hpp"
#include "sim/values/errors.hpp"
#include "sim/values/format.hpp"
#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

#include <cstdint>
#include <string_view>

namespace tetra::accel {

/// Width of every FSM state register.
inline constexpr std::size_t kStateBits = 4;

/// A clocked block: derive, declare ports, and implement reset(), poison() and step().
class ClockedBlock : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};

protected:
  /// Registers the clocked process; it calls `Derived`'s reset/poison/step at each rising edge.
  template <class Derived>
  ClockedBlock(Scope& parent, std::string_view name, Derived& self) : Module(parent, name) {
    method("clocked", [&self, this] {
      const Logic reset = rst.read();
      if (!reset.is_known()) {
        state_.write(Vec<kStateBits>::xs());
        self.poison();
      } else if (reset == L1) {
        state_.write(Vec<kStateBits>(0));
        self.reset();
      } else if (!state_.read().is_known()) {
        self.poison();
      } else {
        self.step();
      }
    }).sensitive(clk.posedge());
  }

  /// The FSM state as an integer (state 0 is the reset state); the state is known in step().
  [[nodiscard]] std::uint64_t state() const { return state_.read().to_uint64(); }
  /// Moves the FSM to `next` at this edge.
  void set_state(std::uint64_t next) { state_.write(Vec<kStateBits>(next)); }

private:
  Signal<Vec<kStateBits>> state_{*this, "state"};
};

/// Reads a one-bit control input; throws UnknownValueError naming the port on X/Z.
inline bool read_bit(const In<Logic>& port) {
  const Logic value = port.read();
  if (!value.is_known()) throw UnknownValueError(fmt::format("1'b{}", value.to_char()), port.path());
  return value == L1;
}

/// Reads an unsigned input; throws UnknownValueError naming the port on X/Z.
template <std::size_t N>
std::uint64_t read_uint(const In<Vec<N>>& port) {
  const Vec<N>& value = port.read();
  if (!value.is_known()) throw UnknownValueError(to_literal(value), port.path());
  return value.to_uint64();
}

/// Logic from a bool.
inline Logic bit(bool value) { return value ? L1 : L0; }

}  // namespace tetra::accel
