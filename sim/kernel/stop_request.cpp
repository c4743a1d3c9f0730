#include "sim/kernel/stop_request.hpp"

#include <signal.h>
#include <string.h>  // sigabbrev_np

#include <atomic>
#include <string>

#include <fmt/format.h>

namespace tetra {

namespace {

constexpr int kNoRequest = -1;
std::atomic<int> pending_request{kNoRequest};
std::atomic<int> running_simulations{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free atomic");

std::string stop_reason(int signal_number) {
  if (signal_number == 0) return "stopped on request";
  const char* name = sigabbrev_np(signal_number);
  return name != nullptr ? fmt::format("stopped by SIG{}", name) : fmt::format("stopped by signal {}", signal_number);
}

// Installed with SA_RESETHAND: a second Ctrl-C has the default effect and ends the
// process at once.
void on_stop_signal(int signal_number) {
  if (running_simulations.load() == 0) {
    ::raise(signal_number);
    return;
  }
  pending_request.store(signal_number);
}

}  // namespace

SimulationStopped::SimulationStopped(Duration time, int signal_number)
    : SimulationError(time, "", stop_reason(signal_number)), signal_number_(signal_number) {}

void request_stop(int signal_number) noexcept { pending_request.store(signal_number); }

int requested_stop() noexcept { return pending_request.load(std::memory_order_relaxed); }

void clear_stop_request() noexcept { pending_request.store(kNoRequest); }

void stop_on_signals() {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal_number, &action, nullptr);
  }
}

void detail::count_running_simulation(int change) noexcept { running_simulations.fetch_add(change); }

}  // namespace tetra
