// Consecutive methods of one event with the same body type (instances of one module)
// run in one call, with the body inlined in a loop. These tests pin what a run must
// keep from running each method on its own: the order, who is running (for driver
// checks and error messages), once-per-delta for methods with other events, and
// sensitivity added while the simulation runs.
#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/simulation.hpp"
#include "sim/module/port.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/vec.hpp"
#include "tests/support/clock_thread.hpp"
#include "tests/support/expect_error.hpp"

using namespace tetra;
using namespace tetra::literals;
using tetra::testing::add_clock;

namespace {

// A register stage whose process body captures only `this`, so that it is kept in
// place; the log records which process each run of the body is.
class Stage : public Module {
public:
  In<Logic> clk{*this, "clk"};
  Out<Vec<8>> q{*this, "q"};

  Stage(Scope& parent, std::string_view name, std::vector<std::string>& log) : Module(parent, name), log_(log) {
    method("tick", [this] { tick(); }).sensitive(clk.posedge());
  }

private:
  void tick() {
    const Scheduler& scheduler = simulation();
    log_.push_back(scheduler.process_path(scheduler.current_process()));
    q.write(q.read() + Vec<8>(1));
  }

  std::vector<std::string>& log_;
};

}  // namespace

TEST(MethodRun, InstancesRunInDeclarationOrderEachAsItself) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  add_clock(sim, clk);
  std::vector<std::string> log;
  std::deque<Signal<Vec<8>>> outputs;
  std::deque<Stage> stages;
  for (int i = 0; i < 3; ++i) {
    Stage& stage = stages.emplace_back(sim, fmt::format("s{}", i), log);
    stage.clk(clk);
    stage.q(outputs.emplace_back(sim, fmt::format("q{}", i), Vec<8>(0)));
    if (i == 1) {  // a method of another type between two instances splits their run
      sim.method("between", [&log] { log.push_back("between"); }).sensitive(clk.posedge());
    }
  }
  sim.run(20_ns);
  EXPECT_EQ(log, (std::vector<std::string>{"s0.tick", "s1.tick", "between", "s2.tick",  // 5 ns
                                           "s0.tick", "s1.tick", "between", "s2.tick"}));  // 15 ns
  for (const auto& q : outputs) EXPECT_EQ(q.read(), Vec<8>(2));
}

TEST(MethodRun, ASecondDriverInsideARunIsNamed) {
  // Heap-kept bodies (they capture more than a pointer) run in runs too.
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  add_clock(sim, clk);
  std::deque<Signal<Vec<8>>> outputs;
  for (int i = 0; i < 4; ++i) outputs.emplace_back(sim, fmt::format("q{}", i), Vec<8>(0));
  int cycle = 0;
  for (int i = 0; i < 4; ++i) {
    sim.method(fmt::format("m{}", i), [&outputs, &cycle, i] {
      if (i == 0) ++cycle;
      outputs[i].write(Vec<8>(cycle));
      if (i == 2 && cycle == 3) outputs[1].write(Vec<8>(0));
    }).sensitive(clk.posedge());
  }
  tetra::testing::expect_error<DriverConflictError>(
      [&] { sim.run(); },
      "at 25 ns in q1: written by m2 but already driven by m1 (a signal has one driver; use Wire<T> for several)");
  EXPECT_EQ(outputs[3].read(), Vec<8>(2));  // the run stopped at m2
}

TEST(MethodRun, AnErrorNamesTheMethodOfTheRunThatThrew) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  add_clock(sim, clk);
  std::vector<int> ran;
  for (int i = 0; i < 3; ++i) {
    sim.method(fmt::format("m{}", i), [&ran, i, &sim] {
      ran.push_back(i);
      if (i == 1 && sim.now() == 15_ns) throw std::runtime_error("bad state");
    }).sensitive(clk.posedge());
  }
  tetra::testing::expect_error<ProcessError>([&] { sim.run(); }, "at 15 ns in m1: bad state");
  EXPECT_EQ(ran, (std::vector<int>{0, 1, 2, 0, 1}));
}

TEST(MethodRun, AThreadOperationInsideARunNamesTheMethod) {
  // A thread-only call from a method inside a run fails, naming that method.
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  add_clock(sim, clk);
  for (int i = 0; i < 3; ++i) {
    sim.method(fmt::format("m{}", i), [i, &sim] {
      if (i == 1 && sim.now() == 15_ns) wait(1_ns);
    }).sensitive(clk.posedge());
  }
  tetra::testing::expect_error<ProcessError>(
      [&] { sim.run(); }, "at 15 ns in m1: wait() can only be called from a thread process (called from m1)");
}

TEST(MethodRun, AMemberWithAnotherEventStillRunsOncePerDelta) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0), strobe(sim, "strobe", L0);
  add_clock(sim, clk);
  // strobe rises with every posedge of clk, in the same delta, and again 3 ns later.
  sim.thread("strobe_source", [&strobe] {
    while (true) {
      wait(5_ns);
      strobe.write(L1);
      wait(2_ns);
      strobe.write(L0);
      wait(1_ns);
      strobe.write(L1);
      wait(1_ns);
      strobe.write(L0);
      wait(1_ns);
    }
  });
  // One lambda expression, so one body type for every counter.
  auto add_counter = [&](const std::string& name, int& count) {
    return sim.method(name, [&count] { ++count; }).sensitive(clk.posedge());
  };
  std::vector<int> runs(3, 0);
  std::vector<MethodHandle> handles;
  for (int i = 0; i < 3; ++i) handles.push_back(add_counter(fmt::format("m{}", i), runs[i]));
  sim.run(10_ns);
  EXPECT_EQ(runs, (std::vector<int>{1, 1, 1}));

  // Added while running: m1 now runs once at 15 ns, where both edges fire in one delta,
  // and again on strobe alone at 18 ns; its siblings are unchanged.
  handles[1].sensitive(strobe.posedge());
  sim.run(10_ns);
  EXPECT_EQ(runs, (std::vector<int>{2, 3, 2}));

  // An instance of the same body added while running joins the edge's methods.
  int late = 0;
  add_counter("late", late);
  sim.run(10_ns);
  EXPECT_EQ(runs, (std::vector<int>{3, 5, 3}));
  EXPECT_EQ(late, 1);
}

TEST(MethodRun, WhatAMethodAddsToItsOwnEventTakesEffectAfterTheDelta) {
  // The spawner's first run adds enough methods to the edge it runs on to reallocate the
  // edge's method array while it is being walked; "after" is walked after the spawner.
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  add_clock(sim, clk);
  constexpr int added = 64;
  std::vector<int> runs(added, 0);
  int spawner_runs = 0, after_runs = 0;
  sim.method("spawner", [&] {
    if (++spawner_runs != 1) return;
    for (int i = 0; i < added; ++i) {
      sim.method(fmt::format("m{}", i), [&runs, i] { ++runs[i]; }).sensitive(clk.posedge());
    }
  }).sensitive(clk.posedge());
  sim.method("after", [&] { ++after_runs; }).sensitive(clk.posedge());
  sim.run(30_ns);  // posedges at 5, 15 and 25 ns; the new methods miss the first
  EXPECT_EQ(spawner_runs, 3);
  EXPECT_EQ(after_runs, 3);
  EXPECT_EQ(runs, std::vector<int>(added, 2));
}
