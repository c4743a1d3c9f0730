#include "sim/kernel/scheduler.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

TEST(Scheduler, CounterOnAClockCounts) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> count(sim, "count", Vec<8>::zeros());
  sim.thread("clockgen", [&] {
    while (true) {
      wait(5_ns);
      clk.write(~clk.read());
    }
  });
  sim.method("counter", [&] { count.write(count.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.run(100_ns);
  EXPECT_EQ(count.read(), Vec<8>(10));
  EXPECT_EQ(sim.now(), 100_ns);
}

TEST(Scheduler, CombinationalChainSettlesInDeltasAtTheSameTime) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0), b(sim, "b"), c(sim, "c");
  std::vector<std::string> order;
  sim.method("b_from_a", [&] { order.push_back("b"); b.write(~a.read()); }).sensitive(a);
  sim.method("c_from_b", [&] { order.push_back("c"); c.write(~b.read()); }).sensitive(b);
  sim.thread("stimulus", [&] {
    wait(10_ns);
    order.clear();
    a.write(L1);
    wait(c.changed());
    EXPECT_EQ(now(), 10_ns);
  });
  sim.run();
  EXPECT_EQ(order, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(c.read(), L1);
}

TEST(Scheduler, ValueChangeProcessesRunAtStartEdgeProcessesDoNot) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0), a(sim, "a", L1), y(sim, "y");
  int clocked_runs = 0;
  sim.method("comb", [&] { y.write(~a.read()); }).sensitive(a);
  sim.method("flop", [&] { ++clocked_runs; }).sensitive(clk.posedge());
  sim.run();
  EXPECT_EQ(y.read(), L0);
  EXPECT_EQ(clocked_runs, 0);
}

TEST(Scheduler, MethodsRunInRegistrationOrder) {
  Simulation sim;
  Signal<Logic> trigger(sim, "trigger", L0);
  std::string order;
  sim.method("first", [&] { order += '1'; }).sensitive(trigger).run_at_start(false);
  sim.method("second", [&] { order += '2'; }).sensitive(trigger).run_at_start(false);
  sim.method("third", [&] { order += '3'; }).sensitive(trigger).run_at_start(false);
  sim.thread("stimulus", [&] { trigger.write(L1); });
  sim.run();
  EXPECT_EQ(order, "123");
}

TEST(Scheduler, AMethodRunsOnceEvenWhenSeveralInputsChange) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0), b(sim, "b", L0);
  int runs = 0;
  sim.method("both", [&] { ++runs; }).sensitive(a, b).run_at_start(false);
  sim.thread("stimulus", [&] {
    a.write(L1);
    b.write(L1);
  });
  sim.run();
  EXPECT_EQ(runs, 1);
}

TEST(Scheduler, DeltaLimitNamesTheLoopingSignalsAndDrivers) {
  Simulation sim;
  sim.set_delta_limit(50);
  Signal<Logic> enable(sim, "enable", L0), ring(sim, "ring", L0);
  sim.method("oscillator", [&] {
    if (enable.read() == L1) ring.write(~ring.read());
  }).sensitive(enable, ring);
  sim.thread("stimulus", [&] {
    wait(3_ns);
    enable.write(L1);
  });
  try {
    sim.run();
    FAIL() << "expected a DeltaCycleLimitError";
  } catch (const DeltaCycleLimitError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("delta-cycle limit of 50"), std::string::npos) << message;
    EXPECT_NE(message.find("ring (driven by oscillator)"), std::string::npos) << message;
    EXPECT_EQ(error.time(), 3_ns);
  }
}

