// The module and testbench of docs/kernel.md's tutorial, kept compiling and passing.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/kernel/queue.hpp"
#include "sim/module/port.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {

template <std::size_t Width>
class Counter : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> enable{*this, "enable"};
  Out<Vec<Width>> count{*this, "count"};

  Counter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("tick", [this] {
      if (rst.read() == L1) {
        count.write(Vec<Width>::zeros());
      } else if (static_cast<bool>(enable.read())) {
        count.write(count.read() + Vec<Width>(1));
      }
    }).sensitive(clk.posedge());
  }
};

class Top : public Module {
public:
  Signal<Logic> clk{*this, "clk", L0};
  Signal<Logic> rst{*this, "rst", L1};
  Signal<Logic> enable{*this, "enable", L0};
  Signal<Vec<8>> count{*this, "count"};
  Counter<8> counter{*this, "counter"};

  explicit Top(Scope& parent) : Module(parent, "top") {
    counter.clk(clk);
    counter.rst(rst);
    counter.enable(enable);
    counter.count(count);
    thread("clock", [this] {
      while (true) {
        wait(5_ns);
        clk.write(~clk.read());
      }
    });
  }
};

}  // namespace

TEST(Tutorial, CoroutineTestbenchChecksTheCounter) {
  Simulation sim;
  Top top(sim);
  Duration reached_ten{};
  sim.thread("test", [&] {
    wait_count(top.clk.posedge(), 2);
    top.rst.write(L0);
    top.enable.write(L1);
    with_timeout(1_us, [&] {
      while (top.count.read() != Vec<8>(10)) wait(top.count.changed());
    });
    wait_read_only();
    if (top.count.read() != Vec<8>(10)) throw std::runtime_error("count should be 10");
    reached_ten = now();
    finish();
  });
  sim.run();
  // Edges at 5, 15, ...: reset seen at 5 and 15, counts 1..10 at the edges 25..115 ns.
  EXPECT_EQ(reached_ten, 115_ns);
}

TEST(Tutorial, AnUnknownEnableFailsLoudly) {
  Simulation sim;
  Top top(sim);
  sim.thread("test", [&] {
    wait_count(top.clk.posedge(), 2);
    top.rst.write(L0);
    top.enable.write(LX);
    wait(1_us);
  });
  try {
    sim.run();
    FAIL() << "expected a ProcessError";
  } catch (const ProcessError& error) {
    EXPECT_EQ(error.path(), "top.counter.tick");
    EXPECT_EQ(error.time(), 25_ns);
  }
}

TEST(Tutorial, HelpersShareDataThroughAQueue) {
  Simulation sim;
  Top top(sim);
  Queue<Vec<8>> seen(sim, 16);
  sim.thread("test", [&] {
    auto monitor = spawn("monitor", [&] {  // sees the reset value 0, then the counts
      while (true) {
        wait(top.count.changed());
        seen.put(top.count.read());
      }
    });
    wait_count(top.clk.posedge(), 2);
    top.rst.write(L0);
    top.enable.write(L1);
    for (std::uint64_t expected = 0; expected <= 3; ++expected) EXPECT_EQ(seen.get(), Vec<8>(expected));
    monitor.kill();
  });
  sim.run(200_ns);
  EXPECT_EQ(seen.size(), 0u);
}
