#include "sim/kernel/signal.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/wire.hpp"
#include "sim/values/array.hpp"
#include "sim/values/packed_enum.hpp"
#include "sim/values/packed_struct.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {
TETRA_PACKED_ENUM(Phase, 2, Idle, Fetch, Execute);

struct Request {
  Vec<8> data;
  Logic valid;
  Phase phase;
  TETRA_PACKED_FIELDS(Request, data, valid, phase)
};
// The DriverConflictError that ends sim's run, if it ends with one.
std::optional<DriverConflictError> run_to_driver_conflict(Simulation& sim) {
  try {
    sim.run();
  } catch (const DriverConflictError& error) {
    return error;
  }
  return std::nullopt;
}
}  // namespace

TEST(Signal, InitialValueIsAllXUnlessGiven) {
  Simulation sim;
  Signal<Vec<4>> unknown(sim, "unknown");
  Signal<Vec<4>> given(sim, "given", Vec<4>(5));
  Signal<Logic> bit(sim, "bit");
  EXPECT_EQ(unknown.read(), Vec<4>::xs());
  EXPECT_EQ(given.read(), Vec<4>(5));
  EXPECT_EQ(bit.read(), LX);
}

TEST(Signal, WriteTakesEffectInTheUpdatePhase) {
  Simulation sim;
  Signal<Vec<8>> s(sim, "s", Vec<8>(1));
  Vec<8> seen_in_same_delta;
  sim.thread("writer", [&] {
    s.write(Vec<8>(2));
    seen_in_same_delta = s.read();
    wait(s.changed());
  });
  sim.run();
  EXPECT_EQ(seen_in_same_delta, Vec<8>(1));
  EXPECT_EQ(s.read(), Vec<8>(2));
  EXPECT_EQ(s.previous(), Vec<8>(1));
}

TEST(Signal, LastWriteInADeltaWins) {
  Simulation sim;
  Signal<Vec<8>> s(sim, "s", Vec<8>(0));
  sim.thread("writer", [&] {
    s.write(Vec<8>(3));
    s.write(Vec<8>(4));
  });
  sim.run();
  EXPECT_EQ(s.read(), Vec<8>(4));
}

TEST(Signal, WritingTheSameValueTriggersNothing) {
  Simulation sim;
  Signal<Vec<8>> s(sim, "s", Vec<8>(7));
  int runs = 0;
  sim.method("watch", [&] { ++runs; }).sensitive(s).run_at_start(false);
  sim.thread("writer", [&] {
    s.write(Vec<8>(7));
    wait(1_ns);
    s.write(Vec<8>(8));
  });
  sim.run();
  EXPECT_EQ(runs, 1);
}

namespace {
// Runs one transition of a one-bit signal and reports which edge events fired.
std::string edges_of(Logic from, Logic to) {
  Simulation sim;
  Signal<Logic> s(sim, "s", from);
  std::string fired;
  sim.method("pos", [&] { fired += "pos"; }).sensitive(s.posedge());
  sim.method("neg", [&] { fired += "neg"; }).sensitive(s.negedge());
  sim.thread("drive", [&] { s.write(to); });
  sim.run();
  return fired;
}
}  // namespace

TEST(Signal, PosedgesFollowIeee1800) {
  EXPECT_EQ(edges_of(L0, L1), "pos");
  EXPECT_EQ(edges_of(L0, LX), "pos");
  EXPECT_EQ(edges_of(L0, LZ), "pos");
  EXPECT_EQ(edges_of(LX, L1), "pos");
  EXPECT_EQ(edges_of(LZ, L1), "pos");
}

TEST(Signal, NegedgesFollowIeee1800) {
  EXPECT_EQ(edges_of(L1, L0), "neg");
  EXPECT_EQ(edges_of(L1, LX), "neg");
  EXPECT_EQ(edges_of(L1, LZ), "neg");
  EXPECT_EQ(edges_of(LX, L0), "neg");
  EXPECT_EQ(edges_of(LZ, L0), "neg");
}

TEST(Signal, UnknownToUnknownIsNoEdge) {
  EXPECT_EQ(edges_of(LX, LZ), "");
  EXPECT_EQ(edges_of(LZ, LX), "");
}

