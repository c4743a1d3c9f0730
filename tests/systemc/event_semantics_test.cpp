// Event notification, held to SystemC 2.3's own behaviour: each scenario runs as a Tetra
// simulation and as a SystemC one (in the child process scenario.hpp provides), and the
// two must record the same wake-ups.
#include <systemc>

#include <gtest/gtest.h>

#include <string>

#include "sim/kernel/simulation.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

// What a waiter does in each scenario, once the notifier has made its delta
// notification at 1 ns.
enum class Scenario {
  waiting_before,         // waiting since time 0
  waiting_in_same_delta,  // starts waiting in the delta of the notification (before or after it)
  waiting_a_delta_later,  // starts waiting in a later delta: the notification is gone
  notified_twice,         // two notifications in one delta wake once
};

constexpr int kWaitLimitNs = 5;

std::string tetra_log(Scenario scenario) {
  Simulation sim;
  Event event(sim);
  std::string log;
  sim.thread("notifier", [&] {
    wait(1_ns);
    event.notify_delta();
    if (scenario == Scenario::notified_twice) event.notify_delta();
  });
  sim.thread("waiter", [&] {
    if (scenario != Scenario::waiting_before) wait(1_ns);
    if (scenario == Scenario::waiting_a_delta_later) wait(Duration{});
    int wakes = 0;
    while (wait(event, Duration::femtoseconds(kWaitLimitNs * 1'000'000))) {
      log += fmt::format("woken at {}; ", now());
      ++wakes;
    }
    log += fmt::format("{} wake(s), gave up at {}", wakes, now());
  });
  sim.run();
  return log;
}

std::string systemc_log(Scenario scenario) {
  using sc_core::SC_NS;
  using sc_core::sc_time;
  sc_core::sc_event event("event");
  std::string log;
  sc_core::sc_spawn(
      [&] {
        sc_core::wait(1, SC_NS);
        event.notify(sc_core::SC_ZERO_TIME);
        if (scenario == Scenario::notified_twice) event.notify(sc_core::SC_ZERO_TIME);
      },
      "notifier");
  sc_core::sc_spawn(
      [&] {
        if (scenario != Scenario::waiting_before) sc_core::wait(1, SC_NS);
        if (scenario == Scenario::waiting_a_delta_later) sc_core::wait(sc_core::SC_ZERO_TIME);
        int wakes = 0;
        const auto at = [] { return fmt::format("{} ns", sc_core::sc_time_stamp().value() / 1000); };
        while (true) {
          sc_core::wait(sc_time(kWaitLimitNs, SC_NS), event);
          if (!event.triggered()) break;
          log += fmt::format("woken at {}; ", at());
          ++wakes;
        }
        log += fmt::format("{} wake(s), gave up at {}", wakes, at());
      },
      "waiter");
  sc_core::sc_start();
  return log;
}

void same_as_systemc(Scenario scenario, const std::string& expected) {
  const std::string tetra = tetra_log(scenario);
  EXPECT_EQ(tetra, systemc_log(scenario));
  EXPECT_EQ(tetra, expected);  // and what docs/kernel.md says
}

TEST(EventSemantics, ADeltaNotificationWakesAThreadWaitingBeforeIt) {
  RUN_SYSTEMC_SCENARIO(same_as_systemc(Scenario::waiting_before, "woken at 1 ns; 1 wake(s), gave up at 6 ns"));
}

TEST(EventSemantics, ADeltaNotificationWithNoWaiterIsPendingUntilTheNextDelta) {
  RUN_SYSTEMC_SCENARIO(same_as_systemc(Scenario::waiting_in_same_delta, "woken at 1 ns; 1 wake(s), gave up at 6 ns"));
}

TEST(EventSemantics, ADeltaNotificationIsGoneForAThreadThatWaitsLater) {
  RUN_SYSTEMC_SCENARIO(same_as_systemc(Scenario::waiting_a_delta_later, "0 wake(s), gave up at 6 ns"));
}

TEST(EventSemantics, TwoDeltaNotificationsInOneDeltaWakeOnce) {
  RUN_SYSTEMC_SCENARIO(same_as_systemc(Scenario::notified_twice, "woken at 1 ns; 1 wake(s), gave up at 6 ns"));
}

}  // namespace
}  // namespace tetra::systemc
