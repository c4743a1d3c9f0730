#include "sim/kernel/thread.hpp"

#include <vector>

namespace tetra {

Scheduler& detail::running_scheduler(const char* operation) {
  Scheduler* scheduler = Scheduler::current();
  if (scheduler == nullptr) {
    throw NotInThreadError(fmt::format("{}() can only be called while a simulation runs", operation));
  }
  return *scheduler;
}

// Scheduler::wait_any checks that the caller is a thread, so the waits below need not.

void ThreadHandle::join() const {
  Scheduler& scheduler = detail::running_scheduler("join");
  scheduler.require_thread("join");
  if (scheduler.is_done(id_)) return;
  const Event* done = &scheduler.done_event(id_);
  scheduler.wait_any({&done, 1}, std::nullopt);
}

Duration now() { return detail::running_scheduler("now").now(); }

void wait(Duration delay) { detail::running_scheduler("wait").wait_any({}, delay); }

void wait(const Event& event) { detail::running_scheduler("wait").wait_one(event); }

bool wait(const Event& event, Duration timeout) {
  const Event* events[] = {&event};
  return detail::running_scheduler("wait").wait_any(events, timeout).has_value();
}

std::size_t wait_any(std::initializer_list<const Event*> events) {
  return *detail::running_scheduler("wait_any").wait_any({events.begin(), events.size()}, std::nullopt);
}

void wait_all(std::initializer_list<const Event*> events) {
  Scheduler& scheduler = detail::running_scheduler("wait_all");
  std::vector<const Event*> remaining(events);
  while (!remaining.empty()) {
    const std::size_t fired = *scheduler.wait_any(remaining, std::nullopt);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(fired));
  }
}

void wait_count(const Event& event, std::size_t count) {
  Scheduler& scheduler = detail::running_scheduler("wait_count");
  for (std::size_t i = 0; i < count; ++i) scheduler.wait_one(event);
}

void wait_read_only() {
  Scheduler& scheduler = detail::running_scheduler("wait_read_only");
  scheduler.wait_one(scheduler.read_only_event());
}

void finish() { detail::running_scheduler("finish").finish(); }

}  // namespace tetra
