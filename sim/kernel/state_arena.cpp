#include "sim/kernel/state_arena.hpp"

#include <cstdint>

namespace tetra {

namespace {
std::byte* align_up(std::byte* at, std::size_t alignment) {
  const auto address = reinterpret_cast<std::uintptr_t>(at);
  return at + ((alignment - address % alignment) % alignment);
}
}  // namespace

void* StateArena::allocate(std::size_t size, std::size_t alignment) {
  std::byte* at = next_ != nullptr ? align_up(next_, alignment) : nullptr;
  if (at == nullptr || at + size > end_) {
    // Big states (memories) get a block of their own, so that the small ones after
    // them stay in the current block.
    const bool own_block = size + alignment > kBlockBytes / 4;
    const std::size_t bytes = own_block ? size + alignment : kBlockBytes;
    std::byte* block = blocks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(bytes)).get();
    at = align_up(block, alignment);
    if (own_block) return at;
    end_ = block + bytes;
  }
  next_ = at + size;
  return at;
}

}  // namespace tetra
