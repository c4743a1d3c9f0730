#include <cstdint>
#include <deque>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "sim/lib/skid_buffer.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

struct SkidBench : ClockedBench {
  Signal<Logic> in_valid{sim, "in_valid"};
  Signal<Vec<16>> in_data{sim, "in_data"};
  Signal<Logic> in_ready{sim, "in_ready"};
  Signal<Logic> out_valid{sim, "out_valid"};
  Signal<Vec<16>> out_data{sim, "out_data"};
  Signal<Logic> out_ready{sim, "out_ready"};
  SkidBuffer<Vec<16>> skid{sim, "skid"};

  SkidBench() {
    skid.clk(clk);
    skid.rst(rst);
    skid.in_valid(in_valid);
    skid.in_data(in_data);
    skid.in_ready(in_ready);
    skid.out_valid(out_valid);
    skid.out_data(out_data);
    skid.out_ready(out_ready);
  }
};

// Drives random ready/valid traffic for `cycles` cycles; a producer that keeps valid and
// data stable until accepted (the ready/valid rule) sends 0, 1, 2, ...; the scoreboard
// checks that the consumer sees exactly that sequence. Returns the number of transfers.
int run_random_traffic(SkidBench& bench, unsigned valid_percent, unsigned ready_percent, int cycles) {
  int delivered = 0;
  bench.sim.thread("tb", [&] {
    std::mt19937 random(valid_percent * 1000 + ready_percent);
    std::deque<std::uint64_t> in_flight;
    std::uint64_t next_word = 0;
    bool offering = false;
    bench.in_valid.write(L0);
    bench.out_ready.write(L0);
    bench.reset();
    for (int cycle = 0; cycle < cycles; ++cycle) {
      // These outputs and the inputs driven below decide the next rising edge.
      const bool ready_for_input = bench.in_ready.read() == L1;
      const bool output_valid = bench.out_valid.read() == L1;
      if (!offering) offering = random() % 100 < valid_percent;
      const bool consuming = random() % 100 < ready_percent;
      bench.in_valid.write(offering ? L1 : L0);
      bench.in_data.write(offering ? Vec<16>(next_word) : Vec<16>::xs());
      bench.out_ready.write(consuming ? L1 : L0);
      if (output_valid && consuming) {
        ASSERT_FALSE(in_flight.empty()) << "word out of nowhere at cycle " << cycle;
        ASSERT_EQ(bench.out_data.read(), Vec<16>(in_flight.front())) << "cycle " << cycle;
        in_flight.pop_front();
        ++delivered;
      }
      if (!output_valid) {
        ASSERT_EQ(bench.out_data.read(), Vec<16>::xs()) << "cycle " << cycle;
      }
      if (offering && ready_for_input) {
        in_flight.push_back(next_word++);
        offering = false;
      }
      ASSERT_LE(in_flight.size(), 2u) << "the buffer holds two words at most";
      bench.cycle();
    }
    finish();
  });
  bench.run();
  return delivered;
}

TEST(SkidBuffer, RandomTrafficArrivesInOrderWithoutLossOrDuplicates) {
  SkidBench bench;
  EXPECT_GT(run_random_traffic(bench, 60, 60, 5000), 2000);
}

TEST(SkidBuffer, RandomTrafficWithASlowConsumer) {
  SkidBench bench;
  EXPECT_GT(run_random_traffic(bench, 90, 25, 5000), 1000);
}

TEST(SkidBuffer, RandomTrafficWithASlowProducer) {
  SkidBench bench;
  EXPECT_GT(run_random_traffic(bench, 25, 90, 5000), 1000);
}

TEST(SkidBuffer, SustainsOneWordPerCycle) {
  SkidBench bench;
  EXPECT_GE(run_random_traffic(bench, 100, 100, 1000), 998);
}

TEST(SkidBuffer, StallDropsInReadyOneCycleLaterAndKeepsBothWords) {
  SkidBench bench;
  bench.sim.thread("tb", [&] {
    bench.in_valid.write(L0);
    bench.out_ready.write(L0);
    bench.reset();
    EXPECT_EQ(bench.in_ready.read(), L1);
    bench.in_valid.write(L1);
    bench.in_data.write(Vec<16>(10));
    bench.cycle();  // 10 in the main register
    EXPECT_EQ(bench.out_valid.read(), L1);
    EXPECT_EQ(bench.in_ready.read(), L1);
    bench.in_data.write(Vec<16>(11));
    bench.cycle();  // consumer stalled: 11 goes to the skid register
    EXPECT_EQ(bench.in_ready.read(), L0);
    EXPECT_EQ(bench.out_data.read(), Vec<16>(10));
    bench.in_data.write(Vec<16>(12));
    bench.out_ready.write(L1);
    bench.cycle();  // 10 leaves, 11 moves up; 12 was not accepted
    EXPECT_EQ(bench.out_data.read(), Vec<16>(11));
    EXPECT_EQ(bench.in_ready.read(), L1);
    bench.cycle();  // 11 leaves, 12 enters
    EXPECT_EQ(bench.out_data.read(), Vec<16>(12));
    finish();
  });
  bench.run();
}

TEST(SkidBuffer, UnknownValidIsAnErrorNamingThePort) {
  SkidBench bench;
  bench.sim.thread("tb", [&] {
    bench.in_valid.write(L0);
    bench.out_ready.write(L0);
    bench.reset();
    bench.in_valid.write(LX);
    bench.cycle();
  });
  try {
    bench.run();
    FAIL() << "an unknown in_valid was accepted";
  } catch (const SimulationError& error) {
    EXPECT_NE(std::string(error.what()).find("skid.in_valid"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace tetra::test
