#pragma once
// The storage behind the memory blocks: words that start all-X, addressed by a port
// whose value must be known and in range, plus back-door access for testbenches.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/value_traits.hpp"
#include "sim/lib/known_input.hpp"

namespace tetra {

/// `depth` words of T, all-X until written.
template <SignalValue T>
class MemoryArray {
public:
  /// A memory of `depth` (>= 1) words; `owner` names it in errors.
  MemoryArray(const Object& owner, std::size_t depth) : owner_(&owner), words_(depth, ValueTraits<T>::all_x()) {
    if (depth == 0) throw std::invalid_argument(fmt::format("memory {}: the depth must be at least 1", owner.path()));
  }

  /// Number of words.
  [[nodiscard]] std::size_t depth() const { return words_.size(); }
  /// The word at the address `address` reads; throws UnknownValueError if the address
  /// has X/Z bits and std::out_of_range if it is past the last word.
  template <std::size_t A>
  [[nodiscard]] T& at(const In<Vec<A>>& address) {
    const std::uint64_t index = known_uint(address);
    if (index >= depth()) {
      throw std::out_of_range(fmt::format("{} is {}, past the last word {} of memory {}", address.path(), index,
                                          depth() - 1, owner_->path()));
    }
    return words_[index];
  }
  /// Back door: the word at `index` (throws std::out_of_range past the end).
  [[nodiscard]] const T& peek(std::size_t index) const { return words_.at(index); }
  /// Back door: sets the word at `index` without a clock (throws std::out_of_range past the end).
  void load(std::size_t index, const T& value) { words_.at(index) = value; }

private:
  const Object* owner_;
  std::vector<T> words_;
};

/// Throws std::invalid_argument unless `depth` words are addressable with A bits.
template <std::size_t A>
void require_addressable(const Object& owner, std::size_t depth) {
  if (A < 64 && depth > (std::uint64_t{1} << A)) {
    throw std::invalid_argument(
        fmt::format("memory {}: {} words are not addressable with {} address bits", owner.path(), depth, A));
  }
}

}  // namespace tetra
