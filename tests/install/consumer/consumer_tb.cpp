// A user's testbench on the installed tetra::testbench: two named tests on the runner,
// one reading a plusarg, one logging through the runner.
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/counter.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/log.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/runner.hpp"
#include "sim/testbench/test_context.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;

class Top : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst", L1};
  Signal<Logic> en{*this, "en", L1};
  Signal<Vec<4>> count{*this, "count"};
  ClockGenerator clock{*this, "clock", 10_ns};
  Counter<4> counter{*this, "counter"};

  explicit Top(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    counter.clk(clk);
    counter.rst(rst);
    counter.en(en);
    counter.q(count);
  }
};

void counts(Top& top) {
  next_cycle(top.clk);
  top.rst.write(L0);
  const auto cycles = static_cast<std::uint64_t>(plusarg_int("cycles", 5));
  next_cycles(top.clk, cycles);
  expect_equal(top.count.read(), Vec<4>(cycles % 16), "count");
  info("counted {} cycles", cycles);
}

}  // namespace

int main(int argc, char** argv) {
  Runner runner("consumer_tb", "A user's counter test on the installed runner");
  runner.add<Top>("counts", counts);
  runner.add<Top>("counts_again", counts);
  return runner.main(argc, argv);
}