namespace {
template <class S>
concept HasEdges = requires(S& s) {
  s.posedge();
  s.negedge();
};
template <class S, class V>
concept WritableWith = requires(S& s, const V& v) { s.write(v); };
}  // namespace

TEST(Signal, EdgeEventsExistOnlyForOneBitValues) {
  static_assert(HasEdges<Signal<Logic>>);
  static_assert(HasEdges<Signal<Vec<1>>>);
  static_assert(!HasEdges<Signal<Vec<2>>>);
}

TEST(Signal, WriteTakesExactlyTheSignalsType) {
  static_assert(WritableWith<Signal<Vec<8>>, Vec<8>>);
  static_assert(!WritableWith<Signal<Vec<8>>, Vec<9>>);
  static_assert(!WritableWith<Signal<Vec<8>>, Logic>);
  static_assert(!WritableWith<Signal<Vec<8>>, int>);
}

TEST(Signal, SecondDrivingProcessIsAnErrorNamingBoth) {
  Simulation sim;
  Signal<Logic> s(sim, "s", L0);
  sim.thread("first", [&] { s.write(L1); });
  sim.thread("second", [&] {
    wait(1_ns);
    s.write(L0);
  });
  const auto error = run_to_driver_conflict(sim);
  ASSERT_TRUE(error) << "expected a DriverConflictError";
  const std::string message = error->what();
  EXPECT_NE(message.find("second"), std::string::npos) << message;
  EXPECT_NE(message.find("first"), std::string::npos) << message;
  EXPECT_EQ(error->path(), "s");
  EXPECT_EQ(error->time(), 1_ns);
}

TEST(Signal, DeclaredDriverProcessesAreCheckedAtElaboration) {
  Simulation sim;
  Signal<Logic> s(sim, "s");
  const auto first = sim.method("first", [] {});
  const auto second = sim.method("second", [] {});
  s.claim_driver_process(first.id());
  EXPECT_THROW(s.claim_driver_process(second.id()), ElaborationError);
}

TEST(Signal, SetUpCodeMayInitialiseADrivenSignal) {
  Simulation sim;
  Signal<Logic> s(sim, "s", L0);
  sim.thread("driver", [&] { s.write(L1); });
  sim.run(1_ns);
  s.write(L0);  // outside any process, between runs
  sim.run(1_ns);
  EXPECT_EQ(s.read(), L0);
}

// The driver of writes is kept per OS thread; a simulation run from a process of
// another must hand that process its driver back, or its next write would pass for
// set-up code and leave the signal without a driver to conflict with.
TEST(Signal, ARunNestedInAProcessHandsItsDriverBack) {
  Simulation outer;
  Simulation inner;
  Signal<Logic> inner_signal(inner, "inner_signal", L0);
  inner.thread("inner_driver", [&] { inner_signal.write(L1); });
  Signal<Logic> s(outer, "s", L0);
  outer.thread("first", [&] {
    inner.run(1_ns);
    s.write(L1);
  });
  outer.thread("second", [&] {
    wait(1_ns);
    s.write(L0);
  });
  const auto error = run_to_driver_conflict(outer);
  ASSERT_TRUE(error) << "expected a DriverConflictError";
  const std::string message = error->what();
  EXPECT_NE(message.find("second"), std::string::npos) << message;
  EXPECT_NE(message.find("first"), std::string::npos) << message;
  EXPECT_EQ(inner_signal.read(), L1);
}

TEST(Signal, IntrospectionGivesWidthPlanesAndBits) {
  Simulation sim;
  Signal<Vec<70>> wide(sim, "wide", Vec<70>::parse("70'h3F_0000_0000_0000_00x1"));
  EXPECT_EQ(wide.width(), 70u);
  std::vector<std::uint64_t> aval(2), bval(2);
  wide.read_planes(aval, bval);
  EXPECT_EQ(aval[0], 0xF1u);
  EXPECT_EQ(bval[0], 0xF0u);
  EXPECT_EQ(aval[1], 0x3Fu);
  EXPECT_EQ(wide.value_bits().substr(62), "xxxx0001");
}

