#pragma once
// Where an unknown value came from. When a process rejects X or Z (a strict conversion,
// known_bit()), the message also names the signal and the time at which that X entered
// the cone it came through, as far as the kernel can follow it (docs/kernel.md, "Where an
// X came from"):
//   - a process's inputs are the signals of its module (its own signals and the signals
//     its ports are bound to), except those the process itself drives;
//   - among those holding X or Z, the one that changed last (at or before the time the
//     signal being followed changed) is the way the X came;
//   - from a signal to the method process that drives it, and on to that process's
//     inputs, until a signal that no process drives, one a thread drives, a wire, or one
//     whose driving method has no unknown input (it made the X itself).

#include <string>

#include "sim/kernel/event.hpp"

namespace tetra {

class Scheduler;

/// The text a rejected unknown value's message gets after its reason, beginning with
/// "; ": where the X that process `process` of `scheduler` rejected came from, or why it
/// cannot be said.
[[nodiscard]] std::string unknown_origin(const Scheduler& scheduler, ProcessId process);

}  // namespace tetra
