#pragma once
// The contract between VerilatedModule and the code tetra_add_verilated() generates for
// one model: the generated adapter owns the Verilator model and binds each Verilog port
// to its Tetra port with a VerilatedInput or VerilatedOutput. Only generated code
// includes this header (it needs Verilator's include directories).
//
// Storage: Verilator keeps a port of up to 8, 16, 32 or 64 bits in an integer of that
// size (CData, SData, IData, QData) and a wider one in VlWide<W>, W 32-bit words, word 0
// least significant. Tetra values show 64-bit plane words, word 0 least significant; the
// value plane carries the bits, and the unknown plane, for an input, says which bits
// the port's unknown-bit policy must replace.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "sim/cosim/verilated_module.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/kernel/value_traits.hpp"
#include "sim/module/port.hpp"
#include "verilated.h"

class VerilatedVcdC;

namespace tetra::detail {

/// What VerilatedModule asks of a generated adapter.
class VerilatedAdapter {
public:
  virtual ~VerilatedAdapter() = default;
  /// Applies the inputs that changed since the last call, evaluates the model, and
  /// writes the outputs that changed; `everything` applies and writes them all.
  virtual void evaluate(bool everything) = 0;
  /// Verilator's eventsPending(): a --timing model has a delayed process waiting.
  virtual bool events_pending() = 0;
  /// Verilator's nextTimeSlot(), in model time units; only when events_pending().
  virtual std::uint64_t next_time_slot() = 0;
  /// Runs the model's final blocks.
  virtual void final() = 0;
  /// Adds the model to `file` (only for a model Verilated with --trace).
  virtual void trace(VerilatedVcdC& file, int depth) = 0;
  /// Makes `evaluation` sensitive to every input port.
  virtual void make_sensitive(MethodHandle& evaluation) = 0;
};

/// Stores 64-bit words (word 0 least significant) in Verilator's storage of a port.
template <class Storage>
void store_words(Storage& storage, const std::uint64_t* words) {
  if constexpr (std::is_integral_v<Storage>) {
    storage = static_cast<Storage>(words[0]);
  } else {
    constexpr std::size_t count = sizeof(storage.m_storage) / sizeof(storage.m_storage[0]);
    for (std::size_t i = 0; i < count; ++i) storage.m_storage[i] = static_cast<EData>(words[i / 2] >> (32 * (i % 2)));
  }
}

/// Word `i` (64 bits, word 0 least significant) of Verilator's storage of a port.
template <class Storage>
std::uint64_t load_word(const Storage& storage, std::size_t i) {
  if constexpr (std::is_integral_v<Storage>) {
    return static_cast<std::uint64_t>(storage);
  } else {
    constexpr std::size_t count = sizeof(storage.m_storage) / sizeof(storage.m_storage[0]);
    const std::uint64_t low = storage.m_storage[2 * i];
    const std::uint64_t high = 2 * i + 1 < count ? storage.m_storage[2 * i + 1] : 0;
    return low | (high << 32);
  }
}

/// True when Verilator keeps a port of `width` bits in `Storage` (the generator's types
/// and Tetra's widths must agree).
template <class Storage>
constexpr bool holds_width(std::size_t width) {
  if constexpr (std::is_integral_v<Storage>) {
    return width <= 8 * sizeof(Storage) && (sizeof(Storage) == 1 || width > 4 * sizeof(Storage));
  } else {
    return sizeof(Storage) / sizeof(EData) == (width + 31) / 32 && width > 64;
  }
}

/// A Tetra input port feeding a Verilog input.
template <SignalValue T, class Storage>
class VerilatedInput {
  static_assert(holds_width<Storage>(ValueTraits<T>::width), "Verilator's storage does not match the port's width");

public:
  /// Binds `port` of `owner` to the model's `storage`.
  VerilatedInput(VerilatedModule& owner, const In<T>& port, Storage& storage)
      : port_(&port), storage_(&storage), filler_(owner.unknown_bit_filler(port)), held_(&owner.held_inputs_) {}

  /// Copies the port's value into the model if it changed since the last apply (always
  /// when `everything`); unknown bits go through the port's policy, which may hold the
  /// value back.
  void apply(bool everything) {
    const T& value = port_->read();
    if (!everything && value == last_) return;
    last_ = value;
    std::array<std::uint64_t, words> aval;
    std::array<std::uint64_t, words> bval;
    std::uint64_t unknown = 0;
    for (std::size_t i = 0; i < words; ++i) {
      aval[i] = ValueTraits<T>::aval(value, i);
      bval[i] = ValueTraits<T>::bval(value, i);
      unknown |= bval[i];
    }
    if (unknown != 0) [[unlikely]] {
      if (!filler_.fill(aval, bval)) {
        held_->hold(*port_);
        return;
      }
    }
    store_words(*storage_, aval.data());
  }

private:
  static constexpr std::size_t words = ValueTraits<T>::words;
  const In<T>* port_;
  Storage* storage_;
  T last_ = ValueTraits<T>::all_x();
  UnknownBitFiller filler_;
  HeldUnknownInputs* held_;
};

/// A Verilog output driving a Tetra output port.
template <SignalValue T, class Storage>
class VerilatedOutput {
  static_assert(holds_width<Storage>(ValueTraits<T>::width), "Verilator's storage does not match the port's width");

public:
  /// Binds the model's `storage` to `port`.
  VerilatedOutput(Out<T>& port, const Storage& storage) : port_(&port), storage_(&storage) {}

  /// Writes the model's value to the port if it changed since the last publish (always
  /// when `everything`).
  void publish(bool everything) {
    if (!everything && std::memcmp(&last_, storage_, sizeof(Storage)) == 0) return;
    std::memcpy(&last_, storage_, sizeof(Storage));
    T value = ValueTraits<T>::all_x();
    for (std::size_t i = 0; i < ValueTraits<T>::words; ++i) ValueTraits<T>::set_words(value, i, load_word(last_, i), 0);
    port_->write(value);
  }

private:
  Out<T>* port_;
  const Storage* storage_;
  Storage last_{};
};

}  // namespace tetra::detail
