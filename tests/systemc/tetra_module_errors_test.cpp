// How a Tetra design inside SystemC fails and ends: X on a two-state port, errors in
// either kernel, sc_stop() and finish().
#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_module.hpp"
#include "sim/systemc/tetra_module.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/errors.hpp"
#include "sim/lib/clock_generator.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

// What the Tetra simulation's end hooks saw.
struct Ending {
  int calls = 0;
  bool failed = false;
  std::string time;
  void record(Simulation& sim) {
    sim.add_end_hook([this, &sim](bool is_failed) {
      ++calls;
      failed = is_failed;
      time = fmt::format("{}", sim.now());
    });
  }
};

// The message with which sc_start(duration) fails: an sc_report for an error in a
// process, the exception itself for one in an elaboration callback. Empty, and a test
// failure, if it does not fail.
std::string sc_start_failure(const sc_core::sc_time& duration) {
  try {
    sc_core::sc_start(duration);
  } catch (const std::exception& error) {
    return error.what();
  }
  ADD_FAILURE() << "sc_start() did not fail";
  return "";
}

// A Tetra signal driving a two-state (or four-state) SystemC port, with the policy given.
template <class S, class T>
class Source : public TetraModule {
public:
  sc_core::sc_out<S> out{"out"};
  Signal<T> value{simulation(), "value"};
  Source(const sc_core::sc_module_name& name, UnknownBitPolicy policy = UnknownBitPolicy::error())
      : TetraModule(name) {
    connect(value, out, policy);
    ending.record(simulation());
  }
  Ending ending;
};

void unknown_bit_on_a_two_state_port_stops_the_run_naming_the_port() {
  sc_core::sc_signal<bool> ready("ready");
  Source<bool, Logic> dut("dut");  // dut.value is X and nothing drives it
  dut.out(ready);
  const std::string failure = sc_start_failure(sc_core::sc_time(10, sc_core::SC_NS));
  EXPECT_NE(failure.find("at 0 s in dut.out: 1'bx from Tetra signal value reached a two-state SystemC port "
                         "(unknown-bit policy: error"),
            std::string::npos)
      << failure;
  ASSERT_TRUE(dut.error());
  try {
    std::rethrow_exception(dut.error());
  } catch (const UnknownBitError& error) {
    EXPECT_EQ(error.path(), "dut.out");
  }
  EXPECT_FALSE(ready.read());  // held back: the port kept its value
}

TEST(TetraModuleErrors, UnknownBitOnATwoStatePortStopsTheRunNamingThePort) {
  RUN_SYSTEMC_SCENARIO(unknown_bit_on_a_two_state_port_stops_the_run_naming_the_port());
}

// X at time 0 until a SystemC thread drives the design's input a few deltas later: not an
// error, because the X does not outlast the time step.
class Echo : public TetraModule {
public:
  sc_core::sc_in<sc_dt::sc_lv<4>> in{"in"};
  sc_core::sc_out<sc_dt::sc_uint<4>> out{"out"};
  Signal<Vec<4>> tetra_in{simulation(), "tetra_in"};
  Signal<Vec<4>> tetra_out{simulation(), "tetra_out"};
  explicit Echo(const sc_core::sc_module_name& name) : TetraModule(name) {
    connect(in, tetra_in);
    connect(tetra_out, out);
    simulation().method("echo", [this] { tetra_out.write(tetra_in.read()); }).sensitive(tetra_in);
  }
};

void unknown_bits_that_settle_within_the_time_step_are_not_an_error() {
  sc_core::sc_signal<sc_dt::sc_lv<4>> in("in");  // X until the driver's first delta
  sc_core::sc_signal<sc_dt::sc_uint<4>> out("out");
  Echo dut("dut");
  dut.in(in);
  dut.out(out);
  std::vector<std::string> seen;
  sc_core::sc_spawn_options driver_options;
  sc_core::sc_spawn(
      [&] {
        sc_core::wait(sc_core::SC_ZERO_TIME);  // X lasts for three delta cycles
        sc_core::wait(sc_core::SC_ZERO_TIME);
        in.write(sc_dt::sc_lv<4>("1010"));
      },
      "driver", &driver_options);
  sc_core::sc_spawn_options monitor_options;
  monitor_options.spawn_method();
  monitor_options.set_sensitivity(&out.value_changed_event());
  monitor_options.dont_initialize();
  sc_core::sc_spawn([&] { seen.push_back(std::to_string(out.read().to_uint())); }, "monitor", &monitor_options);
  sc_core::sc_start(5, sc_core::SC_NS);
  EXPECT_FALSE(dut.error());
  EXPECT_EQ(seen, (std::vector<std::string>{"10"}));  // never a filled-in X
}

TEST(TetraModuleErrors, UnknownBitsThatSettleWithinTheTimeStepAreNotAnError) {
  RUN_SYSTEMC_SCENARIO(unknown_bits_that_settle_within_the_time_step_are_not_an_error());
}

