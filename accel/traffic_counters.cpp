#include "accel/traffic_counters.hpp"

#include <fmt/format.h>

namespace tetra::accel {

std::string traffic_counter_name(std::size_t index) {
  return fmt::format("{}_{}", kTrafficQuantities.at(index / kWorkKinds.size()).first,
                     kWorkKinds.at(index % kWorkKinds.size()).first);
}

std::uint64_t& traffic_counter(TrafficCounts& counts, std::size_t index) {
  return counts.*kTrafficQuantities.at(index / kWorkKinds.size()).second.*
         kWorkKinds.at(index % kWorkKinds.size()).second;
}

std::uint64_t traffic_counter(const TrafficCounts& counts, std::size_t index) {
  return counts.*kTrafficQuantities.at(index / kWorkKinds.size()).second.*
         kWorkKinds.at(index % kWorkKinds.size()).second;
}

TrafficShape traffic_shape(const models::ModelShape& target, const models::ModelShape& draft,
                           const HardwareParameters& hardware) {
  return TrafficShape{hardware.lanes,
                      hardware.memory_bytes_per_cycle,
                      hardware.draft_bytes_per_cycle,
                      target.context,
                      draft.context,
                      target.vocabulary,
                      target.hidden * target.hidden_inputs() + target.vocabulary * target.hidden};
}

namespace {
// A score read reads the entry at one (position, token) of both probability units' stores:
// the accept unit and the sampler address both units at once.
constexpr std::uint64_t kScoreReadBytes = 2 * kScoreEntryBytes;
}  // namespace

TrafficCounters::TrafficCounters(Scope& parent, std::string_view name, const TrafficShape& shape)
    : ClockedBlock(parent, name, *this), shape_(shape), draft_after_(kMaxDraftLength + 1) {
  for (std::size_t index = 0; index < kTrafficCounterCount; ++index) {
    counters.emplace_back(*this, traffic_counter_name(index));
  }
}

void TrafficCounters::write_all(bool known) {
  for (std::size_t index = 0; index < kTrafficCounterCount; ++index) {
    counters[index].write(known ? CounterValue(traffic_counter(counts_, index)) : CounterValue::xs());
  }
}

void TrafficCounters::reset() {
  counts_ = {};
  target_lanes_active_ = passes_ = draft_steps_ = 0;
  draft_after_[0] = counts_;
  write_all(true);
}

void TrafficCounters::poison() { write_all(false); }

void TrafficCounters::add(WorkSplit TrafficCounts::*quantity, bool draft, std::uint64_t amount) {
  (counts_.*quantity).*(draft ? &WorkSplit::draft : &WorkSplit::verify) += amount;
}

void TrafficCounters::step() {
  if (read_bit(clear)) {
    reset();
    return;
  }
  if (!read_bit(counting)) return;
  // The engines: a weight beat is read and multiplied into every active lane; a start
  // gathers C context tokens per position and will write V score entries per position.
  if (read_bit(draft_beat_valid)) {
    add(&TrafficCounts::sram_read_bytes, true, shape_.draft_beat_bytes);
    add(&TrafficCounts::macs, true, shape_.draft_beat_bytes);
  }
  if (read_bit(draft_start)) {
    add(&TrafficCounts::sram_read_bytes, true, shape_.draft_context);
    add(&TrafficCounts::sram_write_bytes, true, shape_.vocabulary * kScoreEntryBytes);
  }
  if (read_bit(target_beat_valid)) {
    add(&TrafficCounts::offchip_bytes, false, shape_.target_beat_bytes);
    add(&TrafficCounts::macs, false, shape_.target_beat_bytes * target_lanes_active_);
  }
  if (read_bit(target_start)) {
    target_lanes_active_ = read_uint(target_positions);
    ++passes_;
    add(&TrafficCounts::sram_read_bytes, false, target_lanes_active_ * shape_.target_context);
    add(&TrafficCounts::sram_write_bytes, false,
        target_lanes_active_ * shape_.vocabulary * kScoreEntryBytes);
  }
  // The sampler: the score reads whose data it used, then the picked token's append.
  if (read_bit(sample_done)) {
    const bool draft = read_bit(drafting);
    const std::uint64_t picked = read_uint(sampled_token);
    const bool residual =
        read_uint(sample_source) == static_cast<std::uint64_t>(SampleSource::residual);
    const std::uint64_t reads = !read_bit(sample_mode) ? 1
                                : residual            ? shape_.vocabulary + picked + 1
                                                      : picked + 1;
    add(&TrafficCounts::sram_read_bytes, draft, reads * kScoreReadBytes);
    add(&TrafficCounts::sram_write_bytes, draft, 1);
    if (draft) draft_after_.at(++draft_steps_) = counts_;
  }
  // The accept unit: one context read and one score read per test.
  if (read_bit(accept_done)) {
    const std::uint64_t drafted = read_uint(accept_length);
    const std::uint64_t accepted = read_uint(accepted_count);
    const std::uint64_t tests = accepted < drafted ? accepted + 1 : drafted;
    add(&TrafficCounts::sram_read_bytes, false, tests * (1 + kScoreReadBytes));
  }
  if (read_bit(iteration_done)) end_iteration();
  write_all(true);
}

// Draft tokens n+1..k were rejected: the rejected work is their draft steps (measured:
// the draft counters since step n), their verify positions n+1..k (C context reads, V
// score entries and one MAC per streamed weight each), and the weight passes whose
// positions all lie past n.
void TrafficCounters::end_iteration() {
  const std::uint64_t drafted = read_uint(iteration_drafted);
  const std::uint64_t accepted = read_uint(iteration_accepted);
  const TrafficCounts& before_rejected = draft_after_.at(accepted);
  for (const auto& [name, quantity] : kTrafficQuantities) {
    (counts_.*quantity).rejected += (counts_.*quantity).draft - (before_rejected.*quantity).draft;
  }
  const std::uint64_t rejected_positions = drafted - accepted;
  const std::uint64_t needed_passes = accepted / shape_.lanes + 1;
  counts_.offchip_bytes.rejected += (passes_ - needed_passes) * shape_.target_weight_bytes;
  counts_.sram_read_bytes.rejected += rejected_positions * shape_.target_context;
  counts_.sram_write_bytes.rejected += rejected_positions * shape_.vocabulary * kScoreEntryBytes;
  counts_.macs.rejected += rejected_positions * shape_.target_weight_bytes;
  passes_ = draft_steps_ = 0;
  draft_after_[0] = counts_;
}

}  // namespace tetra::accel
