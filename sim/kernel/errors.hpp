#pragma once
// Exceptions of the simulation kernel. Errors found while a simulation runs carry the
// simulated time and the hierarchical path of the object or process involved.

#include <exception>
#include <stdexcept>
#include <string>

#include "sim/kernel/time.hpp"

namespace tetra {

/// A design that cannot be simulated: unbound or doubly bound port, second driver, ...
class ElaborationError : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

/// An error raised while the simulation runs, tagged with when and where it happened.
class SimulationError : public std::runtime_error {
public:
  /// `message` is the bare reason; what() prepends the time and the path.
  SimulationError(Duration time, std::string path, const std::string& message);
  /// Simulated time at which the error happened.
  [[nodiscard]] Duration time() const { return time_; }
  /// Hierarchical path of the process or object involved ("" when none).
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The reason without the time and path prefix.
  [[nodiscard]] const std::string& reason() const { return reason_; }

private:
  Duration time_;
  std::string path_;
  std::string reason_;
};

/// A time slot exceeded the delta-cycle limit: a combinational loop.
class DeltaCycleLimitError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// A delay or a run reaches past the last tick the simulation can count (2^64 - 1).
class TimeOverflowError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// A second process wrote a signal that another process already drives.
class DriverConflictError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// A signal was written in the read-only region (from a monitor).
class ReadOnlyWriteError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// with_timeout() ran out of time before its body finished.
class TimeoutError : public SimulationError {
public:
  using SimulationError::SimulationError;
};

/// A thread-only operation (wait, spawn, ...) was called outside a thread process.
class NotInThreadError : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

}  // namespace tetra

namespace tetra {

/// An exception escaped a process: what() names the time, the process and the cause.
class ProcessError : public SimulationError {
public:
  /// Wraps `original`, thrown by the process at `path`.
  ProcessError(Duration time, std::string path, const std::string& message, std::exception_ptr original)
      : SimulationError(time, std::move(path), message), original_(std::move(original)) {}
  /// The exception the process threw.
  [[nodiscard]] std::exception_ptr original() const { return original_; }

private:
  std::exception_ptr original_;
};

}  // namespace tetra