void zeros_policy_clears_unknown_bits() {
  sc_core::sc_signal<sc_dt::sc_uint<8>> out("out");
  Source<sc_dt::sc_uint<8>, Vec<8>> dut("dut", UnknownBitPolicy::zeros());
  dut.out(out);
  dut.value.write(Vec<8>::parse("8'b1x0z_1111"));
  sc_core::sc_start(1, sc_core::SC_NS);
  EXPECT_EQ(out.read().to_uint(), 0b1000'1111u);
}

TEST(TetraModuleErrors, ZerosPolicyClearsUnknownBits) { RUN_SYSTEMC_SCENARIO(zeros_policy_clears_unknown_bits()); }

void random_policy_fills_unknown_bits_and_logs_its_seed() {
  sc_core::sc_signal<sc_dt::sc_bv<64>> out("out");
  Source<sc_dt::sc_bv<64>, Vec<64>> dut("dut", UnknownBitPolicy::random(42));
  dut.out(out);
  dut.value.write(Vec<64>::parse("64'hffff_0000_xxxx_xxxx"));
  sc_core::sc_start(1, sc_core::SC_NS);
  const sc_dt::sc_bv<64> value = out.read();
  EXPECT_EQ(value.range(63, 32).to_uint(), 0xffff'0000u);
  EXPECT_NE(value.range(31, 0).to_uint(), 0u);  // 32 random bits, all zero once in 4 billion
}

TEST(TetraModuleErrors, RandomPolicyFillsUnknownBitsAndLogsItsSeed) {
  RUN_SYSTEMC_SCENARIO_PRINTING(
      random_policy_fills_unknown_bits_and_logs_its_seed(),
      "tetra: at 0 s in dut\\.out: X/Z bits become random bits \\(unknown-bit policy: random \\(seed 42\\)\\)");
}

// A Tetra thread that fails, or finishes, at 5 ns.
class Checker : public TetraModule {
public:
  sc_core::sc_out<bool> alive{"alive"};
  Signal<Logic> tetra_alive{simulation(), "tetra_alive", L1};
  Checker(const sc_core::sc_module_name& name, bool fail) : TetraModule(name) {
    connect(tetra_alive, alive);
    simulation().thread("checker", [fail] {
      tetra::wait(5_ns);  // inside an sc_module, wait() is SystemC's
      if (fail) throw std::runtime_error("mismatch");
      tetra::finish();
    });
    ending.record(simulation());
  }
  Ending ending;
};

void tetra_error_stops_systemc() {
  sc_core::sc_signal<bool> alive("alive");
  Checker dut("dut", true);
  dut.alive(alive);
  const std::string failure = sc_start_failure(sc_core::sc_time(100, sc_core::SC_NS));
  EXPECT_NE(failure.find("at 5 ns in checker: mismatch"), std::string::npos) << failure;
  EXPECT_NE(failure.find("In process: dut.synchronize @ 5 ns"), std::string::npos) << failure;
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(5, sc_core::SC_NS));
  try {
    std::rethrow_exception(dut.error());
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.path(), "checker");
    EXPECT_EQ(fmt::format("{}", error.time()), "5 ns");
  }
  EXPECT_EQ(dut.ending.calls, 1);  // the Tetra side ended, as failed, before sc_start threw
  EXPECT_TRUE(dut.ending.failed);
}

TEST(TetraModuleErrors, TetraErrorStopsSystemC) { RUN_SYSTEMC_SCENARIO(tetra_error_stops_systemc()); }

void tetra_finish_stops_systemc() {
  sc_core::sc_signal<bool> alive("alive");
  Checker dut("dut", false);
  dut.alive(alive);
  bool later_ran = false;
  sc_core::sc_spawn_options options;
  sc_core::sc_spawn(
      [&] {
        sc_core::wait(6, sc_core::SC_NS);
        later_ran = true;
      },
      "later", &options);
  sc_core::sc_start(100, sc_core::SC_NS);
  EXPECT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED);
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(5, sc_core::SC_NS));
  EXPECT_FALSE(later_ran);
  EXPECT_EQ(dut.ending.calls, 1);
  EXPECT_FALSE(dut.ending.failed);
  EXPECT_EQ(dut.ending.time, "5 ns");
}

TEST(TetraModuleErrors, TetraFinishStopsSystemC) { RUN_SYSTEMC_SCENARIO(tetra_finish_stops_systemc()); }

void sc_stop_ends_the_tetra_simulation() {
  sc_core::sc_signal<bool> alive("alive");
  Checker dut("dut", false);  // would finish at 5 ns
  dut.alive(alive);
  sc_core::sc_spawn_options options;
  sc_core::sc_spawn(
      [&] {
        sc_core::wait(3, sc_core::SC_NS);
        sc_core::sc_stop();
      },
      "stopper", &options);
  sc_core::sc_start(100, sc_core::SC_NS);
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(3, sc_core::SC_NS));
  EXPECT_EQ(dut.ending.calls, 1);  // at sc_stop, not when the module goes away
  EXPECT_FALSE(dut.ending.failed);
  EXPECT_TRUE(dut.simulation().has_ended());
}

