// An 8-bit counter under a coroutine testbench: count, hold, wrap around, reset again.
// Usage: counter_tb [trace.vcd]   (exit status 0 when every check passes)
#include <cstdint>

#include <fmt/format.h>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/counter.hpp"
#include "sim/values/format.hpp"
#include "testbenches/testbench.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using testbench::expect_equal;
using testbench::next_cycle;

/// The design under test and its stimulus signals.
class CounterTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> en{*this, "en"};
  Signal<Vec<8>> count{*this, "count"};
  ClockGenerator clock{*this, "clock", 10_ns};
  Counter<8> counter{*this, "counter"};

  explicit CounterTop(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    counter.clk(clk);
    counter.rst(rst);
    counter.en(en);
    counter.q(count);
  }
};

void test_counter(CounterTop& top) {
  top.en.write(L0);
  top.rst.write(L1);
  next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<8>(0), "count after reset");
  top.rst.write(L0);
  top.en.write(L1);
  for (std::uint64_t expected = 1; expected <= 300; ++expected) {
    next_cycle(top.clk);
    expect_equal(top.count.read(), Vec<8>(expected % 256), fmt::format("count after {} enabled cycles", expected));
  }
  top.en.write(L0);
  for (int i = 0; i < 5; ++i) next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<8>(300 % 256), "count while disabled");
  top.rst.write(L1);
  next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<8>(0), "count after a second reset");
}

}  // namespace

int main(int argc, char** argv) {
  tetra::Simulation sim;
  CounterTop top(sim);
  return tetra::testbench::run_testbench(sim, "counter_tb", argc, argv, [&] { test_counter(top); });
}
