// A small FSM, a Moore detector of the overlapping bit sequence 1101, checked against a
// shift-register reference on a random bit stream (the runner's --seed). The runner's
// command line: fsm_tb --help (docs/testbench.md).
#include <cstdint>

#include <fmt/format.h>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/trace/value_names.hpp"
#include "sim/values/compare.hpp"
#include "sim/values/format.hpp"
#include "sim/values/packed_enum.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/runner.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using testbench::expect_equal;
using testbench::next_cycle;

// How much of 1101 the latest input bits match; the trace shows these names.
TETRA_PACKED_ENUM(DetectorState, 3, Idle, Got1, Got11, Got110, Got1101);

/// Raises `found` for one cycle after the input bits 1, 1, 0, 1 in a row (overlaps count).
class SequenceDetector : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  In<Logic> in{*this, "in"};
  Out<Logic> found{*this, "found"};

  explicit SequenceDetector(Scope& parent) : Module(parent, "detector") {
    method("next_state", [this] { state_.write(next_state()); }).sensitive(clk.posedge());
    method("output", [this] {
      found.write(eq(state_.read().bits(), DetectorState(DetectorState::Got1101).bits()));
    }).sensitive(state_);
  }

private:
  DetectorState next_state() const {
    const Logic reset = rst.read();
    if (reset == L1) return DetectorState::Idle;
    // An unknown reset, input or state leaves the detector in an unknown state.
    if (!reset.is_known() || !in.read().is_known() || !state_.read().is_known()) return DetectorState{};
    const bool one = in.read() == L1;
    switch (state_.read().bits().to_uint64()) {
      case DetectorState::Idle: return one ? DetectorState::Got1 : DetectorState::Idle;
      case DetectorState::Got1: return one ? DetectorState::Got11 : DetectorState::Idle;
      case DetectorState::Got11: return one ? DetectorState::Got11 : DetectorState::Got110;
      case DetectorState::Got110: return one ? DetectorState::Got1101 : DetectorState::Idle;
      case DetectorState::Got1101: return one ? DetectorState::Got11 : DetectorState::Idle;
      default: return DetectorState{};  // the unused encodings 5..7
    }
  }

  Signal<DetectorState> state_{*this, "state"};
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
  testbench::Random& random = testbench::test_random();
  top.in.write(L0);
  wait(top.rst.negedge());
  expect_equal(top.found.read(), L0, "found after reset");
  unsigned last_bits = 0;  // the reference: the latest four input bits
  int detections = 0;
  for (int cycle = 0; cycle < 5000; ++cycle) {
    const bool bit = random.chance(0.5);
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
  tetra::trace_value_names<DetectorState>();
  tetra::testbench::Runner runner("fsm_tb", "A Moore detector of the sequence 1101 against a reference");
  runner.add<FsmTop>("detects_1101", test_detector);
  return runner.main(argc, argv);
}
