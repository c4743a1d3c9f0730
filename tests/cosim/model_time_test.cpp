// Time between the simulation and a model: delays of a --timing model run as kernel timed
// events, and times pass exactly between ticks and the model's precision, or not at all.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "cosim_coarse_time.hpp"
#include "cosim_delays.hpp"
#include "sim/cosim/errors.hpp"
#include "sim/cosim/verilator_time_scale.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/format.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

TEST(VerilatorTimeScale, MapsACoarserModelUnit) {
  const VerilatorTimeScale scale(1_ps, -10);  // 100 ps
  EXPECT_EQ(scale.precision(), 100_ps);
  EXPECT_EQ(scale.to_model(2500), 25u);
  EXPECT_EQ(scale.to_model(2550), std::nullopt);
  EXPECT_EQ(scale.to_ticks(25), 2500u);
}

TEST(VerilatorTimeScale, MapsAFinerModelUnit) {
  const VerilatorTimeScale scale(10_ns, -12);  // ticks of 10,000 model units
  EXPECT_EQ(scale.to_model(3), 30'000u);
  EXPECT_EQ(scale.to_ticks(30'000), 3u);
  EXPECT_EQ(scale.to_ticks(5'000), std::nullopt);
}

TEST(VerilatorTimeScale, RefusesUnitsThatAreNotMultiplesOfOneAnother) {
  try {
    VerilatorTimeScale(300_ps, -9);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "the model's time precision of 1 ns and the simulation's tick of 300 ps are not "
                               "multiples of one another, so times cannot pass exactly between them");
  }
  EXPECT_THROW(VerilatorTimeScale(1_ps, 3), std::invalid_argument);
}

/// The delays model (its own clock, a counter, and `done` 3 ns after count == stop_at),
/// with a record of when each output changed.
struct DelaysBench {
  Simulation sim;
  Signal<Vec<8>> stop_at{sim, "stop_at", Vec<8>(4)};
  Signal<Logic> clk{sim, "clk"};
  Signal<Vec<8>> count{sim, "count"};
  Signal<Logic> done{sim, "done"};
  verilog::Delays dut{sim, "dut"};
  std::vector<std::string> changes;

  explicit DelaysBench(Duration resolution) : sim(resolution) {
    dut.stop_at(stop_at);
    dut.clk(clk);
    dut.count(count);
    dut.done(done);
    sim.method("record", [this] {
      changes.push_back(fmt::format("{} count={} done={}", now(), count.read(), done.read().to_char()));
    }).sensitive(count, done).run_at_start(false);
  }
};

TEST(TimingModel, DelaysRunAsTimedKernelEvents) {
  for (const Duration resolution : {1_ps, 100_ps, 1_ns}) {
    DelaysBench bench(resolution);
    std::vector<std::string> clock_edges;
    bench.sim.method("edges", [&] { clock_edges.push_back(fmt::format("{}", now())); })
        .sensitive(bench.clk.posedge())
        .run_at_start(false);
    bench.sim.run(50_ns);
    EXPECT_EQ(clock_edges, (std::vector<std::string>{"5 ns", "15 ns", "25 ns", "35 ns", "45 ns"}));
    EXPECT_EQ(bench.changes, (std::vector<std::string>{"0 s count=8'b00000000 done=0", "5 ns count=8'b00000001 done=0",
                                                       "15 ns count=8'b00000010 done=0", "25 ns count=8'b00000011 done=0",
                                                       "35 ns count=8'b00000100 done=0", "38 ns count=8'b00000100 done=1",
                                                       "45 ns count=8'b00000101 done=1"}))
        << "resolution " << fmt::format("{}", resolution);
  }
}

TEST(TimingModel, ADelayThatIsNotAWholeNumberOfTicksIsAnError) {
  DelaysBench bench(10_ns);  // the model's first delay is 5 ns
  try {
    bench.sim.run(100_ns);
    FAIL() << "expected a ModelTimeError";
  } catch (const ModelTimeError& error) {
    EXPECT_STREQ(error.what(), "at 0 s in dut: the model waits until 5000 units of 1 ps, which is not a whole "
                               "number of the simulation's ticks of 10 ns");
  }
}

/// The coarse-time register (precision 1 ns).
struct CoarseBench {
  Simulation sim;
  Signal<Logic> clk{sim, "clk", L0};
  Signal<Vec<8>> d{sim, "d", Vec<8>(9)};
  Signal<Vec<8>> q{sim, "q"};
  verilog::CoarseTime dut{sim, "dut"};

  CoarseBench() {
    dut.clk(clk);
    dut.d(d);
    dut.q(q);
  }
};

TEST(ModelTime, EvaluatingBetweenTheModelsTimeUnitsIsAnError) {
  CoarseBench bench;
  EXPECT_EQ(bench.dut.time_precision(), 1_ns);
  bench.sim.thread("test", [&] {
    wait(2_ns);
    bench.clk.write(L1);  // on a whole nanosecond: fine
    wait(1500_ps);
    EXPECT_EQ(bench.q.read(), Vec<8>(9));
    bench.clk.write(L0);  // at 3500 ps: the model cannot say when
  });
  try {
    bench.sim.run();
    FAIL() << "expected a ModelTimeError";
  } catch (const ModelTimeError& error) {
    EXPECT_STREQ(error.what(), "at 3500 ps in dut: the model cannot evaluate at 3500 ps: that is not a whole "
                               "number of its time precision of 1 ns");
  }
}

TEST(ModelTime, AModelWhosePrecisionDoesNotFitTheTickIsRefused) {
  Simulation sim(300_ps);
  try {
    verilog::CoarseTime dut{sim, "dut"};
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "dut: the model's time precision of 1 ns and the simulation's tick of 300 ps are not "
                               "multiples of one another, so times cannot pass exactly between them");
  }
}

}  // namespace
}  // namespace tetra::test
