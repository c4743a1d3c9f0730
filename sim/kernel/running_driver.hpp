#pragma once
// The process on whose behalf the running code writes signals, one per thread. It is a
// thread-local variable rather than a scheduler member so that a method run, which sets
// it before each method, and that method's inlined writes, which check it, meet in a
// place the compiler can see: a clocked write then compares its signal's driver with a
// register instead of loading the scheduler through the signal and its field from there.

#include "sim/kernel/event.hpp"

namespace tetra::detail {

/// The driver of the writes being made: the running process, kReadOnlyRegion in the
/// read-only region, kNoProcess outside processes. Only the scheduler sets it; a run
/// nested in another simulation's process restores the outer value when it returns.
/// Writes check it against their signal's driver without asking which simulation is
/// running; the slow path does (Scheduler::current_driver()).
inline thread_local ProcessId running_driver = kNoProcess;

}  // namespace tetra::detail
