#include "sim/kernel/thread_stack.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <system_error>

namespace tetra::detail {

namespace {

std::size_t page_size() {
  static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

// Without -fstack-clash-protection (which Tetra passes to the code built against it), a
// frame larger than this can jump over the guard; a mebibyte of inaccessible address
// space costs no memory.
constexpr std::size_t kGuardBytes = 1024 * 1024;

StackOverflowLookup overflow_lookup = nullptr;
struct sigaction previous_action {};

void on_segmentation_fault(int signal_number, siginfo_t* info, void* context) {
  const char* message = overflow_lookup != nullptr ? overflow_lookup(info->si_addr) : nullptr;
  if (message != nullptr) {
    // Nothing can be done on a full stack but report: returning with the default action
    // makes the fault happen again and end the process by SIGSEGV, as without us.
    const ssize_t written = ::write(STDERR_FILENO, message, std::strlen(message));
    static_cast<void>(written);
    ::signal(SIGSEGV, SIG_DFL);
    return;
  }
  if ((previous_action.sa_flags & SA_SIGINFO) != 0) {
    previous_action.sa_sigaction(signal_number, info, context);
  } else if (previous_action.sa_handler == SIG_DFL || previous_action.sa_handler == SIG_IGN) {
    ::signal(SIGSEGV, SIG_DFL);  // the fault happens again, now fatal
  } else {
    previous_action.sa_handler(signal_number);
  }
}

// This OS thread's alternate signal stack, if it had none.
class AlternateSignalStack {
public:
  AlternateSignalStack() {
    stack_t existing{};
    if (::sigaltstack(nullptr, &existing) == 0 && (existing.ss_flags & SS_DISABLE) == 0) return;
    const std::size_t size = 64 * 1024;
    memory_ = std::make_unique<char[]>(size);
    stack_t own{};
    own.ss_sp = memory_.get();
    own.ss_size = size;
    if (::sigaltstack(&own, nullptr) != 0) memory_.reset();
  }
  AlternateSignalStack(const AlternateSignalStack&) = delete;
  AlternateSignalStack& operator=(const AlternateSignalStack&) = delete;
  ~AlternateSignalStack() {
    if (!memory_) return;
    stack_t disabled{};
    disabled.ss_flags = SS_DISABLE;
    ::sigaltstack(&disabled, nullptr);
  }

private:
  std::unique_ptr<char[]> memory_;
};

}  // namespace

GuardedStack::GuardedStack(std::size_t usable) {
  const std::size_t page = page_size();
  guard_ = (kGuardBytes + page - 1) / page * page;
  mapped_ = guard_ + (usable + page - 1) / page * page;
  void* mapping = ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                         -1, 0);
  if (mapping == MAP_FAILED) throw std::system_error(errno, std::generic_category(), "cannot map a thread's stack");
  base_ = static_cast<char*>(mapping);
  if (::mprotect(base_, guard_, PROT_NONE) != 0) {
    const int error = errno;
    ::munmap(base_, mapped_);
    throw std::system_error(error, std::generic_category(), "cannot protect a thread's stack guard");
  }
}

GuardedStack::~GuardedStack() { ::munmap(base_, mapped_); }

bool GuardedStack::guard_holds(const void* address) const {
  const auto* byte = static_cast<const char*>(address);
  return byte >= base_ && byte < base_ + guard_;
}

void catch_stack_overflows(StackOverflowLookup lookup) {
  static std::once_flag installed;
  std::call_once(installed, [lookup] {
    overflow_lookup = lookup;
    struct sigaction action {};
    action.sa_sigaction = on_segmentation_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGSEGV, &action, &previous_action);
  });
  thread_local AlternateSignalStack alternate_stack;
}

}  // namespace tetra::detail
