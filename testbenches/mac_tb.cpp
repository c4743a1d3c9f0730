// The pipelined multiply-accumulate unit (mac.hpp) on the test runner: random operands
// (zero and 255 weighted up) against a reference sum, a scoreboard fed by a monitor,
// assertions on the pipeline's latency and on unknown outputs, and coverage of the
// operands. `+bug=clear_ignored` builds the unit with its deliberate bug, which the
// scoreboard reports. The runner's command line: mac_tb --help (docs/testbench.md).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/testbench/assertions.hpp"
#include "sim/testbench/coverage.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/runner.hpp"
#include "sim/testbench/scoreboard.hpp"
#include "sim/testbench/test_context.hpp"
#include "sim/values/format.hpp"
#include "testbenches/mac.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;
using examples::Mac;
using examples::MacBug;

// The bug chosen by +bug=NAME (none without it).
MacBug bug_from_plusarg() {
  const std::optional<std::string> name = plusarg("bug");
  if (!name) return MacBug::none;
  if (*name == "clear_ignored") return MacBug::clear_ignored;
  throw std::invalid_argument("+bug=" + *name + ": the MAC's bugs are clear_ignored");
}

/// The unit, its clock and reset, and what checks it.
class MacTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> in_valid{*this, "in_valid", L0};
  Signal<Logic> clear{*this, "clear"};
  Signal<Vec<8>> a{*this, "a"};
  Signal<Vec<8>> b{*this, "b"};
  Signal<Logic> out_valid{*this, "out_valid"};
  Signal<Vec<24>> acc{*this, "acc"};
  ClockGenerator clock{*this, "clock", 10_ns};
  ResetGenerator reset{*this, "reset", 2};
  Mac mac;
  Scoreboard<Vec<24>> results{"results"};
  std::uint32_t reference_sum = 0;  // what acc must show, modulo 2^24

  explicit MacTop(Scope& parent) : Module(parent, "top"), mac(*this, "mac", bug_from_plusarg()) {
    clock.clk(clk);
    reset.clk(clk);
    reset.rst(rst);
    mac.clk(clk);
    mac.rst(rst);
    mac.in_valid(in_valid);
    mac.clear(clear);
    mac.a(a);
    mac.b(b);
    mac.out_valid(out_valid);
    mac.acc(acc);
  }

  // Starts the monitor (every valid result into the scoreboard) and the assertions.
  void start_checks() {
    spawn("monitor", [this] {
      while (true) {
        wait(clk.posedge());
        if (rst.read() == L0 && out_valid.read() == L1) results.observe(acc.read());
      }
    });
    assert_implies_within("result_two_cycles_later", clk, [this] { return rst.read() == L0 && in_valid.read() == L1; },
                          [this] { return out_valid.read() == L1; }, 2);
    assert_never_unknown_after_reset("outputs_known", clk, rst, {&out_valid, &acc});
  }

  // Offers one pair of operands at the next rising edge and expects its sum.
  void take(std::uint8_t x, std::uint8_t y, bool restart) {
    in_valid.write(L1);
    a.write(Vec<8>(x));
    b.write(Vec<8>(y));
    clear.write(restart ? L1 : L0);
    reference_sum = ((restart ? 0 : reference_sum) + std::uint32_t{x} * y) & 0xFF'FFFFu;
    results.expect(Vec<24>(reference_sum));
    next_cycle(clk);
  }

  // A cycle without operands.
  void idle() {
    in_valid.write(L0);
    a.write(Vec<8>::xs());
    b.write(Vec<8>::xs());
    clear.write(LX);
    next_cycle(clk);
  }
};

enum class OperandKind { zero, max, any };

void accumulates_random_products(MacTop& top) {
  CoverPoint a_cover("a", 100);
  CoverPoint b_cover("b", 100);
  for (CoverPoint* operand : {&a_cover, &b_cover}) operand->bin("zero", 0).bin("low", 1, 127).bin("high", 128, 254).bin("max", 255);
  CoverCross pairs("a_x_b", a_cover, b_cover, 90);
  CoverPoint restarts("clear", 100);
  restarts.bin("accumulate", 0).bin("restart", 1);

  top.start_checks();
  wait(top.rst.negedge());
  next_cycle(top.clk);
  Random& random = test_random();
  // Zero and 255 come up far more often than uniformly: the edges of the multiplier.
  const auto operand = [&random]() -> std::uint8_t {
    switch (random.weighted<OperandKind>({{OperandKind::zero, 1}, {OperandKind::max, 1}, {OperandKind::any, 6}})) {
      case OperandKind::zero: return 0;
      case OperandKind::max: return 255;
      case OperandKind::any: break;
    }
    return static_cast<std::uint8_t>(random.below(256));
  };
  const int operations = static_cast<int>(plusarg_int("operations", 500));
  for (int i = 0; i < operations; ++i) {
    while (random.chance(0.2)) top.idle();
    const std::uint8_t x = operand();
    const std::uint8_t y = operand();
    const bool restart = random.chance(0.1);
    a_cover.sample(x);
    b_cover.sample(y);
    pairs.sample(x, y);
    restarts.sample(restart ? 1 : 0);
    top.take(x, y, restart);
  }
  top.idle();
  next_cycles(top.clk, 2);  // the last result leaves the pipeline
}

void clear_restarts_the_sum(MacTop& top) {
  top.start_checks();
  wait(top.rst.negedge());
  next_cycle(top.clk);
  top.take(3, 4, true);
  top.take(5, 6, false);
  top.idle();
  top.take(1, 1, true);
  top.take(255, 255, false);
  top.idle();
  next_cycles(top.clk, 2);
}

}  // namespace

int main(int argc, char** argv) {
  Runner runner("mac_tb", "A pipelined multiply-accumulate unit (+bug=clear_ignored: its deliberate bug)");
  runner.add<MacTop>("accumulates_random_products", accumulates_random_products);
  runner.add<MacTop>("clear_restarts_the_sum", clear_restarts_the_sum);
  return runner.main(argc, argv);
}
