#pragma once
// Counts this program's heap, to hold a piece of work to a memory bound. heap_watch.cpp
// replaces the global operator new and delete, so a binary that links it is counted whole.

#include <cstddef>
#include <limits>

namespace tetra::testing {

/// The heap a piece of work takes at its peak above what was live when it started,
/// optionally refusing allocations (std::bad_alloc) past a limit.
class HeapWatch {
 public:
  explicit HeapWatch(std::size_t limit = std::numeric_limits<std::size_t>::max());
  ~HeapWatch();
  HeapWatch(const HeapWatch&) = delete;
  HeapWatch& operator=(const HeapWatch&) = delete;
  [[nodiscard]] std::size_t peak() const;

 private:
  std::size_t baseline_;
};

}  // namespace tetra::testing
