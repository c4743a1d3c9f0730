// SystemC models inside Tetra: values cross in one delta cycle, SystemC's time follows
// Tetra's, and SystemC's own timed events wake Tetra.
#include "sim/systemc/systemc_module.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "tests/systemc/scenario.hpp"
#include "tests/systemc/systemc_inverter.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

class InverterFromSystemC : public SystemCModule {
public:
  In<Logic> a{*this, "a"};
  Out<Logic> y{*this, "y"};
  InverterFromSystemC(Scope& parent, std::string_view name) : SystemCModule(parent, name) {
    connect(a, inverter.a);
    connect(inverter.y, y);
  }
  testing::SystemCInverter inverter{"inverter"};
};

void crossing_takes_one_delta_like_a_tetra_method() {
  Simulation sim;
  Signal<Logic> a(sim, "a", L0), systemc_y(sim, "systemc_y"), tetra_y(sim, "tetra_y");
  InverterFromSystemC model(sim, "model");
  model.a(a);
  model.y(systemc_y);
  sim.method("tetra_inverter", [&] { tetra_y.write(~a.read()); }).sensitive(a);
  // Both inverters' outputs, each time one of them changes: a crossing that took a delta
  // more than the Tetra method would show as two records.
  std::vector<std::string> seen;
  sim.method("recorder", [&] {
       seen.push_back(fmt::format("{}: {}{}", now(), systemc_y.read(), tetra_y.read()));
     })
      .sensitive(systemc_y, tetra_y)
      .run_at_start(false);
  sim.thread("stimulus", [&] {
    wait(1_ns);
    a.write(L1);
    wait(1_ns);
    a.write(LZ);
  });
  sim.run(5_ns);
  EXPECT_EQ(seen, (std::vector<std::string>{"0 s: 11", "1 ns: 00", "2 ns: xx"}));
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(2, sc_core::SC_NS));  // SystemC last ran at 2 ns
}

TEST(SystemCModule, CrossingTakesOneDeltaLikeATetraMethod) {
  RUN_SYSTEMC_SCENARIO(crossing_takes_one_delta_like_a_tetra_method());
}

// A clock written in SystemC: its timed events wake Tetra.
SC_MODULE(ScClock) {
  sc_core::sc_out<bool> clk{"clk"};
  SC_CTOR(ScClock) { SC_THREAD(run); }
  void run() {
    bool level = false;
    while (true) {
      sc_core::wait(3, sc_core::SC_NS);
      level = !level;
      clk.write(level);
    }
  }
};

class ClockFromSystemC : public SystemCModule {
public:
  Out<Logic> clk{*this, "clk"};
  ClockFromSystemC(Scope& parent, std::string_view name) : SystemCModule(parent, name) { connect(clock.clk, clk); }
  ScClock clock{"clock"};
};

void systemc_timed_events_wake_tetra() {
  Simulation sim;
  Signal<Logic> clk(sim, "clk");
  ClockFromSystemC source(sim, "source");
  source.clk(clk);
  std::vector<std::string> edges;
  sim.method("monitor", [&] { edges.push_back(fmt::format("{} {}", now(), clk.read())); })
      .sensitive(clk)
      .run_at_start(false);
  sim.run(13_ns);
  EXPECT_EQ(edges, (std::vector<std::string>{"0 s 0", "3 ns 1", "6 ns 0", "9 ns 1", "12 ns 0"}));
}

TEST(SystemCModule, SystemCTimedEventsWakeTetra) { RUN_SYSTEMC_SCENARIO(systemc_timed_events_wake_tetra()); }

void resolution_finer_than_systemc_is_refused() {
  Simulation sim(Duration::femtoseconds(500));
  try {
    ClockFromSystemC source(sim, "source");
    ADD_FAILURE() << "no error";
  } catch (const ElaborationError& error) {
    EXPECT_STREQ(error.what(), "source: the simulation's resolution 500 fs is not a whole number of SystemC's 1 ps");
  }
}

TEST(SystemCModule, ResolutionFinerThanSystemCIsRefused) {
  RUN_SYSTEMC_SCENARIO(resolution_finer_than_systemc_is_refused());
}

void second_module_is_refused() {
  Simulation sim;
  ClockFromSystemC first(sim, "first");
  try {
    ClockFromSystemC second(sim, "second");
    ADD_FAILURE() << "no error";
  } catch (const ElaborationError& error) {
    EXPECT_STREQ(error.what(),
                 "second: SystemC has one simulation context per program, which first already drives; put every "
                 "SystemC model in one SystemCModule");
  }
}

TEST(SystemCModule, SecondModuleIsRefused) { RUN_SYSTEMC_SCENARIO(second_module_is_refused()); }

}  // namespace
}  // namespace tetra::systemc
