#pragma once
// Names for the values of a signal type (an FSM's states, an opcode enum), so that a
// trace shows "FETCH" next to the bits 01, as GTKWave shows a string variable.
//
// The kernel's SignalBase cannot yet say whether its value type has names, so the
// tracer learns it here: trace_value_names<T>() registers T once per program, and the
// tracer asks each selected signal whether it carries such a T.

#include "sim/kernel/signal.hpp"
#include "sim/values/packed_enum.hpp"

#include <concepts>
#include <optional>
#include <string_view>

namespace tetra {

/// Specialise for a signal value type T whose values have names, with
///   static std::optional<std::string_view> name(const T& value);
/// returning nullopt when the bits name no value (unknown bits, unused codes).
template <class T>
struct ValueNames;

/// Packed enums (TETRA_PACKED_ENUM) are named by their enumerators.
template <PackedEnumType T>
struct ValueNames<T> {
  static std::optional<std::string_view> name(const T& value) {
    const std::string_view name = value.name();
    return name.empty() ? std::nullopt : std::optional<std::string_view>(name);
  }
};

/// A signal value type with a ValueNames specialisation.
template <class T>
concept NamedValue = SignalValue<T> && requires(const T& value) {
  { ValueNames<T>::name(value) } -> std::same_as<std::optional<std::string_view>>;
};

/// Reads the name of a signal's current value (nullopt when it names nothing).
using ValueNamer = std::optional<std::string_view> (*)(const SignalBase& signal);

namespace detail {
/// Remembers that signals for which `carries` holds have values named by `namer`.
void register_value_namer(bool (*carries)(const SignalBase&), ValueNamer namer);
}  // namespace detail

/// The namer of a signal's value type, or nullptr if trace_value_names() never named it.
ValueNamer value_namer_of(const SignalBase& signal);

/// Makes every tracer created afterwards show the names of T's values beside their bits,
/// for any signal carrying a T (Signal<T>, Wire<T>). Registering twice is harmless.
template <NamedValue T>
void trace_value_names() {
  detail::register_value_namer(
      [](const SignalBase& signal) { return dynamic_cast<const BasicSignal<T>*>(&signal) != nullptr; },
      [](const SignalBase& signal) { return ValueNames<T>::name(static_cast<const BasicSignal<T>&>(signal).read()); });
}

}  // namespace tetra
