#pragma once
// The stacks of thread processes. Each is mapped on its own with an inaccessible guard
// region below it, so that a thread recursing past its stack faults at once in that
// thread, instead of writing over the frames of whatever lies below (another thread's
// stack, with a plain heap allocation). A SIGSEGV handler, on an alternate signal
// stack since the faulting one is full, recognises a fault in a guard region and names
// the thread before the process dies of the signal.

#include <cstddef>

namespace tetra::detail {

/// The smallest usable stack a thread may ask for.
inline constexpr std::size_t kMinimumThreadStackBytes = 16 * 1024;

/// A thread's stack: `usable` bytes (rounded up to whole pages) above a guard region
/// that faults when touched.
class GuardedStack {
public:
  /// Maps the stack; throws std::system_error with the OS's reason when it cannot.
  explicit GuardedStack(std::size_t usable);
  GuardedStack(const GuardedStack&) = delete;
  GuardedStack& operator=(const GuardedStack&) = delete;
  ~GuardedStack();

  /// The highest address: stacks grow down from it.
  [[nodiscard]] void* top() const { return base_ + mapped_; }
  /// The bytes mapped, guard included.
  [[nodiscard]] std::size_t mapped_size() const { return mapped_; }
  /// The usable bytes.
  [[nodiscard]] std::size_t usable_size() const { return mapped_ - guard_; }
  /// True when `address` lies in the guard region: a fault there is an overflow.
  [[nodiscard]] bool guard_holds(const void* address) const;

private:
  char* base_;
  std::size_t mapped_;
  std::size_t guard_;
};

/// Finds the message for a fault at `address` if it lies in the guard region of the
/// running thread's stack (nullptr otherwise). Called from a signal handler: it must
/// not allocate, lock or throw.
using StackOverflowLookup = const char* (*)(const void* address);

/// Makes stack overflows of this OS thread's coroutines fatal with a message: installs
/// the SIGSEGV handler once per process (a fault that is not an overflow goes to the
/// handler installed before it, or kills the process as usual) and an alternate signal
/// stack once per OS thread (keeping one already installed, as sanitizers do).
void catch_stack_overflows(StackOverflowLookup lookup);

}  // namespace tetra::detail
