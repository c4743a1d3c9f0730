#pragma once
// A signal's hot state: everything its writes and its commits touch, kept in the
// simulation's StateArena rather than in the signal object (a hierarchy node of about
// 200 bytes), so that the registers of a design sit side by side in a few dense
// kilobytes. Ports keep a pointer to it, so that reading or writing through a port does
// not touch the signal object either.

#include <cstdint>

#include "sim/kernel/event.hpp"
#include "sim/kernel/time.hpp"

namespace tetra {

class Scheduler;
class SignalBase;

/// The value-independent part of a signal's state.
struct SignalCore {
  static constexpr ProcessId kNotClocked = 0xFFFF'FFFDu;  // not a process, nor a region
  static constexpr std::uint8_t kQueued = 1;   // in the scheduler's pending list
  static constexpr std::uint8_t kBatched = 2;  // committed with its writer's clock events

  Scheduler* scheduler;
  SignalBase* signal;  // the owner, for the slow paths and observers
  ProcessId writer = kNoProcess;
  // writer once the signal is committed with its writer's clock events, before that a
  // value no driver has: a clocked register's write then checks both its driver and
  // that it needs no queuing with one comparison.
  ProcessId clocked_writer = kNotClocked;
  // The tick of the last change of value (0 before any), for diagnostics: where an X
  // came from (unknown_origin.hpp). One store per change, none per unchanged commit.
  Ticks changed_at = 0;
  std::uint8_t update_state = 0;
  bool noted_changed = false;     // already reported to the step observers in this slot
  bool changed_listened = false;  // the "changed" event's listened(), mirrored by the scheduler
};

/// The state of a signal of value type T: the current, next and previous values.
template <class T>
struct SignalState : SignalCore {
  SignalState(Scheduler& owner_scheduler, const T& initial)
      : SignalCore{&owner_scheduler, nullptr}, current(initial), next(initial), previous(initial) {}
  T current;
  T next;
  T previous;  // only written by a commit that changes the value
};

}  // namespace tetra
