#pragma once
// The progress of a sweep on stderr: a bar redrawn in place when stderr is a terminal,
// otherwise a plain line every few seconds that a log file keeps readably.

#include "apps/sweep_runner.hpp"

#include <chrono>
#include <ostream>

namespace tetra::apps {

/// True when `stream` writes to a terminal (std::cout or std::cerr on a tty).
bool is_terminal(const std::ostream& stream);

/// Shows points done, points per second and the time left.
class SweepProgressDisplay {
public:
  SweepProgressDisplay(std::ostream& stream, bool terminal);
  ~SweepProgressDisplay();
  SweepProgressDisplay(const SweepProgressDisplay&) = delete;
  SweepProgressDisplay& operator=(const SweepProgressDisplay&) = delete;

  /// Shows `progress` if the last update is long enough ago (or it is the last one).
  void update(const SweepProgress& progress);

private:
  using Clock = std::chrono::steady_clock;
  std::ostream& stream_;
  bool terminal_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_shown_ = started_;
  bool bar_shown_ = false;
};

}  // namespace tetra::apps
