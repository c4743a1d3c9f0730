// A small FSM, a Moore detector of the overlapping bit sequence 1101, checked against a
// shift-register reference on a random bit stream.
// Usage: fsm_tb [trace.vcd]   (exit status 0 when every check passes)
#include <cstdint>
#include <random>

#include <fmt/format.h>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/values/compare.hpp"
#include "sim/values/format.hpp"
#include "testbenches/testbench.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using testbench::expect_equal;
using testbench::next_cycle;

/// Raises `found` for one cycle after the input bits 1, 1, 0, 1 in a row (overlaps count).
class SequenceDetector : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> in{*this, "in"};
  Out<Logic> found{*this, "found"};

  // State encodings: how much of 1101 the latest bits match.
  static constexpr std::uint64_t idle = 0, got_1 = 1, got_11 = 2, got_110 = 3, got_1101 = 4;

  explicit SequenceDetector(Scope& parent) : Module(parent, "detector") {
    method("next_state", [this] { state_.write(next_state()); }).sensitive(clk.posedge());
    method("output", [this] { found.write(eq(state_.read(), Vec<3>(got_1101))); }).sensitive(state_);
  }

private:
  Vec<3> next_state() const {
    const Logic reset = rst.read();
    if (reset == L1) return Vec<3>(idle);
    // An unknown reset, input or state leaves the detector in an unknown state.
    if (!reset.is_known() || !in.read().is_known() || !state_.read().is_known()) return Vec<3>::xs();
    const bool one = in.read() == L1;
    switch (state_.read().to_uint64()) {
      case idle: return Vec<3>(one ? got_1 : idle);
      case got_1: return Vec<3>(one ? got_11 : idle);
      case got_11: return Vec<3>(one ? got_11 : got_110);
      case got_110: return Vec<3>(one ? got_1101 : idle);
      case got_1101: return Vec<3>(one ? got_11 : idle);
      default: return Vec<3>::xs();  // the unused encodings 5..7
    }
  }

  Signal<Vec<3>> state_{*this, "state"};
};

/// The detector with its clock, reset and input.
class FsmTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Logic> in{*this, "in"};
  Signal<Logic> found{*this, "found"};
  ClockGenerator clock{*this, "clock", 10_ns};
  ResetGenerator reset{*this, "reset", 2};
  SequenceDetector detector{*this};

  explicit FsmTop(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    reset.clk(clk);
    reset.rst(rst);
    detector.clk(clk);
    detector.rst(rst);
    detector.in(in);
    detector.found(found);
  }
};

void test_detector(FsmTop& top) {
  std::mt19937 random(2024);
  top.in.write(L0);
  wait(top.rst.negedge());
  expect_equal(top.found.read(), L0, "found after reset");
  unsigned last_bits = 0;  // the reference: the latest four input bits
  int detections = 0;
  for (int cycle = 0; cycle < 5000; ++cycle) {
    const bool bit = random() % 2 == 1;
    top.in.write(bit ? L1 : L0);
    next_cycle(top.clk);
    last_bits = ((last_bits << 1) | (bit ? 1u : 0u)) & 0xFu;
    const bool expected = cycle >= 3 && last_bits == 0b1101;
    expect_equal(top.found.read(), expected ? L1 : L0, fmt::format("found after input bit {}", cycle));
    detections += expected;
  }
  if (detections < 100) throw std::runtime_error(fmt::format("only {} detections: the stimulus is too weak", detections));
}

}  // namespace

int main(int argc, char** argv) {
  tetra::Simulation sim;
  FsmTop top(sim);
  return tetra::testbench::run_testbench(sim, "fsm_tb", argc, argv, [&] { test_detector(top); });
}