// Two methods feeding each other, with fan-out downstream: when the limit strikes, the
// signals still changing are one of the loop's and the downstream ones, so the loop is
// named on its own.
TEST(Scheduler, DeltaLimitNamesTheLoopApartFromTheDownstreamSignals) {
  Simulation sim;
  sim.set_delta_limit(50);
  Signal<Logic> enable(sim, "enable", L0), a(sim, "a", L0), b(sim, "b", L0);
  Signal<Logic> a_copy(sim, "a_copy", L0), a_inverse(sim, "a_inverse", L1), b_copy(sim, "b_copy", L0);
  sim.method("invert", [&] { b.write(enable.read() == L1 ? ~a.read() : a.read()); }).sensitive(enable, a);
  sim.method("follow", [&] { a.write(b.read()); }).sensitive(b);
  sim.method("watch_a", [&] {
    a_copy.write(a.read());
    a_inverse.write(~a.read());
  }).sensitive(a);
  sim.method("watch_b", [&] { b_copy.write(b.read()); }).sensitive(b);
  sim.thread("stimulus", [&] {
    wait(3_ns);
    enable.write(L1);
  });
  try {
    sim.run();
    FAIL() << "expected a DeltaCycleLimitError";
  } catch (const DeltaCycleLimitError& error) {
    EXPECT_EQ(std::string(error.what()),
      "at 3 ns: delta-cycle limit of 50 reached (a combinational loop?); loop: a (driven by follow) -> b (driven "
      "by invert) -> a; signals still changing: a (driven by follow), b_copy (driven by watch_b)");
  }
}

TEST(Scheduler, AThreadWaitingZeroInALoopHitsTheDeltaLimit) {
  // Each wait(0) ends the slot and enters it again at the same time: without a limit on
  // those, the run would spin at 2 ns forever.
  Simulation sim;
  sim.set_delta_limit(100);
  sim.thread("poller", [&] {
    wait(2_ns);
    while (true) wait(Duration{});
  });
  try {
    sim.run();
    FAIL() << "expected a DeltaCycleLimitError";
  } catch (const DeltaCycleLimitError& error) {
    EXPECT_EQ(error.time(), 2_ns);
    EXPECT_EQ(error.path(), "poller");
    EXPECT_EQ(error.reason(),
              "delta-cycle limit of 100 reached by zero-delay waits or notifications (a wait(0) in a loop?); still "
              "scheduling at zero delay: poller");
  }
}

TEST(Scheduler, ZeroDelayNotificationsInALoopHitTheDeltaLimit) {
  Simulation sim;
  sim.set_delta_limit(100);
  Event again(sim);
  sim.method("repeater", [&] { again.notify_after(Duration{}); }).sensitive(again);
  try {
    sim.run();
    FAIL() << "expected a DeltaCycleLimitError";
  } catch (const DeltaCycleLimitError& error) {
    EXPECT_EQ(error.time(), Duration{});
    EXPECT_EQ(error.path(), "repeater");
  }
}

TEST(Scheduler, ZeroDelayWaitsCountPerTimeAndPerRun) {
  // The limit counts the slots entered again at one time; time advancing starts over.
  Simulation sim;
  sim.set_delta_limit(100);
  int waits = 0;
  sim.thread("poller", [&] {
    for (int round = 0; round < 5; ++round) {
      for (int i = 0; i < 90; ++i, ++waits) wait(Duration{});
      wait(1_ns);
    }
  });
  sim.run();
  EXPECT_EQ(waits, 450);
  EXPECT_EQ(sim.now(), 5_ns);
}

TEST(Scheduler, WritesInTheReadOnlyRegionThrow) {
  Simulation sim;
  Signal<Logic> s(sim, "s", L0);
  sim.thread("monitor", [&] {
    wait_read_only();
    s.write(L1);
  });
  EXPECT_THROW(sim.run(), ReadOnlyWriteError);
}

TEST(Scheduler, MonitorsSeeSettledValuesInTheReadOnlyRegion) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a", Vec<4>(0)), b(sim, "b");
  std::vector<Vec<4>> seen;
  sim.method("double", [&] { b.write(a.read() + a.read()); }).sensitive(a);
  sim.method("monitor", [&] { seen.push_back(b.read()); }).sensitive(sim.read_only_event()).run_at_start(false);
  sim.thread("stimulus", [&] {
    wait(1_ns);
    a.write(Vec<4>(3));
  });
  sim.run();
  EXPECT_EQ(seen, (std::vector<Vec<4>>{Vec<4>(0), Vec<4>(6)}));
}

TEST(Scheduler, ProcessExceptionsCarryTimeAndPath) {
  Simulation sim;
  sim.thread("checker", [] {
    wait(7_ns);
    throw std::runtime_error("mismatch");
  });
  try {
    sim.run();
    FAIL() << "expected a ProcessError";
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.time(), 7_ns);
    EXPECT_EQ(error.path(), "checker");
    EXPECT_EQ(std::string(error.what()), "at 7 ns in checker: mismatch");
    EXPECT_THROW(std::rethrow_exception(error.original()), std::runtime_error);
  }
}

