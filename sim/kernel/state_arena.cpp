#include "sim/kernel/state_arena.hpp"

#include <cstdint>

namespace tetra {

namespace {
std::size_t padding_to_align(const std::byte* at, std::size_t alignment) {
  return (alignment - reinterpret_cast<std::uintptr_t>(at) % alignment) % alignment;
}
}  // namespace

void* StateArena::allocate(std::size_t size, std::size_t alignment) {
  // The room left is compared as a count, so that no pointer is formed past the block.
  if (next_ != nullptr) {
    const std::size_t padding = padding_to_align(next_, alignment);
    if (padding + size <= static_cast<std::size_t>(end_ - next_)) {
      std::byte* const at = next_ + padding;
      next_ = at + size;
      return at;
    }
  }
  // Big states (memories) get a block of their own, so that the small ones after them
  // stay in the current block.
  const bool own_block = size + alignment > kBlockBytes / 4;
  const std::size_t bytes = own_block ? size + alignment : kBlockBytes;
  std::byte* const block = blocks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(bytes)).get();
  std::byte* const at = block + padding_to_align(block, alignment);
  if (!own_block) {
    next_ = at + size;
    end_ = block + bytes;
  }
  return at;
}

}  // namespace tetra
