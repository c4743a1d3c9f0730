#pragma once
// Arrays of instances: N modules (or signals) of one type built from their index, as
// SystemVerilog's arrays of instances and generate loops build them. The instances sit
// side by side in one allocation, in index order, so that a clock edge running the same
// process of each walks its modules as one stream, which the processor prefetches.
// Modules allocated one by one lie wherever the allocator put them between other
// allocations: the kernel ring benchmark runs 4% to 6% faster with its stages here than
// in a std::deque.

#include <concepts>
#include <cstddef>
#include <limits>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "sim/kernel/object.hpp"

namespace tetra {

/// `count` hierarchy objects of type T in one scope, named "<name>_<index>", built in
/// index order and destroyed in reverse order. T need not be movable: the factory
/// returns each instance by value, and it is built in place.
template <class T>
  requires std::derived_from<T, Object>
class InstanceArray {
public:
  /// Builds instance i as `make(parent, "<name>_<i>", i)`, which returns a T, e.g.
  /// `[](Scope& p, std::string_view n, std::size_t i) { return Stage(p, n, i); }`.
  /// If a construction throws, the instances already built are destroyed.
  template <class Factory>
    requires std::same_as<std::invoke_result_t<Factory&, Scope&, std::string_view, std::size_t>, T>
  InstanceArray(Scope& parent, std::string_view name, std::size_t count, Factory&& make)
      : storage_(allocate(count)) {
    try {
      for (; size_ < count; ++size_) {
        ::new (static_cast<void*>(storage_.get() + size_)) T(make(parent, fmt::format("{}_{}", name, size_), size_));
      }
    } catch (...) {
      destroy_instances();
      throw;
    }
  }
  /// Builds instance i as `T(parent, "<name>_<i>", args...)`: an array of signals or
  /// modules needs no factory when every element is made alike, e.g.
  /// `InstanceArray<Signal<Vec<8>>> lanes(*this, "lane", 4, Vec<8>::zeros());`.
  template <class... Args>
    requires std::constructible_from<T, Scope&, std::string_view, const Args&...>
  InstanceArray(Scope& parent, std::string_view name, std::size_t count, const Args&... args)
      : InstanceArray(parent, name, count, [&args...](Scope& scope, std::string_view element, std::size_t /*index*/) {
          return T(scope, element, args...);
        }) {}
  InstanceArray(const InstanceArray&) = delete;
  InstanceArray& operator=(const InstanceArray&) = delete;
  ~InstanceArray() { destroy_instances(); }

  [[nodiscard]] T& operator[](std::size_t index) { return storage_[index]; }
  [[nodiscard]] const T& operator[](std::size_t index) const { return storage_[index]; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] T* begin() { return storage_.get(); }
  [[nodiscard]] T* end() { return storage_.get() + size_; }
  [[nodiscard]] const T* begin() const { return storage_.get(); }
  [[nodiscard]] const T* end() const { return storage_.get() + size_; }

private:
  static T* allocate(std::size_t count) {
    if (count > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(::operator new(count * sizeof(T), std::align_val_t{alignof(T)}));
  }
  struct Release {
    void operator()(T* memory) const { ::operator delete(memory, std::align_val_t{alignof(T)}); }
  };

  void destroy_instances() noexcept {
    while (size_ > 0) storage_[--size_].~T();
  }

  std::unique_ptr<T[], Release> storage_;
  std::size_t size_ = 0;
};

}  // namespace tetra