TEST(Wire, ZYieldsToADrivenValue) {
  Simulation sim;
  Wire<Vec<4>> bus(sim, "bus");
  auto a = bus.add_driver();
  auto b = bus.add_driver();
  sim.thread("drive", [&] {
    a.write(Vec<4>(9));
    b.write(Vec<4>::zs());
  });
  sim.run();
  EXPECT_EQ(bus.read(), Vec<4>(9));
}

TEST(Wire, ConflictingBitsResolveToX) {
  Simulation sim;
  Wire<Vec<4>> bus(sim, "bus");
  auto a = bus.add_driver();
  auto b = bus.add_driver();
  sim.thread("drive", [&] {
    a.write(Vec<4>::parse("4'b1100"));
    b.write(Vec<4>::parse("4'b10z0"));
  });
  sim.run();
  EXPECT_EQ(bus.read(), Vec<4>::parse("4'b1x00"));
}

TEST(Wire, UndrivenAndReleasedWiresReadZ) {
  Simulation sim;
  Wire<Logic> line(sim, "line");
  auto driver = line.add_driver();
  EXPECT_EQ(line.read(), LZ);
  sim.thread("drive", [&] {
    driver.write(L1);
    wait(1_ns);
    driver.release();
  });
  sim.run(500_ps);
  EXPECT_EQ(line.read(), L1);
  sim.run(1_ns);
  EXPECT_EQ(line.read(), LZ);
}

TEST(Signal, ArraysCarryMemories) {
  Simulation sim;
  using Memory = Array<Vec<8>, 4>;
  Signal<Memory> memory(sim, "memory");
  EXPECT_EQ(memory.width(), 32u);
  EXPECT_EQ(memory.read()[2], Vec<8>::xs());
  int changes = 0;
  sim.method("watch", [&] { ++changes; }).sensitive(memory).run_at_start(false);
  sim.thread("writer", [&] {
    Memory contents;
    for (std::size_t i = 0; i < 4; ++i) contents[i] = Vec<8>(0x11 * (i + 1));
    memory.write(contents);
    wait(1_ns);
    contents[3] = Vec<8>::parse("8'b0000_zzxx");
    memory.write(contents);
  });
  sim.run();
  EXPECT_EQ(changes, 2);
  EXPECT_EQ(memory.read()[0], Vec<8>(0x11));
  // Element 0 is the least significant byte of the flattened planes.
  std::vector<std::uint64_t> aval(1), bval(1);
  memory.read_planes(aval, bval);
  EXPECT_EQ(aval[0], 0x03332211u);
  EXPECT_EQ(bval[0], 0x0F000000u);
}

TEST(Wire, ResolvesArraysBitByBit) {
  Simulation sim;
  using Pair = Array<Logic, 2>;
  Wire<Pair> pair(sim, "pair");
  auto a = pair.add_driver();
  auto b = pair.add_driver();
  sim.thread("drive", [&] {
    Pair from_a, from_b;
    from_a[0] = L1;
    from_a[1] = LZ;
    from_b[0] = L0;
    from_b[1] = L0;
    a.write(from_a);
    b.write(from_b);
  });
  sim.run();
  EXPECT_EQ(pair.read()[0], LX);
  EXPECT_EQ(pair.read()[1], L0);
}

TEST(Signal, CarriesPackedEnums) {
  Simulation sim;
  Signal<Phase> phase(sim, "phase");
  EXPECT_EQ(phase.width(), 2u);
  EXPECT_EQ(phase.value_bits(), "xx");
  sim.thread("fsm", [&] {
    phase.write(Phase::Fetch);
    wait(phase.changed());
    phase.write(Phase::Execute);
  });
  sim.run();
  EXPECT_EQ(phase.read(), Phase::Execute);
  EXPECT_EQ(phase.previous(), Phase::Fetch);
  EXPECT_EQ(phase.value_bits(), "10");
}

TEST(Signal, CarriesPackedStructs) {
  Simulation sim;
  Signal<Request> request(sim, "request");
  EXPECT_EQ(request.width(), 11u);
  sim.thread("driver", [&] {
    Request r;
    r.data = Vec<8>(0xA5);
    r.valid = L1;
    r.phase = Phase::Execute;
    request.write(r);
  });
  sim.run();
  EXPECT_EQ(request.read().data, Vec<8>(0xA5));
  EXPECT_EQ(request.value_bits(), "10" "1" "10100101");  // phase, valid, data: first field lowest
}
