#pragma once
// A mutual-exclusion lock for thread processes (usable with std::lock_guard).

#include "sim/kernel/semaphore.hpp"

namespace tetra {

/// A lock held by at most one thread; lock() blocks until it is free.
class Lock {
public:
  /// An unlocked lock of `scheduler`.
  explicit Lock(Scheduler& scheduler) : permit_(scheduler, 1) {}
  /// Takes the lock, waiting while another thread holds it.
  void lock() { permit_.acquire(); }
  /// Takes the lock if it is free; never blocks.
  [[nodiscard]] bool try_lock() { return permit_.try_acquire(); }
  /// Releases the lock.
  void unlock() { permit_.release(); }
  /// True while some thread holds the lock.
  [[nodiscard]] bool locked() const { return permit_.available() == 0; }

private:
  Semaphore permit_;
};

}  // namespace tetra
