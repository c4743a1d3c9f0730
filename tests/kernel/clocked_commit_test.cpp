// Signals written by clocked processes (methods sensitive only to edges) are committed
// with their clock events instead of being queued write by write. These tests pin the
// cases where that shortcut could differ from queuing each write.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/simulation.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/shift.hpp"
#include "sim/values/vec.hpp"
#include "tests/support/clock_thread.hpp"
#include "tests/support/expect_error.hpp"

using namespace tetra;
using namespace tetra::literals;
using tetra::testing::add_clock;

TEST(ClockedCommit, RegistersOfSeveralTypesMatchAModelEveryCycle) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> count(sim, "count", Vec<8>(0));
  Signal<Vec<100>> wide(sim, "wide", Vec<100>(1));
  Signal<Logic> toggle(sim, "toggle", L0);
  Signal<Vec<8>> held(sim, "held", Vec<8>(0));  // written every third cycle only
  add_clock(sim, clk);
  sim.method("regs", [&] {
    count.write(count.read() + Vec<8>(1));
    wide.write(wide.read() + wide.read());
    toggle.write(~toggle.read());
    if ((count.read().to_uint64() % 3) == 2) held.write(count.read());
  }).sensitive(clk.posedge());

  int held_changes = 0;
  sim.method("watch_held", [&] { ++held_changes; }).sensitive(held).run_at_start(false);

  for (unsigned cycle = 1; cycle <= 40; ++cycle) {
    sim.run(10_ns);
    SCOPED_TRACE(cycle);
    EXPECT_EQ(count.read(), Vec<8>(cycle));
    EXPECT_EQ(count.previous(), Vec<8>(cycle - 1));
    EXPECT_EQ(wide.read(), Vec<100>(1) << cycle);
    EXPECT_EQ(toggle.read(), cycle % 2 == 1 ? L1 : L0);
    const unsigned last_multiple = cycle < 3 ? 0 : (cycle / 3) * 3 - 1;
    EXPECT_EQ(held.read(), Vec<8>(last_multiple));
  }
  EXPECT_EQ(held_changes, 13);  // held changes at cycles 3, 6, ..., 39
}

