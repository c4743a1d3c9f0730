// The lockstep comparator on two Tetra implementations of a counter, one of which can
// be made to differ at a chosen cycle, or to leave bits unknown.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "sim/cosim/errors.hpp"
#include "sim/cosim/lockstep_comparator.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

/// An 8-bit counter of rising edges. `corrupt_at` flips bit 0 of the value written at
/// that edge (counting from 0); `unknown_until` writes X until that edge; `delay_output`
/// passes the count through one more delta cycle, as a bridged model does.
class Counter : public Module {
public:
  In<Logic> clk{*this, "clk"};
  Out<Vec<8>> count{*this, "count"};

  struct Options {
    std::optional<std::uint64_t> corrupt_at{};
    std::uint64_t unknown_until = 0;
    bool delay_output = false;
  };

  Counter(Scope& parent, std::string_view name, Options options) : Module(parent, name), options_(options) {
    method("tick", [this] {
      const std::uint64_t edge = edges_++;
      Vec<8> value(edge % 256);
      if (options_.corrupt_at == edge) value = value ^ Vec<8>(1);
      if (edge < options_.unknown_until) value = Vec<8>::xs();
      if (options_.delay_output) {
        internal_.write(value);
      } else {
        count.write(value);
      }
    }).sensitive(clk.posedge());
    if (options_.delay_output) method("relay", [this] { count.write(internal_.read()); }).sensitive(internal_);
  }

private:
  Options options_;
  std::uint64_t edges_ = 0;
  Signal<Vec<8>> internal_{*this, "internal"};
};

/// A reference counter and a candidate, compared by a lockstep comparator.
struct LockstepBench {
  Simulation sim;
  ClockGenerator clock{sim, "clock", 10_ns};  // rising edges at 5, 15, 25, ... ns
  Signal<Logic> clk{sim, "clk"};
  Signal<Vec<8>> reference_count{sim, "reference_count"};
  Signal<Vec<8>> candidate_count{sim, "candidate_count"};
  Counter reference;
  Counter candidate;
  LockstepComparator lockstep;

  LockstepBench(Counter::Options candidate_options, LockstepOptions options, Counter::Options reference_options = {})
      : reference(sim, "reference", reference_options),
        candidate(sim, "candidate", candidate_options),
        lockstep(sim, "lockstep", std::move(options)) {
    clock.clk(clk);
    reference.clk(clk);
    reference.count(reference_count);
    candidate.clk(clk);
    candidate.count(candidate_count);
    lockstep.clk(clk);
    lockstep.compare(reference.count, candidate.count);  // ports: read through their signals
  }
};

TEST(LockstepComparator, EqualImplementationsDoNotDivergeWhateverTheirDeltaCycles) {
  LockstepBench bench({.delay_output = true}, {});
  bench.sim.run(10_us);
  EXPECT_EQ(bench.lockstep.summary().cycles, 1000u);
  EXPECT_EQ(bench.lockstep.summary().divergences, 0u);
  EXPECT_EQ(bench.lockstep.summary().to_string(), "1000 cycles, 1 signal pairs: 0 divergences, 0 resolved by RTL");
}

TEST(LockstepComparator, StopsAtTheCycleOfTheFirstDifferenceWithAReport) {
  LockstepBench bench({.corrupt_at = 5, .delay_output = true}, {.history = 3});
  try {
    bench.sim.run(10_us);
    FAIL() << "expected a DivergenceError";
  } catch (const DivergenceError& error) {
    EXPECT_EQ(error.time(), 55_ns);  // the edge of cycle 5
    EXPECT_EQ(error.path(), "candidate.count");
    EXPECT_EQ(error.reason(),
              "lockstep lockstep: cycle 5 (at 55 ns): known bits differ\n"
              "  tetra reference.count = 8'h05\n"
              "  rtl   candidate.count = 8'h04\n"
              "the last 3 cycles, oldest first:\n"
              "  cycle                      3      4      5\n"
              "  tetra reference.count  8'h03  8'h04  8'h05\n"
              "  rtl   candidate.count  8'h03  8'h04  8'h04  <- differs\n");
  }
  EXPECT_EQ(bench.lockstep.summary().cycles, 6u);
  ASSERT_TRUE(bench.lockstep.summary().first_divergence);
  EXPECT_EQ(bench.lockstep.summary().first_divergence->cycle, 5u);
  EXPECT_EQ(bench.lockstep.summary().first_divergence->candidate_value, "8'h04");
}

