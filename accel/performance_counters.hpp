#pragma once
// The performance counters: 64-bit registers, cleared at each run's start, counting the
// cycles of the decode loop and the tokens it drafted, accepted and emitted.

#include "accel/clocked_block.hpp"
#include "accel/probability_unit.hpp"

namespace tetra::accel {

/// A counter register: 64 bits, so that no run wraps it.
using CounterValue = Vec<64>;

/// Each edge adds the controller's and engines' status bits to the cycle counters, and
/// an iteration_done pulse adds that iteration's token counts.
class PerformanceCounters : public ClockedBlock {
public:
  In<Logic> clear{*this, "clear"};
  In<Logic> counting{*this, "counting"};          ///< decode loop active
  In<Logic> drafting{*this, "drafting"};          ///< draft engine or draft pick busy
  In<Logic> verifying{*this, "verifying"};        ///< target engine busy
  In<Logic> output_blocked{*this, "output_blocked"};  ///< controller waits for FIFO room
  In<Logic> draft_stalled{*this, "draft_stalled"};    ///< draft engine waits for a beat
  In<Logic> target_stalled{*this, "target_stalled"};  ///< target engine waits for a beat
  In<Logic> iteration_done{*this, "iteration_done"};
  In<PositionIndex> iteration_drafted{*this, "iteration_drafted"};
  In<PositionIndex> iteration_accepted{*this, "iteration_accepted"};
  In<PositionIndex> iteration_emitted{*this, "iteration_emitted"};
  Out<CounterValue> cycles{*this, "cycles"};
  Out<CounterValue> draft_cycles{*this, "draft_cycles"};
  Out<CounterValue> verify_cycles{*this, "verify_cycles"};
  Out<CounterValue> stall_cycles{*this, "stall_cycles"};
  Out<CounterValue> iterations{*this, "iterations"};
  Out<CounterValue> drafted{*this, "drafted"};
  Out<CounterValue> accepted{*this, "accepted"};
  Out<CounterValue> emitted{*this, "emitted"};
  Out<CounterValue> rejections{*this, "rejections"};  ///< iterations that rejected a draft token

  /// Counters at zero.
  PerformanceCounters(Scope& parent, std::string_view name);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
  void write_all(bool known);

  std::uint64_t cycles_ = 0, draft_cycles_ = 0, verify_cycles_ = 0, stall_cycles_ = 0;
  std::uint64_t iterations_ = 0, drafted_ = 0, accepted_ = 0, emitted_ = 0, rejections_ = 0;
};

}  // namespace tetra::accel
