#pragma once
// A counting semaphore for thread processes.

#include <cstddef>

#include "sim/kernel/event.hpp"
#include "sim/kernel/thread.hpp"

namespace tetra {

/// Counts permits; acquire() blocks the calling thread until one is free. A release
/// wakes the waiters in the order they started waiting, and the first to run takes it.
class Semaphore {
public:
  /// A semaphore of `scheduler` holding `permits` permits.
  Semaphore(Scheduler& scheduler, std::size_t permits) : permits_(permits), released_(scheduler) {}

  /// Takes a permit, waiting for one if none is free.
  void acquire() {
    while (permits_ == 0) wait(released_);
    --permits_;
  }
  /// Takes a permit if one is free; never blocks.
  [[nodiscard]] bool try_acquire() {
    if (permits_ == 0) return false;
    --permits_;
    return true;
  }
  /// Returns a permit and wakes the waiters.
  void release() {
    ++permits_;
    released_.notify();
  }
  /// Free permits.
  [[nodiscard]] std::size_t available() const { return permits_; }

private:
  std::size_t permits_;
  Event released_;
};

}  // namespace tetra
