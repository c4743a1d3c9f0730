#pragma once
// Events: what processes are sensitive to and what threads wait on. A signal owns a
// "changed" event (and posedge/negedge events when it is one bit wide); testbenches
// create their own for synchronisation.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/kernel/time.hpp"

namespace tetra {

class Scheduler;

/// Index of a process in its scheduler's process table.
using ProcessId = std::uint32_t;
/// "No process": code running outside any process (set-up code, between runs).
inline constexpr ProcessId kNoProcess = 0xFFFF'FFFFu;

/// A pending resumption of a thread; stale once the thread's wait token has moved on,
/// which is how any-of waits and timeouts cancel their other wake-ups for free.
struct Wakeup {
  ProcessId process;
  std::uint64_t token;
};

/// What an event reports, which decides whether its method processes run at start-up.
enum class EventKind : std::uint8_t { plain, value_change, edge };

/// Something that happens at a point in simulated time. Method processes are
/// statically sensitive to events; threads wait on them dynamically.
class Event {
public:
  /// A plain event of `scheduler`.
  explicit Event(Scheduler& scheduler, EventKind kind = EventKind::plain) : scheduler_(&scheduler), kind_(kind) {}
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  /// Immediate notification: wakes waiters later in the current evaluation phase.
  void notify();
  /// Delta notification: wakes waiters in the next delta cycle of this time slot.
  void notify_delta();
  /// Timed notification: wakes waiters `delay` from now.
  void notify_after(Duration delay);

  /// What the event reports (edges do not run their methods at start-up).
  [[nodiscard]] EventKind kind() const { return kind_; }
  /// The scheduler this event belongs to.
  [[nodiscard]] Scheduler& scheduler() const { return *scheduler_; }
  /// True when no process is sensitive to it nor waiting on it (triggering is free then).
  [[nodiscard]] bool idle() const { return static_methods_.empty() && waiters_.empty(); }

private:
  friend class Scheduler;
  Scheduler* scheduler_;
  // Waiting and sensitivity do not change what the event is, so a const Event& suffices
  // to wait on a signal's events without being able to notify them.
  mutable std::vector<ProcessId> static_methods_;
  mutable std::vector<Wakeup> waiters_;
  mutable bool queued_now_ = false;   // in the current evaluation queue
  mutable bool queued_next_ = false;  // in the next delta's queue
  EventKind kind_;
};

/// An event that may only be known at elaboration (the edge of a port's signal), used
/// to declare static sensitivity before ports are bound.
class EventRef {
public:
  /// A known event.
  EventRef(const Event& event) : event_(&event) {}  // NOLINT: implicit by design
  /// An event found at elaboration by calling `resolve(source)`.
  EventRef(const void* source, const Event& (*resolve)(const void*)) : source_(source), resolve_(resolve) {}
  /// The event; valid once the design is elaborated.
  [[nodiscard]] const Event& get() const { return event_ != nullptr ? *event_ : resolve_(source_); }

private:
  const Event* event_ = nullptr;
  const void* source_ = nullptr;
  const Event& (*resolve_)(const void*) = nullptr;
};

}  // namespace tetra
