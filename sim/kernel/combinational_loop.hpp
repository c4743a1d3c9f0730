#pragma once
// The loop behind a delta-cycle limit: which signals and method processes feed each other
// (for the message of DeltaCycleLimitError, so that it names the loop itself and not only
// the signals downstream of it that were still changing).

#include <span>
#include <vector>

namespace tetra {

class Scheduler;
class SignalBase;

/// The shortest cycle through one of `changing` (tried in order) along "a method process
/// sensitive to an event of signal A drives signal B": the signals of the cycle, starting
/// and ending with the same one; empty when none of them is on such a cycle (a loop
/// through threads or plain events), or when `scheduler` is not a Simulation.
[[nodiscard]] std::vector<const SignalBase*> find_combinational_loop(const Scheduler& scheduler,
                                                                     std::span<const SignalBase* const> changing);

}  // namespace tetra
