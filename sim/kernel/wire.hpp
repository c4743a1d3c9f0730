#pragma once
// Wire<T>: a resolved signal for tri-state buses. Every driver contributes a value;
// Z bits yield to driven ones, equal driven bits agree, and conflicting bits give X.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/running_driver.hpp"
#include "sim/kernel/signal.hpp"

namespace tetra {

template <SignalValue T>
class Wire;

/// One driver of a Wire: what it writes is resolved with the other drivers.
template <SignalValue T>
class WireDriver {
public:
  /// Drives `value` from the next update phase on (Z bits let other drivers through).
  void write(const T& value) { wire_->drive(index_, value); }
  /// Stops driving: contributes all-Z.
  void release() { wire_->drive(index_, ValueTraits<T>::all_z()); }

private:
  friend class Wire<T>;
  WireDriver(Wire<T>& wire, std::size_t index) : wire_(&wire), index_(index) {}
  Wire<T>* wire_;
  std::size_t index_;
};

/// A signal with any number of drivers, resolved bit by bit like a Verilog wire.
/// With no driver (or only released ones) it reads all-Z.
template <SignalValue T>
class Wire : public BasicSignal<T> {
public:
  /// A wire named `name` in `parent`; it reads all-Z until driven.
  Wire(Scope& parent, std::string_view name)
      : BasicSignal<T>(parent, name, ObjectKind::wire, ValueTraits<T>::all_z(), &Wire::commit_wires) {}

  /// A new driver, initially releasing the wire (all-Z).
  WireDriver<T> add_driver() {
    contributions_.push_back(ValueTraits<T>::all_z());
    return WireDriver<T>(*this, contributions_.size() - 1);
  }
  /// Number of drivers.
  [[nodiscard]] std::size_t driver_count() const { return contributions_.size(); }
  [[nodiscard]] bool has_pending_change() const override { return !this->same_value(resolve(), this->read()); }

private:
  friend class WireDriver<T>;
  using Traits = ValueTraits<T>;

  void drive(std::size_t index, const T& value) {
    SignalCore& core = this->state();
    if (detail::running_driver == kReadOnlyRegion) [[unlikely]] this->check_writer();
    contributions_[index] = value;
    SignalBase::mark_pending(core);
  }

  static void commit_wires(SignalCore* const* first, SignalCore* const* last) {
    for (; first != last; ++first) {
      auto& state = static_cast<SignalState<T>&>(**first);
      state.next = static_cast<const Wire&>(*state.signal).resolve();
      BasicSignal<T>::apply_next(state, state.scheduler->now_ticks(), state.scheduler->observing());
    }
  }

  T resolve() const {
    T result = Traits::all_z();
    for (const T& contribution : contributions_) {
      for (std::size_t i = 0; i < Traits::words; ++i) {
        const std::uint64_t a1 = Traits::aval(result, i), b1 = Traits::bval(result, i);
        const std::uint64_t a2 = Traits::aval(contribution, i), b2 = Traits::bval(contribution, i);
        const std::uint64_t z1 = ~a1 & b1, z2 = ~a2 & b2;
        const std::uint64_t both_driven = ~z1 & ~z2;
        const std::uint64_t differ = (a1 ^ a2) | (b1 ^ b2);
        // Z yields to the other side; two driven bits keep their value if equal, else X.
        const std::uint64_t a = (z1 & a2) | (~z1 & z2 & a1) | (both_driven & (a1 | differ));
        const std::uint64_t b = (z1 & b2) | (~z1 & z2 & b1) | (both_driven & (b1 | differ));
        Traits::set_words(result, i, a, b);
      }
    }
    return result;
  }

  std::vector<T> contributions_;
};

}  // namespace tetra
