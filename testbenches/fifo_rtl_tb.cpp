// A coroutine testbench driving Verilog directly: rtl/lib/fifo.sv, Verilated as
// rtl::Fifo (16-bit words, 5 deep), under random push/pop traffic. A producer thread
// pushes 0, 1, 2, ... whenever it wants to and the FIFO is not full; a consumer thread
// pops whenever it wants to and the FIFO is not empty, and checks every word. The
// model's ports are signals like any other, so the VCD shows them.
// Usage: fifo_rtl_tb [trace.vcd]   (exit status 0 when every check passes)
#include <cstdint>
#include <deque>
#include <random>

#include <fmt/format.h>

#include "rtl_fifo.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/values/format.hpp"
#include "testbenches/testbench.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using testbench::expect_equal;
using testbench::next_cycle;

constexpr int words_to_send = 5000;

/// The Verilated FIFO, its clock and reset, and the signals the testbench drives and watches.
class FifoTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> push{*this, "push", L0};
  Signal<Vec<16>> push_data{*this, "push_data", Vec<16>::zeros()};
  Signal<Logic> pop{*this, "pop", L0};
  Signal<Vec<16>> pop_data{*this, "pop_data"};
  Signal<Logic> full{*this, "full"};
  Signal<Logic> empty{*this, "empty"};
  Signal<Vec<3>> count{*this, "count"};
  ClockGenerator clock{*this, "clock", 10_ns};
  ResetGenerator reset{*this, "reset", 2};
  // Between pushes the producer leaves push_data X; the model gets zeros there.
  rtl::Fifo fifo{*this, "fifo", {.port_unknown_bits = {{"push_data", UnknownBitPolicy::zeros()}}}};

  explicit FifoTop(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    reset.clk(clk);
    reset.rst(rst);
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
};

// Each side is one thread that alone drives its signals (one driver per signal).
void produce(FifoTop& top, std::deque<std::uint64_t>& sent, std::mt19937& random) {
  wait(top.rst.negedge());
  for (std::uint64_t word = 0; word < words_to_send;) {
    const bool pushing = random() % 100 < 60 && top.full.read() == L0;
    top.push.write(pushing ? L1 : L0);
    top.push_data.write(pushing ? Vec<16>(word % 65536) : Vec<16>::xs());
    if (pushing) sent.push_back(word++ % 65536);
    next_cycle(top.clk);
  }
  top.push.write(L0);
}

void consume(FifoTop& top, std::deque<std::uint64_t>& sent, std::mt19937& random) {
  wait(top.rst.negedge());
  for (int received = 0; received < words_to_send;) {
    const bool popping = random() % 100 < 55 && top.empty.read() == L0;
    top.pop.write(popping ? L1 : L0);
    if (popping) {
      expect_equal(top.pop_data.read(), Vec<16>(sent.front()), fmt::format("word {}", received));
      sent.pop_front();
      ++received;
    }
    next_cycle(top.clk);
  }
  top.pop.write(L0);
}

void test_fifo(FifoTop& top) {
  std::mt19937 producer_random(1), consumer_random(2);
  std::deque<std::uint64_t> sent;  // pushed and not yet popped, oldest first
  ThreadHandle producer = spawn("producer", [&] { produce(top, sent, producer_random); });
  ThreadHandle consumer = spawn("consumer", [&] { consume(top, sent, consumer_random); });
  wait(top.rst.negedge());
  expect_equal(top.empty.read(), L1, "empty after reset");
  producer.join();
  consumer.join();
  next_cycle(top.clk);
  expect_equal(top.count.read(), Vec<3>(0), "count after draining");
}

}  // namespace

int main(int argc, char** argv) {
  tetra::Simulation sim;
  FifoTop top(sim);
  return tetra::testbench::run_testbench(sim, "fifo_rtl_tb", argc, argv, [&] { test_fifo(top); });
}
