#include "sim/kernel/state_arena.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace tetra;

namespace {
std::uintptr_t address(const void* at) { return reinterpret_cast<std::uintptr_t>(at); }
}  // namespace

TEST(StateArena, ConsecutiveStatesAreAdjacent) {
  StateArena arena;
  // The property the kernel relies on: signals built one after the other keep their
  // hot state side by side (40 bytes is a Vec<16> signal's).
  std::byte* first = static_cast<std::byte*>(arena.allocate(40, 8));
  for (int i = 1; i < 100; ++i) EXPECT_EQ(arena.allocate(40, 8), first + 40 * i) << "state " << i;
}

TEST(StateArena, HonoursEveryAlignment) {
  StateArena arena;
  for (std::size_t alignment = 1; alignment <= 64; alignment *= 2) {
    arena.allocate(1, 1);  // leave the next free byte misaligned
    void* at = arena.allocate(3, alignment);
    EXPECT_EQ(address(at) % alignment, 0u) << "alignment " << alignment;
  }
  void* big = arena.allocate(1 << 20, 64);
  EXPECT_EQ(address(big) % 64, 0u);
}

TEST(StateArena, AllocationsDoNotOverlapAcrossBlocksAndBigStates) {
  StateArena arena;
  struct Allocation {
    unsigned char* at;
    std::size_t size;
  };
  std::vector<Allocation> allocations;
  // Enough small states to fill several blocks, with memories of a block or more among them.
  for (std::size_t i = 0; i < 5'000; ++i) {
    const std::size_t size = i % 997 == 0 ? 100'000 + i : 8 + i % 57;
    auto* at = static_cast<unsigned char*>(arena.allocate(size, 8));
    std::memset(at, static_cast<int>(i % 251), size);
    allocations.push_back({at, size});
  }
  for (std::size_t i = 0; i < allocations.size(); ++i) {
    const Allocation& allocation = allocations[i];
    const auto expected = static_cast<unsigned char>(i % 251);
    ASSERT_EQ(allocation.at[0], expected) << "allocation " << i << " was overwritten";
    ASSERT_EQ(allocation.at[allocation.size - 1], expected) << "allocation " << i << " was overwritten";
  }
}

TEST(StateArena, ABigStateLeavesTheSmallOnesAroundItAdjacent) {
  StateArena arena;
  auto* before = static_cast<std::byte*>(arena.allocate(40, 8));
  arena.allocate(1 << 20, 8);  // a memory: a block of its own
  EXPECT_EQ(arena.allocate(40, 8), before + 40);
}
