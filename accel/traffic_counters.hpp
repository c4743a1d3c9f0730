#pragma once
// The traffic counters: bytes read from off-chip weight memory, bytes read from and written
// to on-chip SRAM (draft weights, context ring, score stores) and multiply-accumulates,
// each split into draft work, verify work and the part of both spent on draft tokens that
// were then rejected. docs/accelerator.md ("Traffic counters") gives the counting rules.

#include "accel/accelerator_config.hpp"
#include "accel/clocked_block.hpp"
#include "accel/performance_counters.hpp"
#include "accel/probability_unit.hpp"
#include "accel/token_sampler.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tetra::accel {

/// One quantity split by the work that caused it. `rejected` is part of draft + verify:
/// the work of draft steps and verify positions for draft tokens that were rejected.
struct WorkSplit {
  std::uint64_t draft = 0;
  std::uint64_t verify = 0;
  std::uint64_t rejected = 0;
  /// Draft plus verify: everything the decode loop did.
  [[nodiscard]] std::uint64_t total() const { return draft + verify; }
  friend bool operator==(const WorkSplit&, const WorkSplit&) = default;
};

/// The traffic of a run, as the counters report it.
struct TrafficCounts {
  WorkSplit offchip_bytes;     ///< target weight bytes streamed from the weight memory
  WorkSplit sram_read_bytes;   ///< draft weight SRAM, context ring and score stores
  WorkSplit sram_write_bytes;  ///< context ring and score stores
  WorkSplit macs;              ///< 8-bit multiply-accumulates
  friend bool operator==(const TrafficCounts&, const TrafficCounts&) = default;
};

/// The quantities and the work kinds, with their names: counter i is quantity i / 3 and
/// work kind i % 3, named "<quantity>_<kind>" (for example "macs_rejected").
inline constexpr std::array<std::pair<std::string_view, WorkSplit TrafficCounts::*>, 4>
    kTrafficQuantities{{{"offchip_bytes", &TrafficCounts::offchip_bytes},
                        {"sram_read_bytes", &TrafficCounts::sram_read_bytes},
                        {"sram_write_bytes", &TrafficCounts::sram_write_bytes},
                        {"macs", &TrafficCounts::macs}}};
inline constexpr std::array<std::pair<std::string_view, std::uint64_t WorkSplit::*>, 3> kWorkKinds{
    {{"draft", &WorkSplit::draft}, {"verify", &WorkSplit::verify}, {"rejected", &WorkSplit::rejected}}};
inline constexpr std::size_t kTrafficCounterCount = kTrafficQuantities.size() * kWorkKinds.size();

/// The name of traffic counter `index` (0..kTrafficCounterCount-1).
std::string traffic_counter_name(std::size_t index);
/// Counter `index` of `counts` (as traffic_counter_name numbers them).
std::uint64_t& traffic_counter(TrafficCounts& counts, std::size_t index);
std::uint64_t traffic_counter(const TrafficCounts& counts, std::size_t index);

/// Bytes of one score-store entry: a 16-bit mass, the position's 32-bit total and 8-bit argmax.
inline constexpr std::uint64_t kScoreEntryBytes = 7;

/// What the counters need to know of the hardware and the models.
struct TrafficShape {
  std::uint64_t lanes = 0;               ///< L
  std::uint64_t target_beat_bytes = 0;   ///< B
  std::uint64_t draft_beat_bytes = 0;    ///< Bd
  std::uint64_t target_context = 0;      ///< the target's C
  std::uint64_t draft_context = 0;       ///< the draft's C
  std::uint64_t vocabulary = 0;          ///< V
  std::uint64_t target_weight_bytes = 0; ///< the target's streamed image: H*C*E + V*H
};

/// The shape of an accelerator built with these models and hardware.
TrafficShape traffic_shape(const models::ModelShape& target, const models::ModelShape& draft,
                           const HardwareParameters& hardware);

/// Each edge adds the traffic of the events of the cycle that just ended (engine starts,
/// weight beats, picks, accept runs) to the draft or the verify counters, as the
/// controller's `drafting` bit says; each iteration_done moves the work of its rejected
/// draft tokens into the rejected counters.
class TrafficCounters : public ClockedBlock {
public:
  In<Logic> clear{*this, "clear"};
  In<Logic> counting{*this, "counting"};
  In<Logic> drafting{*this, "drafting"};
  In<Logic> draft_start{*this, "draft_start"};
  In<Logic> draft_beat_valid{*this, "draft_beat_valid"};
  In<Logic> target_start{*this, "target_start"};
  In<PositionIndex> target_positions{*this, "target_positions"};
  In<Logic> target_beat_valid{*this, "target_beat_valid"};
  In<Logic> sample_done{*this, "sample_done"};
  In<Logic> sample_mode{*this, "sample_mode"};
  In<SampleCommand> sample_source{*this, "sample_source"};
  In<TokenId> sampled_token{*this, "sampled_token"};
  In<Logic> accept_done{*this, "accept_done"};
  In<PositionIndex> accept_length{*this, "accept_length"};
  In<PositionIndex> accepted_count{*this, "accepted_count"};
  In<Logic> iteration_done{*this, "iteration_done"};
  In<PositionIndex> iteration_drafted{*this, "iteration_drafted"};
  In<PositionIndex> iteration_accepted{*this, "iteration_accepted"};
  /// The counters, in the order of traffic_counter_name.
  std::deque<Out<CounterValue>> counters;

  /// Counters at zero.
  TrafficCounters(Scope& parent, std::string_view name, const TrafficShape& shape);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
  void add(WorkSplit TrafficCounts::*quantity, bool draft, std::uint64_t amount);
  void end_iteration();
  void write_all(bool known);

  TrafficShape shape_;
  TrafficCounts counts_;
  std::uint64_t target_lanes_active_ = 0;  // positions of the current target pass
  std::uint64_t passes_ = 0;               // target passes of this iteration
  std::uint64_t draft_steps_ = 0;          // draft picks of this iteration
  // draft_after_[i]: the draft counters after draft step i of this iteration (0: before the first).
  std::vector<TrafficCounts> draft_after_;
};

}  // namespace tetra::accel