TEST(LockstepComparator, CountsDivergencesWhenAskedAndKeepsTheFirstOnes) {
  LockstepBench bench({.corrupt_at = 7}, {.on_divergence = OnDivergence::count, .kept_divergences = 1});
  bench.sim.run(1_us);
  const LockstepSummary& summary = bench.lockstep.summary();
  EXPECT_EQ(summary.cycles, 100u);
  EXPECT_EQ(summary.divergences, 1u);
  EXPECT_EQ(summary.to_string(),
            "100 cycles, 1 signal pairs: 1 divergences (first at cycle 7: candidate.count), 0 resolved by RTL");
  ASSERT_EQ(bench.lockstep.divergences().size(), 1u);
  EXPECT_EQ(bench.lockstep.divergences()[0].kind, Divergence::Kind::mismatch);
}

TEST(LockstepComparator, CountingKeepsOnlyAsManyReportsAsAsked) {
  // Unknown reference bits against known ones, as errors: every one of the first 4 cycles.
  LockstepBench bench({}, {.on_divergence = OnDivergence::count, .kept_divergences = 2}, {.unknown_until = 4});
  bench.sim.run(100_ns);
  EXPECT_EQ(bench.lockstep.summary().divergences, 4u);
  EXPECT_EQ(bench.lockstep.divergences().size(), 2u);
  EXPECT_EQ(bench.lockstep.divergences()[1].cycle, 1u);
}

TEST(LockstepComparator, UnknownReferenceBitsMadeKnownByTheRtlAreAnErrorByDefault) {
  LockstepBench bench({}, {}, {.unknown_until = 2});
  try {
    bench.sim.run(1_us);
    FAIL() << "expected a DivergenceError";
  } catch (const DivergenceError& error) {
    EXPECT_EQ(error.time(), 5_ns);
    EXPECT_NE(error.reason().find("cycle 0 (at 5 ns): bits X or Z in the reference are known in the RTL\n"
                                  "  tetra reference.count = 8'bxxxxxxxx\n"
                                  "  rtl   candidate.count = 8'h00\n"),
              std::string::npos)
        << error.reason();
  }
}

TEST(LockstepComparator, UnknownReferenceBitsMadeKnownByTheRtlCanBeNotes) {
  LockstepBench bench({}, {.resolved_by_rtl = ResolvedByRtl::note}, {.unknown_until = 2});
  bench.sim.run(1_us);
  const LockstepSummary& summary = bench.lockstep.summary();
  EXPECT_EQ(summary.divergences, 0u);
  EXPECT_EQ(summary.resolved_by_rtl, 2u);
  ASSERT_TRUE(summary.first_resolved_by_rtl);
  EXPECT_EQ(summary.first_resolved_by_rtl->kind, Divergence::Kind::resolved_by_rtl);
  EXPECT_EQ(summary.to_string(),
            "100 cycles, 1 signal pairs: 0 divergences, 2 resolved by RTL (first at cycle 0: candidate.count)");
}

TEST(LockstepComparator, AKnownReferenceAgainstAnUnknownCandidateIsAMismatch) {
  // Notes are only for the reference's unknown bits: here the candidate is the unknown one.
  LockstepBench bench({.unknown_until = 1}, {.resolved_by_rtl = ResolvedByRtl::note});
  try {
    bench.sim.run(1_us);
    FAIL() << "expected a DivergenceError";
  } catch (const DivergenceError& error) {
    EXPECT_NE(error.reason().find("cycle 0 (at 5 ns): known bits differ"), std::string::npos) << error.reason();
  }
}

template <class A, class B>
concept Comparable = requires(LockstepComparator& lockstep, const A& a, const B& b) { lockstep.compare(a, b); };

TEST(LockstepComparator, PairsCompareOnlyOneValueType) {
  static_assert(Comparable<Signal<Vec<8>>, Signal<Vec<8>>>);
  static_assert(Comparable<Out<Vec<8>>, In<Vec<8>>>);
  static_assert(!Comparable<Signal<Vec<8>>, Signal<Vec<9>>>);  // a width mismatch does not compile
  static_assert(!Comparable<Signal<Logic>, Signal<Vec<1>>>);
}

}  // namespace
}  // namespace tetra::test
