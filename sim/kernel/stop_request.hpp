#pragma once
// Stopping a running simulation from outside it: Ctrl-C (SIGINT), kill (SIGTERM), or a
// request from another OS thread. A request takes effect at the next time-slot boundary,
// where the design's state is consistent: the run throws SimulationStopped after the end
// hooks have run, so that traces are complete up to that time.

#include "sim/kernel/errors.hpp"

namespace tetra {

/// A run ended by a stop request; what() reads "at 1234 ns: stopped by SIGINT".
class SimulationStopped : public SimulationError {
public:
  /// Stopped at `time` by `signal_number` (0 when requested without a signal).
  SimulationStopped(Duration time, int signal_number);
  /// The signal that asked to stop, or 0.
  [[nodiscard]] int signal_number() const { return signal_number_; }
  /// The exit status of a process ended by that signal: 128 + signal (130 for SIGINT,
  /// 143 for SIGTERM), or 1 without a signal.
  [[nodiscard]] int exit_status() const { return signal_number_ != 0 ? 128 + signal_number_ : 1; }

private:
  int signal_number_;
};

/// Asks every simulation of the process to stop at its next time-slot boundary (those
/// that run later too, until clear_stop_request()); `signal_number` is the signal that
/// asked, or 0. Async-signal-safe.
void request_stop(int signal_number = 0) noexcept;
/// The pending request's signal, or -1 when no stop is requested.
[[nodiscard]] int requested_stop() noexcept;
/// Withdraws a pending request, so that simulations run again.
void clear_stop_request() noexcept;
/// Installs handlers for SIGINT and SIGTERM that request a stop while a simulation runs.
/// When none runs, or at a second signal of the same kind, the signal has its default
/// effect (the process ends), so that a command busy elsewhere still stops at Ctrl-C.
void stop_on_signals();

namespace detail {
/// Counts the simulations running in the process (Scheduler::run brackets its loop).
void count_running_simulation(int change) noexcept;
}  // namespace detail

}  // namespace tetra
