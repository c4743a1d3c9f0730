// A Tetra design inside SystemC: values cross in one delta cycle, Tetra's time follows
// SystemC's, and Tetra's own timed events wake SystemC.
#include "sim/systemc/tetra_module.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/lib/clock_generator.hpp"
#include "tests/systemc/scenario.hpp"
#include "tests/systemc/systemc_inverter.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

// y = ~a, in Tetra.
class Inverter : public Module {
public:
  In<Logic> a{*this, "a"};
  Out<Logic> y{*this, "y"};
  Inverter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("invert", [this] { y.write(~a.read()); }).sensitive(a);
  }
};

class InverterInSystemC : public TetraModule {
public:
  sc_core::sc_in<sc_dt::sc_logic> a{"a"};
  sc_core::sc_out<sc_dt::sc_logic> y{"y"};
  explicit InverterInSystemC(const sc_core::sc_module_name& name) : TetraModule(name) {
    connect(a, inverter.a);
    connect(inverter.y, y);
  }
  Inverter inverter{simulation(), "inverter"};
};

void crossing_takes_one_delta_like_a_systemc_method() {
  sc_core::sc_signal<sc_dt::sc_logic> a("a", sc_dt::SC_LOGIC_0), tetra_y("tetra_y"), native_y("native_y");
  InverterInSystemC tetra_inverter("tetra_inverter");
  tetra_inverter.a(a);
  tetra_inverter.y(tetra_y);
  testing::SystemCInverter native_inverter("native_inverter");
  native_inverter.a(a);
  native_inverter.y(native_y);

  std::vector<std::string> seen;  // "delta: tetra native", per delta after a write
  sc_core::sc_spawn_options options;
  sc_core::sc_spawn(
      [&] {
        sc_core::wait(sc_core::SC_ZERO_TIME);
        sc_core::wait(sc_core::SC_ZERO_TIME);
        seen.push_back(std::string("start: ") + tetra_y.read().to_char() + native_y.read().to_char());
        sc_core::wait(1, sc_core::SC_NS);
        a.write(sc_dt::SC_LOGIC_1);
        for (int delta = 1; delta <= 3; ++delta) {
          sc_core::wait(sc_core::SC_ZERO_TIME);
          seen.push_back(std::to_string(delta) + ": " + tetra_y.read().to_char() + native_y.read().to_char());
        }
        a.write(sc_dt::SC_LOGIC_Z);
        sc_core::wait(sc_core::SC_ZERO_TIME);
        sc_core::wait(sc_core::SC_ZERO_TIME);
        sc_core::wait(sc_core::SC_ZERO_TIME);
        seen.push_back(std::string("z: ") + tetra_y.read().to_char() + native_y.read().to_char());
      },
      "stimulus", &options);
  sc_core::sc_start(10, sc_core::SC_NS);
  // a was written in delta 0; it changed in delta 1; both inverters wrote y in delta 1,
  // which it shows in delta 2. ~Z is X in both.
  EXPECT_EQ(seen, (std::vector<std::string>{"start: 11", "1: 11", "2: 00", "3: 00", "z: XX"}));
  EXPECT_EQ(fmt::format("{}", tetra_inverter.simulation().now()), "1 ns");
}

TEST(TetraModule, CrossingTakesOneDeltaLikeASystemCMethod) {
  RUN_SYSTEMC_SCENARIO(crossing_takes_one_delta_like_a_systemc_method());
}

// A Tetra clock generator, driving a SystemC port: Tetra's timed events wake SystemC.
class ClockInSystemC : public TetraModule {
public:
  sc_core::sc_out<bool> clk{"clk"};
  explicit ClockInSystemC(const sc_core::sc_module_name& name) : TetraModule(name) { connect(clock.clk, clk); }
  ClockGenerator clock{simulation(), "clock", 6_ns};
};

void tetra_timed_events_wake_systemc() {
  sc_core::sc_signal<bool> clk("clk");
  ClockInSystemC source("source");
  source.clk(clk);
  std::vector<std::string> edges;
  sc_core::sc_spawn_options options;
  options.spawn_method();
  options.set_sensitivity(&clk.value_changed_event());
  options.dont_initialize();
  sc_core::sc_spawn([&] { edges.push_back(sc_core::sc_time_stamp().to_string() + (clk.read() ? " 1" : " 0")); },
                    "monitor", &options);
  sc_core::sc_start(13, sc_core::SC_NS);
  EXPECT_EQ(edges, (std::vector<std::string>{"3 ns 1", "6 ns 0", "9 ns 1", "12 ns 0"}));
  // Tetra last ran at 12 ns: its time moves when a crossing or one of its events runs it.
  EXPECT_EQ(fmt::format("{}", source.simulation().now()), "12 ns");
}

TEST(TetraModule, TetraTimedEventsWakeSystemC) { RUN_SYSTEMC_SCENARIO(tetra_timed_events_wake_systemc()); }

void tetra_resolution_follows_systemc() {
  sc_core::sc_set_time_resolution(10, sc_core::SC_PS);
  sc_core::sc_signal<bool> clk("clk");
  ClockInSystemC source("source");
  source.clk(clk);
  EXPECT_EQ(fmt::format("{}", source.simulation().resolution()), "10 ps");
  sc_core::sc_start(7, sc_core::SC_NS);
  EXPECT_EQ(fmt::format("{}", source.simulation().now()), "6 ns");
}

TEST(TetraModule, TetraResolutionFollowsSystemC) { RUN_SYSTEMC_SCENARIO(tetra_resolution_follows_systemc()); }

}  // namespace
}  // namespace tetra::systemc
