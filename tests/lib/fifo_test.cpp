#include <cstdint>
#include <deque>
#include <random>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "sim/lib/fifo.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

struct FifoBench : ClockedBench {
  Signal<Logic> push{sim, "push"};
  Signal<Vec<8>> push_data{sim, "push_data"};
  Signal<Logic> pop{sim, "pop"};
  Signal<Vec<8>> pop_data{sim, "pop_data"};
  Signal<Logic> full{sim, "full"};
  Signal<Logic> empty{sim, "empty"};
  Signal<Vec<3>> count{sim, "count"};
  Fifo<Vec<8>, 3> fifo{sim, "fifo", 5};

  FifoBench() {
    fifo.clk(clk);
    fifo.rst(rst);
    fifo.push(push);
    fifo.push_data(push_data);
    fifo.pop(pop);
    fifo.pop_data(pop_data);
    fifo.full(full);
    fifo.empty(empty);
    fifo.count(count);
  }

  /// Runs `body` as the testbench and returns the error the run ended with ("" if none).
  template <class F>
  std::string run_expecting_error(F body) {
    sim.thread("tb", body);
    try {
      run();
    } catch (const SimulationError& error) {
      return error.what();
    }
    return "";
  }
};

TEST(Fifo, RandomTrafficMatchesTheScoreboard) {
  FifoBench bench;
  std::deque<std::uint64_t> model;
  int pushes = 0, pops = 0, cycles_full = 0, cycles_empty = 0;
  bench.sim.thread("tb", [&] {
    std::mt19937 random(12345);
    bench.push.write(L0);
    bench.pop.write(L0);
    bench.reset();
    for (int cycle = 0; cycle < 4000; ++cycle) {
      // Outputs now show every edge so far; check them against the model.
      ASSERT_EQ(bench.count.read(), Vec<3>(model.size())) << "cycle " << cycle;
      ASSERT_EQ(bench.full.read(), model.size() == 5 ? L1 : L0) << "cycle " << cycle;
      ASSERT_EQ(bench.empty.read(), model.empty() ? L1 : L0) << "cycle " << cycle;
      if (!model.empty()) {
        ASSERT_EQ(bench.pop_data.read(), Vec<8>(model.front())) << "cycle " << cycle;
      } else {
        ASSERT_EQ(bench.pop_data.read(), Vec<8>::xs()) << "cycle " << cycle;
      }
      cycles_full += model.size() == 5;
      cycles_empty += model.empty();
      // Phases of pressure, so that the FIFO fills up and drains again.
      const bool producer_phase = (cycle / 200) % 2 == 0;
      const bool pushing = bench.full.read() == L0 && random() % 100 < (producer_phase ? 70u : 30u);
      const bool popping = bench.empty.read() == L0 && random() % 100 < (producer_phase ? 30u : 70u);
      const std::uint64_t data = random() % 256;
      bench.push.write(pushing ? L1 : L0);
      bench.pop.write(popping ? L1 : L0);
      bench.push_data.write(pushing ? Vec<8>(data) : Vec<8>::xs());
      if (popping) {
        model.pop_front();
        ++pops;
      }
      if (pushing) {
        model.push_back(data);
        ++pushes;
      }
      bench.cycle();
    }
    finish();
  });
  bench.run();
  EXPECT_GT(pushes, 1000);
  EXPECT_GT(pops, 1000);
  EXPECT_GT(cycles_full, 100);  // both boundaries were exercised
  EXPECT_GT(cycles_empty, 100);
}

TEST(Fifo, PushAndPopInTheSameCycleWhenFull) {
  FifoBench bench;
  bench.sim.thread("tb", [&] {
    bench.pop.write(L0);
    bench.push.write(L0);
    bench.reset();
    bench.push.write(L1);
    for (std::uint64_t i = 0; i < 5; ++i) {
      bench.push_data.write(Vec<8>(i));
      bench.cycle();
    }
    EXPECT_EQ(bench.full.read(), L1);
    bench.push.write(L0);
    bench.pop.write(L1);
    bench.cycle();
    bench.push.write(L1);  // one free slot: push and pop together keep the count
    bench.push_data.write(Vec<8>(99));
    bench.cycle();
    EXPECT_EQ(bench.count.read(), Vec<3>(4));
    EXPECT_EQ(bench.pop_data.read(), Vec<8>(2));
    finish();
  });
  bench.run();
}

TEST(Fifo, PushWhileFullIsAnErrorNamingTheFifo) {
  FifoBench bench;
  const std::string error = bench.run_expecting_error([&] {
    bench.pop.write(L0);
    bench.push.write(L0);
    bench.reset();
    bench.push.write(L1);
    bench.push_data.write(Vec<8>(7));
    for (int i = 0; i < 6; ++i) bench.cycle();
  });
  EXPECT_NE(error.find("push while full"), std::string::npos) << error;
  EXPECT_NE(error.find("fifo.update"), std::string::npos) << error;
}

TEST(Fifo, PopWhileEmptyIsAnError) {
  FifoBench bench;
  const std::string error = bench.run_expecting_error([&] {
    bench.push.write(L0);
    bench.pop.write(L0);
    bench.reset();
    bench.pop.write(L1);
    bench.cycle();
  });
  EXPECT_NE(error.find("pop while empty"), std::string::npos) << error;
}

TEST(Fifo, UnknownPushIsAnErrorNamingThePort) {
  FifoBench bench;
  const std::string error = bench.run_expecting_error([&] {
    bench.pop.write(L0);
    bench.push.write(L0);
    bench.reset();
    bench.push.write(LX);
    bench.cycle();
  });
  EXPECT_NE(error.find("fifo.push"), std::string::npos) << error;
  EXPECT_NE(error.find("1'bx"), std::string::npos) << error;
}

TEST(Fifo, OutputsStayUnknownUntilTheFirstReset) {
  FifoBench bench;
  bench.sim.thread("tb", [&] {
    bench.rst.write(L0);
    bench.cycle();
    bench.cycle();
    EXPECT_EQ(bench.empty.read(), LX);
    EXPECT_EQ(bench.count.read(), Vec<3>::xs());
    bench.reset();
    EXPECT_EQ(bench.empty.read(), L1);
    EXPECT_EQ(bench.count.read(), Vec<3>(0));
    finish();
  });
  bench.run();
}

TEST(Fifo, DepthMustFitTheCount) {
  Simulation sim;
  EXPECT_THROW((Fifo<Vec<8>, 2>(sim, "too_deep", 4)), std::invalid_argument);
  EXPECT_THROW((Fifo<Vec<8>, 2>(sim, "empty", 0)), std::invalid_argument);
  EXPECT_EQ((Fifo<Vec<8>, 2>(sim, "fits", 3).depth()), 3u);
}

}  // namespace
}  // namespace tetra::test
