#include <gtest/gtest.h>

#include "sim/lib/dff.hpp"
#include "sim/values/literal.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

struct DffBench : ClockedBench {
  Signal<Logic> en{sim, "en"};
  Signal<Vec<8>> d{sim, "d"};
  Signal<Vec<8>> q{sim, "q"};
  Dff<Vec<8>> dff;

  explicit DffBench(ResetKind kind) : dff(sim, "dff", kind, Vec<8>(0x5A)) {
    dff.clk(clk);
    dff.rst(rst);
    dff.en(en);
    dff.d(d);
    dff.q(q);
  }
};

TEST(Dff, SynchronousResetLoadsTheResetValueAtTheEdge) {
  DffBench bench(ResetKind::synchronous);
  bench.sim.thread("tb", [&] {
    bench.en.write(L1);
    bench.d.write(Vec<8>(0x11));
    bench.rst.write(L0);
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<8>(0x11));
    bench.rst.write(L1);
    wait(2_ns);  // between edges: a synchronous reset waits for the clock
    EXPECT_EQ(bench.q.read(), Vec<8>(0x11));
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<8>(0x5A));
    finish();
  });
  bench.run();
}

TEST(Dff, EnableGatesTheLoad) {
  DffBench bench(ResetKind::synchronous);
  bench.sim.thread("tb", [&] {
    bench.reset();
    bench.en.write(L0);
    bench.d.write(Vec<8>(0x22));
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<8>(0x5A));
    bench.en.write(L1);
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<8>(0x22));
    finish();
  });
  bench.run();
}

TEST(Dff, AsynchronousResetActsBetweenClockEdges) {
  DffBench bench(ResetKind::asynchronous);
  bench.sim.thread("tb", [&] {
    bench.rst.write(L0);
    bench.en.write(L1);
    bench.d.write(Vec<8>(0x33));
    bench.cycle();
    EXPECT_EQ(bench.q.read(), Vec<8>(0x33));
    bench.rst.write(L1);
    wait(1_ns);  // 11 ns: no rising clock edge since 5 ns
    EXPECT_EQ(bench.q.read(), Vec<8>(0x5A));
    bench.cycle();  // and it holds while reset stays high
    EXPECT_EQ(bench.q.read(), Vec<8>(0x5A));
    finish();
  });
  bench.run();
}

TEST(Dff, UnknownEnableKeepsOnlyTheBitsBothChoicesAgreeOn) {
  DffBench bench(ResetKind::synchronous);
  bench.sim.thread("tb", [&] {
    bench.reset();  // q = 0101_1010
    bench.en.write(LX);
    bench.d.write("8'b0110_1010"_v);
    bench.cycle();
    EXPECT_EQ(bench.q.read(), "8'b01xx_1010"_v);
    finish();
  });
  bench.run();
}

TEST(Dff, UnknownAsynchronousResetMergesResetLoadedAndHeldValues) {
  DffBench bench(ResetKind::asynchronous);
  bench.sim.thread("tb", [&] {
    bench.rst.write(L0);
    bench.en.write(L1);
    bench.d.write("8'b0101_1011"_v);
    bench.cycle();
    bench.d.write("8'b1101_1011"_v);
    bench.rst.write(LX);  // 0 -> X is a rising edge: the flop may or may not reset
    wait(1_ns);
    // reset 0101_1010, held 0101_1011, would-load 1101_1011.
    EXPECT_EQ(bench.q.read(), "8'bx101_101x"_v);
    finish();
  });
  bench.run();
}

TEST(Dff, UnboundPortFailsAtElaborationWithItsPath) {
  Simulation sim;
  Dff<Logic> dff(sim, "dff", ResetKind::synchronous, L0);
  try {
    sim.elaborate();
    FAIL() << "elaboration accepted an unbound port";
  } catch (const ElaborationError& error) {
    EXPECT_NE(std::string(error.what()).find("dff.clk"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace tetra::test