TEST(ClockedCommit, AChangeStillWakesCombinationalReadersAndWaiters) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> q(sim, "q", Vec<8>(0));
  Signal<Vec<8>> doubled(sim, "doubled", Vec<8>(0));
  add_clock(sim, clk);
  sim.method("flop", [&] { q.write(q.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.method("comb", [&] { doubled.write(q.read() + q.read()); }).sensitive(q);
  std::vector<Duration> changes;
  sim.thread("watcher", [&] {
    for (int i = 0; i < 3; ++i) {
      wait(q.changed());
      changes.push_back(now());
      EXPECT_EQ(doubled.read(), Vec<8>(2 * (i + 1) - 2));  // comb settles a delta later
    }
  });
  sim.run(40_ns);
  EXPECT_EQ(changes, (std::vector<Duration>{5_ns, 15_ns, 25_ns}));
  EXPECT_EQ(doubled.read(), Vec<8>(8));
}

TEST(ClockedCommit, AThreadThatStartsListeningLateIsWokenByTheNextCommit) {
  // A register's commit reads a copy of its events' "listened" flags kept with its
  // values: the copy must follow a thread that starts, and stops, waiting at run time.
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> q(sim, "q", Vec<8>(0));
  Signal<Logic> toggle(sim, "toggle", L0);
  add_clock(sim, clk);
  sim.method("flop", [&] {
    q.write(q.read() + Vec<8>(1));
    toggle.write(~toggle.read());
  }).sensitive(clk.posedge());
  std::vector<std::pair<Duration, Vec<8>>> wakes;
  sim.thread("late", [&] {
    wait(30_ns);  // q changed at 5, 15 and 25 ns with nobody listening
    wait(q.changed());
    wakes.emplace_back(now(), q.read());
    wait(32_ns);  // not listening again, to 67 ns
    wait(toggle.posedge());
    wakes.emplace_back(now(), q.read());
    wait(q.changed());
    wakes.emplace_back(now(), q.read());
  });
  sim.run(100_ns);
  using Wake = std::pair<Duration, Vec<8>>;
  // toggle rises with odd counts: q = 9 at 85 ns.
  EXPECT_EQ(wakes, (std::vector<Wake>{{35_ns, Vec<8>(4)}, {85_ns, Vec<8>(9)}, {95_ns, Vec<8>(10)}}));
}

TEST(ClockedCommit, SetUpCodeMayStillInitialiseAClockedRegister) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> count(sim, "count", Vec<8>(0));
  add_clock(sim, clk);
  sim.method("counter", [&] { count.write(count.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.run(20_ns);
  ASSERT_EQ(count.read(), Vec<8>(2));
  count.write(Vec<8>(100));  // between runs, outside any process
  sim.run(1_ns);
  EXPECT_EQ(count.read(), Vec<8>(100));
  sim.run(10_ns);
  EXPECT_EQ(count.read(), Vec<8>(101));
}

TEST(ClockedCommit, AnEdgeProcessRunAtStartCommitsItsWrites) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> q(sim, "q");
  add_clock(sim, clk);
  sim.method("flop", [&] { q.write(Vec<8>(7)); }).sensitive(clk.posedge()).run_at_start(true);
  sim.run(1_ns);
  EXPECT_EQ(q.read(), Vec<8>(7));
}

TEST(ClockedCommit, SensitivityAddedAtRunTimeAlsoCommits) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> count(sim, "count", Vec<8>(0));
  Event poke(sim);
  add_clock(sim, clk);
  MethodHandle counter =
      sim.method("counter", [&] { count.write(count.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.thread("poker", [&] {
    wait(12_ns);  // after the first edge made `count` a clocked register
    counter.sensitive(poke);
    poke.notify();
  });
  sim.run(14_ns);
  EXPECT_EQ(count.read(), Vec<8>(2));  // the edge at 5 ns and the poke at 12 ns
}

TEST(ClockedCommit, AnotherWriterOfAClockedRegisterIsADriverConflict) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> q(sim, "q", Vec<8>(0));
  add_clock(sim, clk);
  sim.method("flop", [&] { q.write(q.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  sim.thread("intruder", [&] {
    wait(12_ns);
    q.write(Vec<8>(0));
  });
  tetra::testing::expect_error<DriverConflictError>([&] { sim.run(20_ns); },
                                                     "at 12 ns in q: written by intruder but already driven by flop (a "
                                                     "signal has one driver; use Wire<T> for several)");
}

TEST(ClockedCommit, ALoopThroughAClockedProcessNamesItsRegister) {
  Simulation sim;
  sim.set_delta_limit(20);
  Signal<Logic> go(sim, "go", L0), t(sim, "t", L0);
  // Every edge of t toggles t again: an endless chain of delta cycles at 3 ns.
  sim.method("toggler", [&] { t.write(~t.read()); }).sensitive(go.posedge(), t.posedge(), t.negedge());
  sim.thread("kick", [&] {
    wait(3_ns);
    go.write(L1);
  });
  tetra::testing::expect_error<DeltaCycleLimitError>([&] { sim.run(); },
                                                      "at 3 ns: delta-cycle limit of 20 reached (a combinational loop?); "
                                                      "loop: t (driven by toggler) -> t; "
                                                      "signals still changing: t (driven by toggler)");
}

TEST(ClockedCommit, StepObserversSeeClockedChanges) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  Signal<Vec<8>> q(sim, "q", Vec<8>(0));
  add_clock(sim, clk);
  sim.method("flop", [&] { q.write(q.read() + Vec<8>(1)); }).sensitive(clk.posedge());
  std::vector<std::string> q_changes;
  sim.add_step_observer([&](Ticks time, std::span<SignalBase* const> changed) {
    for (const SignalBase* signal : changed) {
      if (signal == &q) q_changes.push_back(fmt::format("{}:{}", time, q.read().to_uint64()));
    }
  });
  sim.run(30_ns);
  EXPECT_EQ(q_changes, (std::vector<std::string>{"5000:1", "15000:2", "25000:3"}));
}
