#pragma once
// Processes: the code the scheduler runs. A method process is a plain callable run to
// completion whenever its static sensitivity fires; a thread process is a stackful
// coroutine that can wait anywhere in its call stack (see thread.hpp).

#include <bit>
#include <memory>
#include <type_traits>
#include <utility>

#include "sim/kernel/event.hpp"

namespace tetra {

class Scheduler;

/// A type-erased nullary callable stored as a function pointer and an object pointer,
/// so that the scheduler calls it without a virtual call or std::function.
class Callable {
public:
  /// Takes ownership of a copy of `body`. A body that fits in a pointer and that a
  /// const call cannot change (a lambda capturing `this` or one reference) is kept in
  /// the object pointer itself, so that calling it reads no other memory; any other
  /// body is allocated once, at elaboration. (A `mutable` data member of such a small
  /// body would not keep its changes between calls; lambdas have none.)
  template <class F>
    requires std::is_invocable_r_v<void, std::decay_t<F>&>
  explicit Callable(F&& body) {
    using Body = std::decay_t<F>;
    if constexpr (std::is_trivially_copyable_v<Body> && sizeof(Body) == sizeof(void*) &&
                  std::is_invocable_v<const Body&>) {
      inline_ = std::bit_cast<void*>(body);
      // Rebuilt in a register: taking the parameter's address would spill it.
      invoke_ = [](void* object) { std::bit_cast<const Body>(object)(); };
      return;
    }
    auto* stored = new Body(std::forward<F>(body));
    invoke_ = [](void* object) { (*static_cast<Body*>(object))(); };
    owner_ = Owner(stored, [](void* object) { delete static_cast<Body*>(object); });
  }
  /// The raw entry point the scheduler calls with object().
  [[nodiscard]] void (*entry() const)(void*) { return invoke_; }
  /// The object entry() is called with (the body's bytes themselves when small).
  [[nodiscard]] void* object() const { return owner_ ? owner_.get() : inline_; }
  /// Runs the callable.
  void operator()() const { invoke_(object()); }

private:
  using Owner = std::unique_ptr<void, void (*)(void*)>;
  void (*invoke_)(void*) = nullptr;
  Owner owner_{nullptr, nullptr};
  void* inline_ = nullptr;
};

/// Declares what a method process is sensitive to; returned by Scope::method().
class MethodHandle {
public:
  MethodHandle(Scheduler& scheduler, ProcessId id) : scheduler_(&scheduler), id_(id) {}

  /// Adds events (or signals and ports, meaning their value changes) to the static
  /// sensitivity; ports are resolved when the design elaborates.
  template <class... Sources>
  MethodHandle& sensitive(const Sources&... sources) {
    (add_sensitivity(EventRef(sources)), ...);
    return *this;
  }
  /// Whether the process also runs once at start-up. By default, processes sensitive
  /// only to value changes do (combinational logic settles), edge-triggered ones do not.
  MethodHandle& run_at_start(bool enabled);
  /// The process's id in the scheduler.
  [[nodiscard]] ProcessId id() const { return id_; }

private:
  void add_sensitivity(EventRef source);
  Scheduler* scheduler_;
  ProcessId id_;
};

}  // namespace tetra
