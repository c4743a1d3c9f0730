#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "sim/lib/round_robin_arbiter.hpp"
#include "sim/values/literal.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

TEST(RoundRobinArbiter, ChoosesTheFirstRequesterAfterTheLastGrant) {
  using Arbiter = RoundRobinArbiter<4>;
  EXPECT_EQ(Arbiter::choose("4'b1111"_v, "4'b0000"_v), "4'b0001"_v);
  EXPECT_EQ(Arbiter::choose("4'b1111"_v, "4'b0001"_v), "4'b0010"_v);
  EXPECT_EQ(Arbiter::choose("4'b0011"_v, "4'b0010"_v), "4'b0001"_v);  // wraps around
  EXPECT_EQ(Arbiter::choose("4'b0100"_v, "4'b0100"_v), "4'b0100"_v);  // a lone requester keeps winning
  EXPECT_EQ(Arbiter::choose("4'b0000"_v, "4'b0100"_v), "4'b0000"_v);
  EXPECT_EQ(Arbiter::choose("4'b1x00"_v, "4'b0100"_v), Vec<4>::xs());
  EXPECT_EQ(Arbiter::choose("4'b1000"_v, Vec<4>::xs()), Vec<4>::xs());
}

struct ArbiterBench : ClockedBench {
  Signal<Vec<4>> request{sim, "request"};
  Signal<Vec<4>> grant{sim, "grant"};
  RoundRobinArbiter<4> arbiter{sim, "arbiter"};

  ArbiterBench() {
    arbiter.clk(clk);
    arbiter.rst(rst);
    arbiter.request(request);
    arbiter.grant(grant);
  }
};

TEST(RoundRobinArbiter, RotatesAmongContinuousRequesters) {
  ArbiterBench bench;
  std::vector<Vec<4>> grants;
  bench.sim.thread("tb", [&] {
    bench.request.write("4'b1011"_v);
    bench.reset();
    for (int i = 0; i < 6; ++i) {
      grants.push_back(bench.grant.read());
      bench.cycle();
    }
    finish();
  });
  bench.run();
  EXPECT_EQ(grants, (std::vector<Vec<4>>{"4'b0001"_v, "4'b0010"_v, "4'b1000"_v, "4'b0001"_v, "4'b0010"_v,
                                         "4'b1000"_v}));
}

TEST(RoundRobinArbiter, RandomRequestersAreServedOneAtATimeWithinFourGrants) {
  ArbiterBench bench;
  int grants_given = 0;
  bench.sim.thread("tb", [&] {
    std::mt19937 random(99);
    std::uint64_t pending = 0;  // requesters hold their request until granted
    std::uint64_t waited[4] = {};
    bench.request.write(Vec<4>(0));
    bench.reset();
    for (int cycle = 0; cycle < 2000; ++cycle) {
      pending |= random() % 16;
      bench.request.write(Vec<4>(pending));
      wait(1_ns);  // the combinational grant settles
      const std::uint64_t granted = bench.grant.read().to_uint64();
      ASSERT_EQ(granted & (granted - 1), 0u) << "not one-hot at cycle " << cycle;
      ASSERT_EQ(granted & ~pending, 0u) << "granted a requester that did not ask, cycle " << cycle;
      ASSERT_EQ(granted == 0, pending == 0) << "cycle " << cycle;
      for (unsigned i = 0; i < 4; ++i) {
        if ((pending >> i & 1u) == 0 || (granted >> i & 1u) != 0) {
          waited[i] = 0;
        } else {
          ASSERT_LT(++waited[i], 4u) << "requester " << i << " starved at cycle " << cycle;
        }
      }
      grants_given += granted != 0;
      pending &= ~granted;
      bench.cycle();
    }
    finish();
  });
  bench.run();
  EXPECT_GT(grants_given, 1500);
}

}  // namespace
}  // namespace tetra::test
