#pragma once
// Events: what processes are sensitive to and what threads wait on. A signal owns a
// "changed" event (and posedge/negedge events when it is one bit wide); testbenches
// create their own for synchronisation.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/kernel/time.hpp"

namespace tetra {

class Scheduler;
class SignalBase;
struct SignalCore;

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

struct MethodEntry;
/// Runs the method entries [first, last), whose bodies have one type, recording each as
/// the running process and as the driver of its writes (detail::running_driver).
using MethodRunner = void (*)(const MethodEntry* first, const MethodEntry* last, ProcessId& process);

/// A method process as an event runs it, so that firing an edge walks one flat array
/// instead of looking up each process.
struct MethodEntry {
  void (*entry)(void*);  // called with `object`
  MethodRunner runner;   // for a run of entries with the same body type
  void* object;
  ProcessId id;
  // How the event runs the method. 0: something else may run it in the same delta
  // (another of its events, or this event firing twice), so it checks that it has not
  // run yet. 1: it runs alone, through `entry`. n > 1: it heads a run of n entries with
  // the same body type (instances of one module), which `runner` takes in one call,
  // inlining the body; a loop around the call would only cost a method that runs alone.
  // A signal's events fire at most once per delta, and never in the start-up delta, so
  // a method sensitive to one of them alone needs no check. Set by the scheduler before
  // the event fires after a change of its methods.
  std::uint32_t run_length;
};

/// Commits signals of one type in a tight loop (the update phase); every signal type
/// provides one, and a single signal is the range [signal, signal + 1).
using CommitRange = void (*)(SignalCore* const* first, SignalCore* const* last);

/// Signals of one type written by the clocked processes of an event. They are
/// committed together whenever the event fired in the delta, instead of queuing each
/// write: a clock edge commits every register of the design in a few typed loops.
struct CommitBatch {
  CommitRange commit;
  std::vector<SignalCore*> signals;
};

/// What an event reports, which decides whether its method processes run at start-up.
enum class EventKind : std::uint8_t { plain, value_change, edge };

/// Something that happens at a point in simulated time. Method processes are
/// statically sensitive to events; threads wait on them dynamically.
class Event {
public:
  /// A plain event of `scheduler`.
  explicit Event(Scheduler& scheduler, EventKind kind = EventKind::plain) : kind_(kind), scheduler_(&scheduler) {}
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
  /// True when a process is sensitive to it or waits on it (else triggering does nothing).
  [[nodiscard]] bool listened() const { return listened_; }

private:
  friend class Scheduler;
  friend class SignalBase;
  // Waiting and sensitivity do not change what the event is, so a const Event& suffices
  // to wait on a signal's events without being able to notify them. What a signal's
  // commit reads (is the event queued, does anybody listen) comes first.
  mutable bool queued_now_ = false;     // in the current evaluation queue
  mutable bool queued_next_ = false;    // in the next delta's queue
  mutable bool queued_commit_ = false;  // its commit batches are due in this delta's update
  mutable bool listened_ = false;       // static_methods_ or waiters_ is not empty (kept by Scheduler)
  mutable bool runs_known_ = true;      // the run_length of static_methods_ is up to date
  EventKind kind_;
  mutable std::vector<MethodEntry> static_methods_;
  mutable std::vector<Wakeup> waiters_;
  Scheduler* scheduler_;
  // Only clock events have batches: every signal's "changed" event stays small.
  mutable std::unique_ptr<std::vector<CommitBatch>> commit_batches_;
  // A signal's copy of listened_, in its dense state, so that its commits need not
  // touch the event (see signal_state.hpp).
  mutable bool* listened_mirror_ = nullptr;
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
