#include "sim/kernel/signal.hpp"

#include <vector>

#include <fmt/format.h>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/simulation.hpp"

namespace tetra {

SignalBase::SignalBase(Scope& parent, std::string_view name, ObjectKind kind, CommitRange commit_values, const Event& changed,
                       SignalCore& core)
    : Object(parent, name, kind), core_(&core), commit_(commit_values), changed_(&changed) {
  core.signal = this;
  core.scheduler->count_signal();
}

std::string SignalBase::value_bits() const {
  const std::size_t bits = width();
  const std::size_t words = (bits + 63) / 64;
  std::vector<std::uint64_t> aval(words), bval(words);
  read_planes(aval, bval);
  std::string text;
  text.reserve(bits);
  for (std::size_t i = bits; i-- > 0;) {
    const auto a = (aval[i / 64] >> (i % 64)) & 1u;
    const auto b = (bval[i / 64] >> (i % 64)) & 1u;
    text.push_back("01zx"[a | (b << 1)]);
  }
  return text;
}

void SignalBase::claim_driver(const Object& driver) {
  if (driver_object_ != nullptr && driver_object_ != &driver) {
    throw ElaborationError(fmt::format("signal {} has two drivers: {} and {}", path(), driver_object_->path(),
                                       driver.path()));
  }
  driver_object_ = &driver;
}

void SignalBase::claim_driver_process(ProcessId id) {
  if (core_->writer != kNoProcess && core_->writer != id) {
    throw ElaborationError(fmt::format("signal {} has two driving processes: {} and {}", path(),
                                       core_->scheduler->process_path(core_->writer), core_->scheduler->process_path(id)));
  }
  core_->writer = id;
}

void SignalBase::check_writer() {
  SignalCore& core = *core_;
  Scheduler& scheduler = *core.scheduler;
  if ((core.update_state & SignalCore::kQueued) == 0) queue_for_update(core);
  const ProcessId writer = scheduler.current_driver();
  if (writer == kReadOnlyRegion) {
    throw ReadOnlyWriteError(scheduler.now(), path(),
                             fmt::format("written by {} in the read-only region",
                                         scheduler.process_path(scheduler.current_process())));
  }
  if (writer == kNoProcess) return;  // set-up code outside processes may initialise anything
  if (core.writer == kNoProcess) {
    core.writer = writer;
    if (kind() == ObjectKind::signal) scheduler.batch_with_clock_events(*this);
    return;
  }
  throw DriverConflictError(scheduler.now(), path(),
                            fmt::format("written by {} but already driven by {} (a signal has one driver; "
                                        "use Wire<T> for several)",
                                        scheduler.process_path(writer), scheduler.process_path(core.writer)));
}

}  // namespace tetra
