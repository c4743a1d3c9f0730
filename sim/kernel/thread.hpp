#pragma once
// Thread processes: stackful coroutines (Boost.Coroutine2) that can wait anywhere in
// their call stack, as cocotb coroutines do. The free functions here act on the thread
// that calls them and throw NotInThreadError elsewhere.

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/event.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/time.hpp"

namespace tetra {

/// A started thread process: join it, kill it, or wait on its end.
class ThreadHandle {
public:
  ThreadHandle(Scheduler& scheduler, ProcessId id) : scheduler_(&scheduler), id_(id) {}
  /// True once the thread returned or was killed.
  [[nodiscard]] bool done() const { return scheduler_->is_done(id_); }
  /// Fires when the thread ends.
  [[nodiscard]] const Event& done_event() const { return scheduler_->done_event(id_); }
  /// Waits (from another thread) until this thread has ended.
  void join() const;
  /// Stops the thread now; its stack unwinds and done_event() fires.
  void kill() const { scheduler_->kill(id_); }
  /// Sets the thread's stack size (at least 16 KiB) before it first runs: deep recursion
  /// needs more than the simulation's default. Returns this handle.
  const ThreadHandle& stack_size(std::size_t bytes) const {
    scheduler_->set_stack_size(id_, bytes);
    return *this;
  }
  /// The process id.
  [[nodiscard]] ProcessId id() const { return id_; }
  /// The hierarchical name.
  [[nodiscard]] std::string path() const { return scheduler_->process_path(id_); }

private:
  Scheduler* scheduler_;
  ProcessId id_;
};

namespace detail {
/// The running scheduler, for thread-side operations; throws outside run().
Scheduler& running_scheduler(const char* operation);
}  // namespace detail

/// Current simulated time of the running simulation.
Duration now();
/// Suspends the calling thread for `delay` (0 resumes after the current slot settles).
void wait(Duration delay);
/// Suspends the calling thread until `event` fires.
void wait(const Event& event);
/// Waits until `event` fires or `timeout` passes; returns false on timeout.
bool wait(const Event& event, Duration timeout);
/// Waits until any of `events` fires; returns its index in the list.
std::size_t wait_any(std::initializer_list<const Event*> events);
/// Waits until every one of `events` has fired at least once since the call.
void wait_all(std::initializer_list<const Event*> events);
/// Waits for `count` firings of `event` (e.g. "N rising clock edges").
void wait_count(const Event& event, std::size_t count);
/// Waits for the read-only region of the current time slot (monitors; writes throw there).
void wait_read_only();
/// Starts a child thread named `name` that runs `body` from the current delta on.
template <class F>
ThreadHandle spawn(std::string_view name, F&& body) {
  Scheduler& scheduler = detail::running_scheduler("spawn");
  return ThreadHandle(scheduler, scheduler.spawn(name, Callable(std::forward<F>(body)), false, false));
}
/// Ends the simulation after the current delta cycle.
void finish();

/// Runs `body` in the calling thread's name, but gives up after `limit`: the body is
/// killed and TimeoutError is thrown. Returns what `body` returns; its exceptions propagate.
template <class F>
auto with_timeout(Duration limit, F&& body) -> std::invoke_result_t<F&> {
  using Result = std::invoke_result_t<F&>;
  Scheduler& scheduler = detail::running_scheduler("with_timeout");
  const ProcessId parent = scheduler.require_thread("with_timeout");
  std::conditional_t<std::is_void_v<Result>, bool, std::optional<Result>> result{};
  auto run_body = [&] {
    if constexpr (std::is_void_v<Result>) {
      body();
      result = true;
    } else {
      result.emplace(body());
    }
  };
  const ProcessId child = scheduler.spawn("with_timeout", Callable(run_body), true, true);
  // The body refers to this frame: if the caller is killed while waiting, the body goes too.
  struct KillOnExit {
    Scheduler& scheduler;
    ProcessId child;
    ~KillOnExit() {
      if (!scheduler.is_done(child)) scheduler.kill(child);
    }
  } kill_on_exit{scheduler, child};
  const Event* done = &scheduler.done_event(child);
  if (!scheduler.is_done(child) && !scheduler.wait_any({&done, 1}, limit)) {
    scheduler.kill(child);
    throw TimeoutError(scheduler.now(), scheduler.process_path(parent), fmt::format("timed out after {}", limit));
  }
  if (auto error = scheduler.captured_error(child)) std::rethrow_exception(error);
  if constexpr (std::is_void_v<Result>) {
    return;
  } else {
    return std::move(*result);
  }
}

}  // namespace tetra
