#pragma once
// What the FIFO testbenches share (fifo_tb on sim/lib's Fifo, fifo_rtl_tb on its
// Verilated twin): the top level around the FIFO, and the traffic: a producer thread
// pushes 0, 1, 2, ... whenever it wants to and the FIFO is not full; a consumer thread
// pops whenever it wants to and the FIFO is not empty, and checks every word against
// what was sent. Their choices come from the test's random source (the runner's --seed).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/thread.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/values/format.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/random.hpp"

namespace tetra::testbench {

/// The top level "top": a FIFO module of type F ("top.fifo") with N-bit words and a
/// C-bit count, a 10 ns clock, two cycles of reset, and the signals the testbench drives
/// and watches.
template <class F, std::size_t N, std::size_t C>
class FifoTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> push{*this, "push"};
  Signal<Vec<N>> push_data{*this, "push_data"};
  Signal<Logic> pop{*this, "pop"};
  Signal<Vec<N>> pop_data{*this, "pop_data"};
  Signal<Logic> full{*this, "full"};
  Signal<Logic> empty{*this, "empty"};
  Signal<Vec<C>> count{*this, "count"};
  static constexpr Duration clock_period = Duration::femtoseconds(10'000'000);  // 10 ns
  ClockGenerator clock{*this, "clock", clock_period};
  ResetGenerator reset{*this, "reset", 2};
  F fifo;

  /// The top level in `parent`; the FIFO is built with `fifo_arguments` after its parent
  /// and its name.
  template <class... FifoArguments>
  explicit FifoTop(Scope& parent, FifoArguments&&... fifo_arguments)
      : Module(parent, "top"), fifo(*this, "fifo", std::forward<FifoArguments>(fifo_arguments)...) {
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

/// Sends `words` words through the FIFO of `top`, whose signals clk, rst, push,
/// push_data, pop, pop_data, full, empty and count the testbench drives and watches;
/// throws at the first wrong word or state. Call from a testbench thread.
template <class Top>
void test_fifo_traffic(Top& top, std::uint64_t words) {
  using Word = std::remove_cvref_t<decltype(top.push_data.read())>;
  using Count = std::remove_cvref_t<decltype(top.count.read())>;
  constexpr std::uint64_t word_values = std::uint64_t{1} << Word::width;
  std::deque<std::uint64_t> sent;  // pushed and not yet popped, oldest first
  // Each side is one thread that alone drives its signals (one driver per signal).
  ThreadHandle producer = spawn("producer", [&] {
    Random& random = test_random();
    top.push.write(L0);
    wait(top.rst.negedge());
    for (std::uint64_t word = 0; word < words;) {
      const bool pushing = random.chance(0.60) && top.full.read() == L0;
      top.push.write(pushing ? L1 : L0);
      top.push_data.write(pushing ? Word(word % word_values) : Word::xs());
      if (pushing) sent.push_back(word++ % word_values);
      next_cycle(top.clk);
    }
    top.push.write(L0);
  });
  ThreadHandle consumer = spawn("consumer", [&] {
    Random& random = test_random();
    top.pop.write(L0);
    wait(top.rst.negedge());
    for (std::uint64_t received = 0; received < words;) {
      const bool popping = random.chance(0.55) && top.empty.read() == L0;
      top.pop.write(popping ? L1 : L0);
      if (popping) {
        expect_equal(top.pop_data.read(), Word(sent.front()), fmt::format("word {}", received));
        sent.pop_front();
        ++received;
      }
      next_cycle(top.clk);
    }
    top.pop.write(L0);
  });
  wait(top.rst.negedge());
  expect_equal(top.empty.read(), L1, "empty after reset");
  producer.join();
  consumer.join();
  expect_equal(top.count.read(), Count(0), "count after draining");
}

}  // namespace tetra::testbench