TEST(Scheduler, MethodExceptionsStopTheRun) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0);
  sim.method("strict", [&] { (void)static_cast<bool>(a.read()); }).sensitive(a);
  sim.thread("stimulus", [&] {
    wait(2_ns);
    a.write(LX);
  });
  try {
    sim.run();
    FAIL() << "expected a ProcessError";
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.path(), "strict");
    EXPECT_EQ(error.time(), 2_ns);
  }
  EXPECT_TRUE(sim.has_ended());
}

TEST(Scheduler, EndHooksRunOnErrorBeforeRunRethrows) {
  Simulation sim;
  std::vector<bool> hook_calls;
  sim.add_end_hook([&](bool failed) { hook_calls.push_back(failed); });
  sim.thread("boom", [] { throw std::logic_error("boom"); });
  EXPECT_THROW(sim.run(), ProcessError);
  EXPECT_EQ(hook_calls, std::vector<bool>{true});
}

TEST(Scheduler, EndHooksRunOnceOnANormalEnd) {
  std::vector<bool> hook_calls;
  {
    Simulation sim;
    sim.add_end_hook([&](bool failed) { hook_calls.push_back(failed); });
    sim.thread("short", [] { wait(1_ns); });
    sim.run();
    EXPECT_TRUE(sim.has_ended());
    EXPECT_THROW(sim.run(), std::logic_error);
  }
  EXPECT_EQ(hook_calls, std::vector<bool>{false});
}

TEST(Scheduler, EveryEndHookRunsAndTheFirstErrorIsRethrown) {
  Simulation sim;
  std::vector<int> ran;
  sim.add_end_hook([&](bool) {
    ran.push_back(1);
    throw std::runtime_error("disk full");
  });
  sim.add_end_hook([&](bool) {
    ran.push_back(2);
    throw std::runtime_error("second");
  });
  sim.add_end_hook([&](bool) { ran.push_back(3); });
  sim.thread("short", [] { wait(1_ns); });
  try {
    sim.run();
    FAIL() << "expected the end hook's error";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "disk full");
  }
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

TEST(Scheduler, TheDestructorReportsAnEndHookErrorInsteadOfTerminating) {
  ::testing::internal::CaptureStderr();
  {
    Simulation sim;
    sim.add_end_hook([](bool) { throw std::runtime_error("cannot close trace.vcd"); });
    sim.thread("ticker", [] {
      while (true) wait(1_ns);
    });
    sim.run(5_ns);  // not ended: the destructor runs the hook
  }
  // Contains rather than equals: sanitizer builds print their own notes to stderr.
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("tetra: error while ending the simulation: cannot close trace.vcd\n"), std::string::npos)
      << printed;
}

TEST(Scheduler, AFailedRunReportsItsLastSlotToObservers) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0);
  std::vector<std::string> log;
  sim.add_step_observer([&](Ticks time, std::span<SignalBase* const> changed) {
    for (const SignalBase* signal : changed) log.push_back(fmt::format("{}:{}={}", time, signal->name(), signal->value_bits()));
  });
  sim.thread("failing", [&] {
    wait(7_ps);
    a.write(L1);
    wait(a.changed());  // the next delta of the same slot
    throw std::runtime_error("mismatch");
  });
  EXPECT_THROW(sim.run(), ProcessError);
  EXPECT_EQ(log, (std::vector<std::string>{"7:a=1"}));
}

TEST(Scheduler, StepObserversSeeEachSlotsChangedSignalsOnce) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0), b(sim, "b", L0), quiet(sim, "quiet", L0);
  std::vector<std::string> log;
  sim.add_step_observer([&](Ticks time, std::span<SignalBase* const> changed) {
    std::string entry = fmt::format("{}:", time);
    for (const SignalBase* signal : changed) entry += signal->name();
    log.push_back(entry);
  });
  sim.thread("stimulus", [&] {
    a.write(L1);
    wait(a.changed());
    b.write(L1);
    a.write(L0);  // a changes twice in the slot but is reported once
    wait(5_ps);
    b.write(L0);
  });
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"0:ab", "5:b"}));
}

TEST(Scheduler, FinishStopsAfterTheCurrentDelta) {
  Simulation sim;
  int ticks = 0;
  sim.thread("ticker", [&] {
    while (true) {
      wait(1_ns);
      if (++ticks == 3) finish();
    }
  });
  sim.run();
  EXPECT_EQ(ticks, 3);
  EXPECT_EQ(sim.now(), 3_ns);
}

