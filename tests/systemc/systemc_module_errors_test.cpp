// How SystemC models inside Tetra fail and end: X into a two-state port, errors in either
// kernel, sc_stop() and finish().
#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_module.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/trace/tracer.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

// A SystemC model that records what its two-state input saw, and that can throw or call
// sc_stop() at a time of its choosing.
enum class Fate { none, throws, stops };

SC_MODULE(ScSink) {
  sc_core::sc_in<bool> ready{"ready"};
  sc_core::sc_out<bool> busy{"busy"};
  std::vector<std::string> seen;
  Fate fate = Fate::none;
  bool ended = false;
  SC_CTOR(ScSink) {
    SC_METHOD(record);
    sensitive << ready;
    dont_initialize();
    SC_THREAD(act);
  }
  void record() { seen.push_back(sc_core::sc_time_stamp().to_string() + (ready.read() ? " 1" : " 0")); }
  void act() {
    busy.write(false);
    sc_core::wait(3, sc_core::SC_NS);
    if (fate == Fate::throws) throw std::runtime_error("fifo overflow");
    if (fate == Fate::stops) sc_core::sc_stop();
  }
  void end_of_simulation() override { ended = true; }
};

class Sink : public SystemCModule {
public:
  In<Logic> ready{*this, "ready"};
  Out<Logic> busy{*this, "busy"};
  Sink(Scope& parent, std::string_view name, UnknownBitPolicy policy = UnknownBitPolicy::error())
      : SystemCModule(parent, name) {
    connect(ready, sink.ready, policy);
    connect(sink.busy, busy);
  }
  ScSink sink{"sink"};
};

// The design around the sink, and what its end hooks saw.
struct Bench {
  explicit Bench(UnknownBitPolicy policy = UnknownBitPolicy::error()) : model(sim, "model", policy) {
    model.ready(ready);
    model.busy(busy);
    sim.add_end_hook([this](bool is_failed) {
      ++endings;
      failed = is_failed;
    });
  }
  Simulation sim;
  Signal<Logic> ready{sim, "ready"};
  Signal<Logic> busy{sim, "busy"};
  Sink model;
  int endings = 0;
  bool failed = false;
};

void unknown_bit_into_a_two_state_port_stops_the_run_naming_the_port() {
  Bench bench;  // ready is X and nothing drives it
  try {
    bench.sim.run(10_ns);
    ADD_FAILURE() << "no error";
  } catch (const UnknownBitError& error) {
    EXPECT_STREQ(error.what(),
                 "at 0 s in sink.ready: 1'bx from Tetra port model.ready reached a two-state SystemC port "
                 "(unknown-bit policy: error; connect() with UnknownBitPolicy::zeros(), ones() or random(seed) "
                 "to accept it)");
  }
  EXPECT_EQ(bench.model.sink.seen, std::vector<std::string>{});  // held back: SystemC never saw it
  EXPECT_TRUE(bench.failed);
}

TEST(SystemCModuleErrors, UnknownBitIntoATwoStatePortStopsTheRunNamingThePort) {
  RUN_SYSTEMC_SCENARIO(unknown_bit_into_a_two_state_port_stops_the_run_naming_the_port());
}

void unknown_bits_that_settle_within_the_slot_are_not_an_error() {
  Bench bench;
  // ready = ~~start: X for two deltas at time 0, then 1.
  Signal<Logic> start(bench.sim, "start", L1), inverted(bench.sim, "inverted");
  bench.sim.method("invert", [&] { inverted.write(~start.read()); }).sensitive(start);
  bench.sim.method("invert_again", [&] { bench.ready.write(~inverted.read()); }).sensitive(inverted);
  bench.sim.run(5_ns);
  EXPECT_EQ(bench.model.sink.seen, std::vector<std::string>{"0 s 1"});
  EXPECT_EQ(bench.endings, 0);
}

TEST(SystemCModuleErrors, UnknownBitsThatSettleWithinTheSlotAreNotAnError) {
  RUN_SYSTEMC_SCENARIO(unknown_bits_that_settle_within_the_slot_are_not_an_error());
}

void ones_policy_sets_unknown_bits() {
  Bench bench(UnknownBitPolicy::ones());
  bench.sim.run(5_ns);
  EXPECT_EQ(bench.model.sink.seen, std::vector<std::string>{"0 s 1"});
}

TEST(SystemCModuleErrors, OnesPolicySetsUnknownBits) { RUN_SYSTEMC_SCENARIO(ones_policy_sets_unknown_bits()); }

