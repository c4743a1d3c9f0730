#pragma once
// PointerIndex: a flat open-addressing map from object addresses to small indices. The
// tracer looks up every changed signal of every time slot in it, so it avoids
// std::unordered_map's node chasing and modulo: power-of-two table, linear probing.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tetra {

/// Maps distinct non-null pointers to indices; sized once, at most half full.
class PointerIndex {
 public:
  static constexpr std::uint32_t absent = UINT32_MAX;

  /// Room for `count` entries without growing.
  explicit PointerIndex(std::size_t count = 0) : slots_(std::bit_ceil(2 * count + 2)) {}

  /// Adds `key` with `index`; `key` must not be present yet.
  void insert(const void* key, std::uint32_t index) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    place(key, index);
    ++size_;
  }

  /// The index of `key`, or `absent`.
  [[nodiscard]] std::uint32_t find(const void* key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = home(key) & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.key == key) return slot.index;
      if (slot.key == nullptr) return absent;
    }
  }

 private:
  struct Slot {
    const void* key = nullptr;
    std::uint32_t index = absent;
  };

  // Fibonacci hashing: addresses share their low (alignment) bits, so multiply and
  // take the high bits.
  static std::size_t home(const void* key) {
    const auto address = reinterpret_cast<std::uintptr_t>(key);
    return static_cast<std::size_t>((address * 0x9E3779B97F4A7C15ULL) >> 32);
  }

  void place(const void* key, std::uint32_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = home(key) & mask;
    while (slots_[at].key != nullptr) at = (at + 1) & mask;
    slots_[at] = Slot{key, index};
  }

  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.key != nullptr) place(slot.key, slot.index);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace tetra
