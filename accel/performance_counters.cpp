#include "accel/performance_counters.hpp"

namespace tetra::accel {

PerformanceCounters::PerformanceCounters(Scope& parent, std::string_view name)
    : ClockedBlock(parent, name, *this) {}

void PerformanceCounters::write_all(bool known) {
  const auto value = [known](std::uint64_t count) {
    return known ? CounterValue(count) : CounterValue::xs();
  };
  cycles.write(value(cycles_));
  draft_cycles.write(value(draft_cycles_));
  verify_cycles.write(value(verify_cycles_));
  stall_cycles.write(value(stall_cycles_));
  iterations.write(value(iterations_));
  drafted.write(value(drafted_));
  accepted.write(value(accepted_));
  emitted.write(value(emitted_));
  rejections.write(value(rejections_));
}

void PerformanceCounters::reset() {
  cycles_ = draft_cycles_ = verify_cycles_ = stall_cycles_ = 0;
  iterations_ = drafted_ = accepted_ = emitted_ = rejections_ = 0;
  write_all(true);
}

void PerformanceCounters::poison() { write_all(false); }

void PerformanceCounters::step() {
  if (read_bit(clear)) {
    reset();
    return;
  }
  if (!read_bit(counting)) return;
  ++cycles_;
  if (read_bit(drafting)) ++draft_cycles_;
  if (read_bit(verifying)) ++verify_cycles_;
  if (read_bit(output_blocked) || read_bit(draft_stalled) || read_bit(target_stalled)) {
    ++stall_cycles_;
  }
  if (read_bit(iteration_done)) {
    ++iterations_;
    const std::uint64_t drafted_now = read_uint(iteration_drafted);
    const std::uint64_t accepted_now = read_uint(iteration_accepted);
    drafted_ += drafted_now;
    accepted_ += accepted_now;
    if (accepted_now < drafted_now) ++rejections_;
    emitted_ += read_uint(iteration_emitted);
  }
  write_all(true);
}

}  // namespace tetra::accel
