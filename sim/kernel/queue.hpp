#pragma once
// A bounded FIFO between thread processes, with blocking put and get.

#include <cstddef>
#include <deque>
#include <optional>
#include <stdexcept>
#include <utility>

#include "sim/kernel/event.hpp"
#include "sim/kernel/thread.hpp"

namespace tetra {

/// A first-in first-out queue of at most `capacity` items: put() waits while it is
/// full, get() waits while it is empty.
template <class T>
class Queue {
public:
  /// An empty queue of `scheduler` holding up to `capacity` (>= 1) items.
  Queue(Scheduler& scheduler, std::size_t capacity) : capacity_(capacity), not_full_(scheduler), not_empty_(scheduler) {
    if (capacity == 0) throw std::invalid_argument("a Queue needs a capacity of at least 1");
  }

  /// Appends `item`, waiting while the queue is full.
  void put(T item) {
    while (full()) wait(not_full_);
    items_.push_back(std::move(item));
    not_empty_.notify();
  }
  /// Appends `item` if there is room; never blocks.
  [[nodiscard]] bool try_put(T item) {
    if (full()) return false;
    items_.push_back(std::move(item));
    not_empty_.notify();
    return true;
  }
  /// Removes the oldest item, waiting while the queue is empty.
  T get() {
    while (empty()) wait(not_empty_);
    return take();
  }
  /// Removes the oldest item if there is one; never blocks.
  [[nodiscard]] std::optional<T> try_get() {
    if (empty()) return std::nullopt;
    return take();
  }

  /// Items held.
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  /// Most items it can hold.
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  /// True when it holds nothing.
  [[nodiscard]] bool empty() const { return items_.empty(); }
  /// True when it holds capacity() items.
  [[nodiscard]] bool full() const { return items_.size() == capacity_; }

private:
  T take() {
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify();
    return item;
  }

  std::size_t capacity_;
  std::deque<T> items_;
  Event not_full_;
  Event not_empty_;
};

}  // namespace tetra