TEST(Scheduler, RunForADurationComposes) {
  Simulation sim;
  std::vector<Duration> wakes;
  sim.thread("ticker", [&] {
    while (true) {
      wait(4_ns);
      wakes.push_back(now());
    }
  });
  sim.run(6_ns);
  EXPECT_EQ(sim.now(), 6_ns);
  sim.run(6_ns);
  EXPECT_EQ(sim.now(), 12_ns);
  EXPECT_EQ(wakes, (std::vector<Duration>{4_ns, 8_ns}));
}

TEST(Scheduler, TimedNotificationFiresLater) {
  Simulation sim;
  Event ping(sim);
  Duration woke{};
  sim.thread("waiter", [&] {
    wait(ping);
    woke = now();
  });
  sim.thread("notifier", [&] { ping.notify_after(25_ns); });
  sim.run();
  EXPECT_EQ(woke, 25_ns);
}

TEST(Scheduler, IdenticalRunsGiveIdenticalTraces) {
  auto trace = [] {
    Simulation sim;
    Signal<Vec<8>> x(sim, "x", Vec<8>(1));
    std::string log;
    for (int i = 0; i < 4; ++i) {
      sim.thread(fmt::format("t{}", i), [&, i] {
        for (int k = 0; k < 5; ++k) {
          wait(Duration::femtoseconds(1000 * (i + 1)));
          log += std::to_string(i);
        }
      });
    }
    sim.run();
    return log;
  };
  EXPECT_EQ(trace(), trace());
}

TEST(Scheduler, SettleRunsTheEventsDueNowWithTheWritesSinceTheLastRunInOneSlot) {
  Simulation sim;
  Signal<Logic> input(sim, "input", L0);
  Signal<Logic> ticked(sim, "ticked", L0);
  std::vector<std::string> slots;
  sim.add_step_observer([&](Ticks time, std::span<SignalBase* const> changed) {
    std::string names;
    for (const SignalBase* signal : changed) names += signal->name() + " ";
    slots.push_back(fmt::format("{}: {}", time, names));
  });
  sim.thread("ticker", [&] {
    wait(4_ns);
    ticked.write(L1);
  });
  sim.run(4_ns);
  EXPECT_EQ(ticked.read(), L0);  // run(4 ns) leaves the slot at 4 ns pending
  input.write(L1);
  sim.settle();
  EXPECT_EQ(sim.now(), 4_ns);
  EXPECT_EQ(ticked.read(), L1);
  EXPECT_EQ(input.read(), L1);
  EXPECT_EQ(slots, (std::vector<std::string>{"4000: input ticked "}));
  EXPECT_FALSE(sim.has_ended());
}

TEST(Scheduler, SettleAtTimeZeroStartsTheSimulation) {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0), y(sim, "y");
  sim.method("inverter", [&] { y.write(~a.read()); }).sensitive(a);
  sim.settle();
  EXPECT_EQ(y.read(), L1);
  a.write(L1);
  sim.settle();
  EXPECT_EQ(y.read(), L0);
  EXPECT_EQ(sim.now(), Duration{});
}

TEST(Scheduler, SettleEndsTheSimulationOnFinish) {
  Simulation sim;
  sim.thread("stopper", [] { finish(); });
  sim.settle();
  EXPECT_TRUE(sim.has_ended());
}

TEST(Scheduler, NextEventTimeIsTheEarliestLiveTimedEvent) {
  Simulation sim;
  Event ping(sim);
  EXPECT_EQ(sim.next_event_time(), std::nullopt);
  sim.thread("ticker", [&] {
    while (true) wait(4_ns);
  });
  sim.thread("patient", [&] {
    wait(ping, 100_ns);  // woken at 1 ns: its 100 ns timeout is stale
    wait(ping);
  });
  sim.thread("pinger", [&] { ping.notify_after(1_ns); });
  sim.settle();
  EXPECT_EQ(sim.next_event_time(), 1_ns);
  sim.run(3_ns);
  sim.settle();
  EXPECT_EQ(sim.next_event_time(), 4_ns);
  sim.run(97_ns);
  EXPECT_EQ(sim.next_event_time(), 100_ns);  // the ticker's, due now and not yet run
}
