#include <gtest/gtest.h>

#include "sim/lib/counter.hpp"
#include "sim/values/literal.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

struct CounterBench : ClockedBench {
  Signal<Logic> en{sim, "en"};
  Signal<Vec<3>> q{sim, "q"};
  Counter<3> counter{sim, "counter"};

  CounterBench() {
    counter.clk(clk);
    counter.rst(rst);
    counter.en(en);
    counter.q(q);
  }
};

TEST(Counter, CountsEnabledEdgesAndWraps) {
  CounterBench bench;
  bench.sim.thread("tb", [&] {
    EXPECT_EQ(bench.q.read(), Vec<3>::xs());  // nothing is known before reset
    bench.en.write(L1);
    bench.reset();
    EXPECT_EQ(bench.q.read(), Vec<3>(0));
    for (std::uint64_t expected = 1; expected <= 9; ++expected) {
      bench.cycle();
      EXPECT_EQ(bench.q.read(), Vec<3>(expected % 8));
    }
    bench.en.write(L0);
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<3>(1));
    finish();
  });
  bench.run();
}

TEST(Counter, UnknownEnableMakesTheChangingBitsUnknown) {
  CounterBench bench;
  bench.sim.thread("tb", [&] {
    bench.en.write(L1);
    bench.reset();
    bench.cycle();  // q = 1
    bench.en.write(LX);
    bench.cycle();  // 001 or 010
    EXPECT_EQ(bench.q.read(), "3'b0xx"_v);
    finish();
  });
  bench.run();
}

}  // namespace
}  // namespace tetra::test
