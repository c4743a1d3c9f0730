// An 8-bit counter under coroutine tests: count and wrap around, hold while disabled,
// reset again. The runner's command line: counter_tb --help (docs/testbench.md).
#include <cstdint>

#include <fmt/format.h>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/counter.hpp"
#include "sim/values/format.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/runner.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using testbench::expect_equal;
using testbench::next_cycle;
using testbench::next_cycles;

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

// Resets the counter and enables it.
void reset(CounterTop& top) {
  top.en.write(L0);
  top.rst.write(L1);
  next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<8>(0), "count after reset");
  top.rst.write(L0);
  top.en.write(L1);
}

void counts_and_wraps(CounterTop& top) {
  reset(top);
  for (std::uint64_t expected = 1; expected <= 300; ++expected) {
    next_cycle(top.clk);
    expect_equal(top.count.read(), Vec<8>(expected % 256), fmt::format("count after {} enabled cycles", expected));
  }
}

void holds_while_disabled_and_resets(CounterTop& top) {
  reset(top);
  next_cycles(top.clk, 7);
  top.en.write(L0);
  next_cycles(top.clk, 5);
  expect_equal(top.count.read(), Vec<8>(7), "count while disabled");
  top.rst.write(L1);
  next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<8>(0), "count after a second reset");
}

}  // namespace

int main(int argc, char** argv) {
  tetra::testbench::Runner runner("counter_tb", "An 8-bit counter: count, wrap, hold and reset");
  runner.add<CounterTop>("counts_and_wraps", counts_and_wraps);
  runner.add<CounterTop>("holds_while_disabled_and_resets", holds_while_disabled_and_resets);
  return runner.main(argc, argv);
}