std::string file_text(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void systemc_error_stops_tetra_and_closes_its_waveform() {
  const std::filesystem::path vcd = std::filesystem::temp_directory_path() / "tetra_systemc_error.vcd";
  {
    Bench bench;
    bench.ready.write(L0);
    bench.model.sink.fate = Fate::throws;
    trace_vcd(bench.sim, vcd);
    bench.sim.thread("toggler", [&] {
      wait(1_ns);
      bench.ready.write(L1);
    });
    try {
      bench.sim.run(10_ns);
      ADD_FAILURE() << "no error";
    } catch (const ProcessError& error) {
      EXPECT_EQ(error.path(), "model.synchronize");
      EXPECT_EQ(fmt::format("{}", error.time()), "3 ns");
      EXPECT_NE(error.reason().find("uncaught exception: fifo overflow"), std::string::npos) << error.reason();
      EXPECT_THROW(std::rethrow_exception(error.original()), sc_core::sc_report);
    }
    EXPECT_EQ(bench.endings, 1);
    EXPECT_TRUE(bench.failed);
  }
  const std::string text = file_text(vcd);
  std::filesystem::remove(vcd);
  EXPECT_NE(text.find("#1000\n1"), std::string::npos) << text;  // ready's rise
  EXPECT_TRUE(text.ends_with("#3000\n")) << text;               // closed at the failure
}

TEST(SystemCModuleErrors, SystemCErrorStopsTetraAndClosesItsWaveform) {
  RUN_SYSTEMC_SCENARIO(systemc_error_stops_tetra_and_closes_its_waveform());
}

void tetra_error_stops_systemc() {
  Bench bench;
  bench.ready.write(L0);
  bench.sim.thread("checker", [] {
    wait(4_ns);
    throw std::runtime_error("mismatch");
  });
  EXPECT_THROW(bench.sim.run(10_ns), ProcessError);
  EXPECT_TRUE(bench.model.sink.ended);  // SystemC's end_of_simulation() ran
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
}

TEST(SystemCModuleErrors, TetraErrorStopsSystemC) { RUN_SYSTEMC_SCENARIO(tetra_error_stops_systemc()); }

void sc_stop_finishes_tetra() {
  Bench bench;
  bench.ready.write(L0);
  bench.model.sink.fate = Fate::stops;
  bool later_ran = false;
  bench.sim.thread("later", [&] {
    wait(4_ns);
    later_ran = true;
  });
  bench.sim.run(10_ns);
  EXPECT_EQ(fmt::format("{}", bench.sim.now()), "3 ns");
  EXPECT_TRUE(bench.sim.has_ended());
  EXPECT_FALSE(later_ran);
  EXPECT_EQ(bench.endings, 1);
  EXPECT_FALSE(bench.failed);
  EXPECT_TRUE(bench.model.sink.ended);
}

TEST(SystemCModuleErrors, ScStopFinishesTetra) { RUN_SYSTEMC_SCENARIO(sc_stop_finishes_tetra()); }

void tetra_finish_stops_systemc() {
  Bench bench;
  bench.ready.write(L0);
  bench.sim.thread("finisher", [] {
    wait(2_ns);
    finish();
  });
  bench.sim.run();
  EXPECT_EQ(fmt::format("{}", bench.sim.now()), "2 ns");
  EXPECT_TRUE(bench.model.sink.ended);
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
}

TEST(SystemCModuleErrors, TetraFinishStopsSystemC) { RUN_SYSTEMC_SCENARIO(tetra_finish_stops_systemc()); }

// A SystemC port left unbound: SystemC's elaboration, at the first crossing, fails.
class Unconnected : public SystemCModule {
public:
  Unconnected(Scope& parent, std::string_view name) : SystemCModule(parent, name) {}
  ScSink sink{"sink"};
};

void systemc_elaboration_error_stops_tetra_at_time_zero() {
  Simulation sim;
  Unconnected model(sim, "model");
  try {
    sim.run(1_ns);
    ADD_FAILURE() << "no error";
  } catch (const ProcessError& error) {
    EXPECT_EQ(fmt::format("{}", error.time()), "0 s");
    EXPECT_NE(error.reason().find("port not bound"), std::string::npos) << error.reason();
  }
}

TEST(SystemCModuleErrors, SystemCElaborationErrorStopsTetraAtTimeZero) {
  RUN_SYSTEMC_SCENARIO(systemc_elaboration_error_stops_tetra_at_time_zero());
}

}  // namespace
}  // namespace tetra::systemc
