#include "tests/trace/heap_watch.hpp"

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <new>

namespace {

std::size_t live_bytes = 0;
std::size_t peak_bytes = 0;
std::size_t budget_bytes = std::numeric_limits<std::size_t>::max();

}  // namespace

void* operator new(std::size_t size) {
  if (size > budget_bytes - live_bytes) throw std::bad_alloc();
  void* block = std::malloc(size == 0 ? 1 : size);
  if (block == nullptr) throw std::bad_alloc();
  live_bytes += malloc_usable_size(block);
  peak_bytes = std::max(peak_bytes, live_bytes);
  return block;
}

void operator delete(void* block) noexcept {
  if (block == nullptr) return;
  live_bytes -= malloc_usable_size(block);
  std::free(block);
}

void operator delete(void* block, std::size_t) noexcept { operator delete(block); }

namespace tetra::testing {

HeapWatch::HeapWatch(std::size_t limit) : baseline_(live_bytes) {
  peak_bytes = live_bytes;
  if (limit < budget_bytes - baseline_) budget_bytes = baseline_ + limit;
}

HeapWatch::~HeapWatch() { budget_bytes = std::numeric_limits<std::size_t>::max(); }

std::size_t HeapWatch::peak() const { return peak_bytes - baseline_; }

}  // namespace tetra::testing