TEST(TetraModuleErrors, ScStopEndsTheTetraSimulation) { RUN_SYSTEMC_SCENARIO(sc_stop_ends_the_tetra_simulation()); }

void systemc_error_ends_the_tetra_simulation_as_failed() {
  sc_core::sc_signal<bool> alive("alive");
  std::optional<Ending> ending;
  {
    Checker dut("dut", false);
    dut.alive(alive);
    sc_core::sc_spawn_options options;
    sc_core::sc_spawn(
        [&] {
          sc_core::wait(2, sc_core::SC_NS);
          throw std::runtime_error("protocol violation");
        },
        "monitor", &options);
    EXPECT_THROW(sc_core::sc_start(100, sc_core::SC_NS), sc_core::sc_report);
    EXPECT_EQ(dut.ending.calls, 0);  // SystemC does not tell its modules that it failed...
    dut.simulation().add_end_hook([&](bool) { ending = dut.ending; });
  }  // ... so the Tetra side ends when the module goes away, as failed
  ASSERT_TRUE(ending);
  EXPECT_EQ(ending->calls, 1);
  EXPECT_TRUE(ending->failed);
}

TEST(TetraModuleErrors, SystemCErrorEndsTheTetraSimulationAsFailed) {
  RUN_SYSTEMC_SCENARIO(systemc_error_ends_the_tetra_simulation_as_failed());
}

// A design whose input port is not bound: SystemC's elaboration fails with Tetra's message.
class Unbound : public TetraModule {
public:
  explicit Unbound(const sc_core::sc_module_name& name) : TetraModule(name) {}
  Module design{simulation(), "design"};
  In<Logic> floating{design, "floating"};
};

void tetra_elaboration_error_fails_systemc_elaboration() {
  Unbound dut("dut");
  const std::string failure = sc_start_failure(sc_core::sc_time(1, sc_core::SC_NS));
  EXPECT_NE(failure.find("port design.floating is not bound"), std::string::npos) << failure;
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::SC_ZERO_TIME);
}

TEST(TetraModuleErrors, TetraElaborationErrorFailsSystemCElaboration) {
  RUN_SYSTEMC_SCENARIO(tetra_elaboration_error_fails_systemc_elaboration());
}

// A signal that SystemC drives and a Tetra clock generator drives too.
class TwoDrivers : public TetraModule {
public:
  sc_core::sc_in<bool> clk{"clk"};
  explicit TwoDrivers(const sc_core::sc_module_name& name) : TetraModule(name) {
    connect(clk, tetra_clk);
    clock.clk(tetra_clk);
  }
  Signal<Logic> tetra_clk{simulation(), "tetra_clk"};
  ClockGenerator clock{simulation(), "clock", 2_ns};
};

void second_driver_of_a_connected_signal_fails_elaboration() {
  sc_core::sc_signal<bool> clk("clk");
  TwoDrivers dut("dut");
  dut.clk(clk);
  const std::string failure = sc_start_failure(sc_core::sc_time(1, sc_core::SC_NS));
  EXPECT_NE(failure.find("signal tetra_clk has two drivers: dut.clk and clock.clk"), std::string::npos) << failure;
}

TEST(TetraModuleErrors, SecondDriverOfAConnectedSignalFailsElaboration) {
  RUN_SYSTEMC_SCENARIO(second_driver_of_a_connected_signal_fails_elaboration());
}

// SystemC models inside a Tetra design that is itself inside SystemC: refused, since
// SystemC owns time there.
SC_MODULE(Idle) {
  SC_CTOR(Idle) {}
};

class IdleInTetra : public SystemCModule {
public:
  IdleInTetra(Scope& parent, std::string_view name) : SystemCModule(parent, name) {}
  Idle idle{"idle"};
};

class Nested : public TetraModule {
public:
  explicit Nested(const sc_core::sc_module_name& name) : TetraModule(name) {}
  IdleInTetra inner{simulation(), "inner"};
};

void systemc_module_inside_a_tetra_module_is_refused() {
  Nested dut("dut");
  const std::string failure = sc_start_failure(sc_core::sc_time(1, sc_core::SC_NS));
  EXPECT_NE(failure.find("a SystemCModule cannot run inside a SystemC process"), std::string::npos) << failure;
}

TEST(TetraModuleErrors, SystemCModuleInsideATetraModuleIsRefused) {
  RUN_SYSTEMC_SCENARIO(systemc_module_inside_a_tetra_module_is_refused());
}

}  // namespace
}  // namespace tetra::systemc
