#pragma once
// Processes: the code the scheduler runs. A method process is a plain callable run to
// completion whenever its static sensitivity fires; a thread process is a stackful
// coroutine that can wait anywhere in its call stack (see thread.hpp).

#include <bit>
#include <memory>
#include <type_traits>
#include <utility>

#include "sim/kernel/event.hpp"
#include "sim/kernel/running_driver.hpp"

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
      invoke_ = &call<Body, true>;
      runner_ = &run_each<Body, true>;
      return;
    }
    auto* stored = new Body(std::forward<F>(body));
    invoke_ = &call<Body, false>;
    runner_ = &run_each<Body, false>;
    owner_ = Owner(stored, [](void* object) { delete static_cast<Body*>(object); });
  }
  /// The raw entry point, called with object().
  [[nodiscard]] void (*entry() const)(void*) { return invoke_; }
  /// Runs method entries whose objects are bodies of this callable's type.
  [[nodiscard]] MethodRunner runner() const { return runner_; }
  /// The object the body is called with (the body's bytes themselves when small).
  [[nodiscard]] void* object() const { return owner_ ? owner_.get() : inline_; }
  /// Runs the callable.
  void operator()() const { invoke_(object()); }

private:
  template <class Body, bool in_place>
  static void call(void* object) {
    // A body kept in place is rebuilt in a register: taking its address would spill it.
    if constexpr (in_place) {
      std::bit_cast<const Body>(object)();
    } else {
      (*static_cast<Body*>(object))();
    }
  }
  // The body is inlined in this loop: the instances of one module's process, which
  // follow each other on their clock, cost one indirect call together.
  template <class Body, bool in_place>
  static void run_each(const MethodEntry* first, const MethodEntry* last, ProcessId& process) {
#pragma GCC unroll 4
    for (; first != last; ++first) {
      process = first->id;
      detail::running_driver = first->id;
      call<Body, in_place>(first->object);
    }
  }

  using Owner = std::unique_ptr<void, void (*)(void*)>;
  void (*invoke_)(void*) = nullptr;
  MethodRunner runner_ = nullptr;
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
