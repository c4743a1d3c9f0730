// Where an X came from: a process that rejects an unknown value names, after the reason,
// the signal and the time at which that X entered, followed back through ports,
// registers and combinational methods (sim/kernel/unknown_origin.hpp).
#include <gtest/gtest.h>

#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/known_input.hpp"
#include "sim/module/port.hpp"
#include "sim/values/vec.hpp"
#include "tests/support/expect_error.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;
using Word = Vec<4>;

// out = in, combinationally.
class Buffer : public Module {
public:
  In<Word> in{*this, "in"};
  Out<Word> out{*this, "out"};
  Buffer(Scope& parent, std::string_view name) : Module(parent, name) {
    method("copy", [this] { out.write(in.read()); }).sensitive(in);
  }
};

// q takes d at each rising edge of clk.
class Register : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Word> d{*this, "d"};
  Out<Word> q{*this, "q"};
  Register(Scope& parent, std::string_view name) : Module(parent, name) {
    method("latch", [this] { q.write(d.read()); }).sensitive(clk.posedge());
  }
};

// Adds value to a total at each rising edge: an unknown value is an error.
class Accumulator : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Word> value{*this, "value"};
  std::uint64_t total = 0;
  Accumulator(Scope& parent, std::string_view name) : Module(parent, name) {
    method("accumulate", [this] { total += known_uint(value); }).sensitive(clk.posedge());
  }
};

// source -> buffer -> buffered -> stage (a register) -> staged -> accumulator, on a 10 ns
// clock rising at 5, 15, 25, 35 ns.
class Pipeline : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Word> source{*this, "source", Word(3)};
  Signal<Word> buffered{*this, "buffered", Word(0)};
  Signal<Word> staged{*this, "staged", Word(0)};
  ClockGenerator clock{*this, "clock", 10_ns};
  Buffer buffer{*this, "buffer"};
  Register stage{*this, "stage"};
  Accumulator accumulator{*this, "accumulator"};

  explicit Pipeline(Scope& parent) : Module(parent, "top") {
    clock.clk(clk);
    buffer.in(source);
    buffer.out(buffered);
    stage.clk(clk);
    stage.d(buffered);
    stage.q(staged);
    accumulator.clk(clk);
    accumulator.value(staged);
  }
};

TEST(UnknownOrigin, NamesTheSignalAndTimeWhereTheXEnteredTheCone) {
  Simulation sim;
  Pipeline top(sim);
  top.thread("stimulus", [&] {
    wait(22_ns);
    top.source.write(Word::xs());
  });
  // The X enters at 22 ns, is registered at the edge at 25 ns and used at the one at 35 ns.
  testing::expect_error<ProcessError>(
      [&] { sim.run(100_ns); },
      "at 35 ns in top.accumulator.accumulate: cannot convert 4'bxxxx to top.accumulator.value: it has unknown "
      "bits; the X entered at 22 ns on top.source (4'bxxxx, written by the thread top.stimulus), then reached "
      "top.buffered at 22 ns, top.staged at 25 ns");
}

TEST(UnknownOrigin, SaysWhereTheTrailEnds) {
  // A signal that no process writes keeps its initial X.
  {
    Simulation sim;
    Pipeline top(sim);
    Signal<Word> undriven(top, "undriven");
    Register idle(top, "idle");
    idle.clk(top.clk);
    idle.d(undriven);
    Signal<Word> idle_q(top, "idle_q", Word(0));
    idle.q(idle_q);
    Accumulator user(top, "user");
    user.clk(top.clk);
    user.value(idle_q);
    testing::expect_error<ProcessError>(
        [&] { sim.run(100_ns); },
        "at 15 ns in top.user.accumulate: cannot convert 4'bxxxx to top.user.value: it has unknown bits; the X "
        "entered at 0 s on top.undriven (4'bxxxx, no process drives it), then reached top.idle_q at 5 ns");
  }
  // A method that makes X from known inputs is where the X entered.
  {
    Simulation sim;
    Pipeline top(sim);
    top.thread("stimulus", [&] {
      wait(12_ns);
      top.source.write(Word(9));
    });
    class Decoder : public Module {
    public:
      In<Word> code{*this, "code"};
      Out<Word> decoded{*this, "decoded"};
      explicit Decoder(Scope& parent) : Module(parent, "decoder") {
        method("decode", [this] { decoded.write(code.read() == Word(9) ? Word::xs() : code.read()); }).sensitive(code);
      }
    } decoder(top);
    Signal<Word> decoded(top, "decoded", Word(0));
    decoder.code(top.source);
    decoder.decoded(decoded);
    Accumulator user(top, "user");
    user.clk(top.clk);
    user.value(decoded);
    testing::expect_error<ProcessError>(
        [&] { sim.run(100_ns); },
        "at 15 ns in top.user.accumulate: cannot convert 4'bxxxx to top.user.value: it has unknown bits; the X "
        "entered at 12 ns on top.decoded (4'bxxxx, made unknown by top.decoder.decode from known inputs)");
  }
  // A thread's inputs are not known: the message says so.
  {
    Simulation sim;
    Pipeline top(sim);
    top.thread("checker", [&] {
      wait(1_ns);
      top.source.write(Word::xs());
      wait(1_ns);
      [[maybe_unused]] const std::uint64_t value = top.source.read().to_uint64();
    });
    testing::expect_error<ProcessError>(
        [&] { sim.run(100_ns); },
        "at 2 ns in top.checker: cannot convert 4'bxxxx to an integer: it has unknown bits; where the X came from "
        "is not followed from a thread, whose inputs the kernel does not know");
  }
}

}  // namespace
}  // namespace tetra
