#pragma once
// The memory a simulation keeps its signals' hot state in (see signal_state.hpp).

#include <cstddef>
#include <memory>
#include <vector>

namespace tetra {

/// Hands out memory in construction order from large blocks and frees it all with the
/// simulation. Consecutive signals get adjacent state, so that a clock edge's writes
/// and commits walk a few dense kilobytes instead of one cache line per signal object.
/// A signal destroyed before its simulation leaves its slot unused until then.
class StateArena {
public:
  /// `size` bytes aligned to `alignment` (a power of two), valid until the arena dies.
  void* allocate(std::size_t size, std::size_t alignment);

private:
  static constexpr std::size_t kBlockBytes = 64 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
};

}  // namespace tetra
