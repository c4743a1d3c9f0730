#include "sim/module/port.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {

template <std::size_t Width>
class Inverter : public Module {
public:
  In<Vec<Width>> a{*this, "a"};
  Out<Vec<Width>> y{*this, "y"};
  Inverter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("invert", [this] { y.write(~a.read()); }).sensitive(a);
  }
};

// Passes its ports down to a child: port-to-port binding through the hierarchy.
class Wrapper : public Module {
public:
  In<Vec<4>> a{*this, "a"};
  Out<Vec<4>> y{*this, "y"};
  Inverter<4> inner{*this, "inner"};
  Wrapper(Scope& parent, std::string_view name) : Module(parent, name) {
    inner.a(a);
    inner.y(y);
  }
};

class BusUser : public Module {
public:
  InOut<Logic> line{*this, "line"};
  In<Logic> enable{*this, "enable"};
  Logic drive_value;
  BusUser(Scope& parent, std::string_view name, Logic value) : Module(parent, name), drive_value(value) {
    method("drive", [this] {
      if (enable.read() == L1) {
        line.write(drive_value);
      } else {
        line.release();
      }
    }).sensitive(enable);
  }
};

template <class Port, class Target>
concept BindableTo = requires(Port& port, Target& target) { port.bind(target); };

std::string elaboration_error(Simulation& sim) {
  try {
    sim.elaborate();
  } catch (const ElaborationError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST(Port, BindingChecksTypeAndWidthAtCompileTime) {
  static_assert(BindableTo<In<Vec<8>>, Signal<Vec<8>>>);
  static_assert(!BindableTo<In<Vec<8>>, Signal<Vec<9>>>);
  static_assert(!BindableTo<In<Vec<1>>, Signal<Logic>>);
  static_assert(BindableTo<In<Logic>, Wire<Logic>>);
  static_assert(!BindableTo<Out<Vec<8>>, Signal<Vec<7>>>);
  static_assert(!BindableTo<Out<Logic>, Wire<Logic>>);  // a wire needs an InOut
  static_assert(!BindableTo<InOut<Logic>, Signal<Logic>>);
  static_assert(!BindableTo<In<Vec<4>>, In<Vec<5>>>);
}

TEST(Port, ReadsAndWritesThroughBoundSignals) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a", Vec<4>(5)), y(sim, "y");
  Inverter<4> inv(sim, "inv");
  inv.a(a);
  inv.y(y);
  sim.run();
  EXPECT_EQ(y.read(), Vec<4>(10));
  EXPECT_EQ(&inv.y.signal(), &y);
  EXPECT_EQ(inv.a.bound_signal(), &a);
}

TEST(Port, BindsThroughParentPorts) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a", Vec<4>(3)), y(sim, "y");
  Wrapper wrapper(sim, "wrapper");
  wrapper.a(a);
  wrapper.y(y);
  sim.run();
  EXPECT_EQ(y.read(), Vec<4>(12));
  EXPECT_EQ(wrapper.inner.a.bound_signal(), &a);
  EXPECT_EQ(y.driver_object(), &wrapper.y);  // the outermost port drives the signal
}

TEST(Port, UnboundPortFailsAtElaborationWithItsPath) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a");
  Wrapper wrapper(sim, "wrapper");
  wrapper.a(a);
  EXPECT_EQ(elaboration_error(sim), "port wrapper.y is not bound");
}

TEST(Port, DoublyBoundPortFailsAtElaborationWithBothTargets) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a"), b(sim, "b"), y(sim, "y");
  Inverter<4> inv(sim, "inv");
  inv.a(a);
  inv.a(b);
  inv.y(y);
  EXPECT_EQ(elaboration_error(sim), "port inv.a is bound twice: to a and to b");
}

TEST(Port, TiedInputReadsItsConstantWithoutASignalOfTheCaller) {
  Simulation sim;
  Signal<Vec<4>> y(sim, "y");
  Inverter<4> inv(sim, "inv");
  inv.a.tie(Vec<4>(5));
  inv.y(y);
  sim.run();
  EXPECT_EQ(y.read(), Vec<4>(10));
  EXPECT_EQ(inv.a.bound_signal()->path(), "inv.a_tie");
}

TEST(Port, TiedInputBoundAgainFailsAtElaboration) {
  Simulation sim;
  Signal<Vec<4>> b(sim, "b"), y(sim, "y");
  Inverter<4> inv(sim, "inv");
  inv.a.tie(Vec<4>(5));
  EXPECT_THROW(inv.a.tie(Vec<4>(6)), ElaborationError);
  inv.a(b);
  inv.y(y);
  EXPECT_EQ(elaboration_error(sim), "port inv.a is bound twice: to inv.a_tie and to b");
}

TEST(Port, TwoOutputsOnOneSignalFailWithBothDrivers) {
  Simulation sim;
  Signal<Vec<4>> a(sim, "a"), y(sim, "y");
  Inverter<4> first(sim, "first"), second(sim, "second");
  first.a(a);
  second.a(a);
  first.y(y);
  second.y(y);
  EXPECT_EQ(elaboration_error(sim), "signal y has two drivers: first.y and second.y");
}

TEST(Port, InOutPortsShareAResolvedWire) {
  Simulation sim;
  Wire<Logic> line(sim, "line");
  Signal<Logic> enable_a(sim, "enable_a", L1), enable_b(sim, "enable_b", L0);
  BusUser a(sim, "a", L1), b(sim, "b", L0);
  a.line(line);
  b.line(line);
  a.enable(enable_a);
  b.enable(enable_b);
  sim.thread("stimulus", [&] {
    wait(1_ns);
    EXPECT_EQ(line.read(), L1);  // only a drives
    enable_b.write(L1);
    wait(1_ns);
    EXPECT_EQ(line.read(), LX);  // a drives 1, b drives 0
    enable_a.write(L0);
    wait(1_ns);
    EXPECT_EQ(line.read(), L0);  // only b drives
  });
  sim.run();
  EXPECT_EQ(line.driver_count(), 2u);
}

TEST(Port, SensitivityToAnUnboundPortIsResolvedAtElaboration) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  class Flop : public Module {
  public:
    In<Logic> clk{*this, "clk"};
    int edges = 0;
    explicit Flop(Scope& parent) : Module(parent, "flop") {
      method("tick", [this] { ++edges; }).sensitive(clk.posedge());
    }
  } flop(sim);
  flop.clk(clk);  // bound after the process declared its sensitivity
  sim.thread("clock", [&] {
    for (int i = 0; i < 6; ++i) {
      wait(1_ns);
      clk.write(~clk.read());
    }
  });
  sim.run();
  EXPECT_EQ(flop.edges, 3);
}
