// rtl/lib's SystemVerilog twins held cycle for cycle to sim/lib's blocks: both run in one
// simulation on the same random traffic with back-pressure, and a lockstep comparator
// compares every output every cycle. Their only differences are the C++ twins' X (before
// reset, don't-care data), which the RTL resolves: notes, not divergences. A fault
// injected in the RTL is caught at exactly the cycle where it first shows.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>

#include "cosim_fifo_with_fault.hpp"
#include "rtl_fifo.hpp"
#include "rtl_round_robin_arbiter.hpp"
#include "rtl_skid_buffer.hpp"
#include "sim/cosim/errors.hpp"
#include "sim/cosim/lockstep_comparator.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/fifo.hpp"
#include "sim/lib/round_robin_arbiter.hpp"
#include "sim/lib/skid_buffer.hpp"
#include "tests/cosim/random_values.hpp"
#include "tests/lib/clocked_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

constexpr int kCycles = 100'000;      // per block, after the first reset
constexpr int kResetEvery = 9'973;    // a reset in the middle of the traffic, now and then

/// What every twin bench has: the block tests' clock and reset (tests/lib), and a
/// comparator for which the C++ twin's X are notes. The runs are longer than
/// ClockedBench::run() allows: they end when the traffic thread calls finish().
struct TwinBench : ClockedBench {
  LockstepComparator lockstep{sim, "lockstep", {.resolved_by_rtl = ResolvedByRtl::note}};

  TwinBench() { lockstep.clk(clk); }
  /// Runs the traffic, and checks what every run of twins must show: every cycle
  /// compared (the traffic's and the first reset's two), no divergence.
  const LockstepSummary& run_in_lockstep() {
    sim.run();
    const LockstepSummary& summary = lockstep.summary();
    EXPECT_EQ(summary.cycles, static_cast<std::uint64_t>(kCycles) + 2);
    EXPECT_EQ(summary.divergences, 0u) << (summary.first_divergence ? summary.first_divergence->report : "");
    return summary;
  }
  /// From the traffic thread, before the edge of traffic cycle `cycle`: resets the block
  /// at that edge once every kResetEvery cycles, so that the twins also go through resets
  /// in the middle of traffic (full, stalled, granting); returns whether it does.
  bool reset_now_and_then(int cycle) {
    const bool resetting = cycle % kResetEvery == kResetEvery - 1;
    rst.write(resetting ? L1 : L0);
    return resetting;
  }
};

/// The FIFO and its RTL twin (rtl::Fifo, or the faulty one) on shared inputs.
template <class RtlFifo>
struct FifoTwins : TwinBench {
  Signal<Logic> push{sim, "push", L0};
  Signal<Vec<16>> push_data{sim, "push_data"};  // X unless pushing
  Signal<Logic> pop{sim, "pop", L0};
  Signal<Vec<16>> tetra_pop_data{sim, "tetra_pop_data"}, rtl_pop_data{sim, "rtl_pop_data"};
  Signal<Logic> tetra_full{sim, "tetra_full"}, rtl_full{sim, "rtl_full"};
  Signal<Logic> tetra_empty{sim, "tetra_empty"}, rtl_empty{sim, "rtl_empty"};
  Signal<Vec<3>> tetra_count{sim, "tetra_count"}, rtl_count{sim, "rtl_count"};
  Fifo<Vec<16>, 3> tetra{sim, "tetra", 5};
  // The data of a cycle without a push is X: to the RTL, random bits.
  RtlFifo rtl{sim, "rtl", {.port_unknown_bits = {{"push_data", UnknownBitPolicy::random(1)}}}};

  FifoTwins() {
    tetra.clk(clk);
    rtl.clk(clk);
    tetra.rst(rst);
    rtl.rst(rst);
    tetra.push(push);
    rtl.push(push);
    tetra.push_data(push_data);
    rtl.push_data(push_data);
    tetra.pop(pop);
    rtl.pop(pop);
    tetra.pop_data(tetra_pop_data);
    rtl.pop_data(rtl_pop_data);
    tetra.full(tetra_full);
    rtl.full(rtl_full);
    tetra.empty(tetra_empty);
    rtl.empty(rtl_empty);
    tetra.count(tetra_count);
    rtl.count(rtl_count);
    lockstep.compare(tetra.pop_data, rtl.pop_data);
    lockstep.compare(tetra.full, rtl.full);
    lockstep.compare(tetra.empty, rtl.empty);
    lockstep.compare(tetra.count, rtl.count);
  }
};

/// Random pushes and pops in phases of pressure, so that the FIFO fills up and drains,
/// and a reset now and then; `before_edge(pushing, popping, resetting)` learns what the
/// next edge (5 ns later) will do (a reset ignores the push and the pop).
template <class Bench, class BeforeEdge>
void fifo_traffic(Bench& bench, int cycles, BeforeEdge before_edge) {
  std::mt19937_64 random(2024);
  bench.reset();
  for (int cycle = 0; cycle < cycles; ++cycle) {
    const bool filling = (cycle / 200) % 2 == 0;
    const bool pushing = bench.tetra_full.read() == L0 && random() % 100 < (filling ? 70u : 30u);
    const bool popping = bench.tetra_empty.read() == L0 && random() % 100 < (filling ? 30u : 70u);
    bench.push.write(pushing ? L1 : L0);
    bench.pop.write(popping ? L1 : L0);
    bench.push_data.write(pushing ? random_vec<16>(random) : Vec<16>::xs());
    before_edge(pushing, popping, bench.reset_now_and_then(cycle));
    bench.cycle();
  }
  finish();
}

TEST(LibTwins, FifoRunsInLockstepWithItsRtlTwin) {
  FifoTwins<rtl::Fifo> bench;
  int pushes = 0, pops = 0, cycles_full = 0, cycles_empty = 0, resets_with_entries = 0;
  bench.sim.thread("traffic", [&] {
    fifo_traffic(bench, kCycles, [&](bool pushing, bool popping, bool resetting) {
      resets_with_entries += resetting && bench.tetra_empty.read() == L0;
      pushes += pushing && !resetting;
      pops += popping && !resetting;
      cycles_full += bench.tetra_full.read() == L1;
      cycles_empty += bench.tetra_empty.read() == L1;
    });
  });
  const LockstepSummary& summary = bench.run_in_lockstep();
  EXPECT_EQ(summary.signals, 4u);
  EXPECT_GT(summary.resolved_by_rtl, 0u) << "pop_data is X in C++ while the FIFO is empty";
  EXPECT_GT(pushes, kCycles / 4);
  EXPECT_GT(pops, kCycles / 4);
  EXPECT_GT(cycles_full, kCycles / 20);
  EXPECT_GT(cycles_empty, kCycles / 20);
  EXPECT_GT(resets_with_entries, 0);
}

TEST(LibTwins, AFaultInjectedInTheRtlIsCaughtAtTheCycleWhereItFirstShows) {
  // verilog::FifoWithFault stores the word of push 300 (from 0) with bit 0 flipped: the
  // difference shows when that word reaches the head, pushed earlier behind others.
  FifoTwins<verilog::FifoWithFault> bench;
  std::deque<int> model;  // push numbers of the words in the FIFO, oldest first
  int pushes = 0;
  std::optional<Duration> corrupted_pushed_at, corrupted_shows_at;
  bench.sim.thread("traffic", [&] {
    fifo_traffic(bench, kCycles, [&](bool pushing, bool popping, bool resetting) {
      const Duration edge = now() + 5_ns;  // the rising edge about to be taken
      if (resetting) {  // the FIFO empties, and the faulty RTL counts its pushes again
        model.clear();
        pushes = 0;
        return;
      }
      if (popping) model.pop_front();
      if (pushing) {
        if (pushes == 300) corrupted_pushed_at = edge;
        model.push_back(pushes++);
      }
      if (!corrupted_shows_at && !model.empty() && model.front() == 300) corrupted_shows_at = edge;
    });
  });
  try {
    bench.sim.run();
    FAIL() << "expected a DivergenceError";
  } catch (const DivergenceError& error) {
    ASSERT_TRUE(corrupted_shows_at) << error.what();
    EXPECT_LT(*corrupted_pushed_at, *corrupted_shows_at) << "the word waited in the FIFO";
    EXPECT_EQ(error.time(), *corrupted_shows_at);
    EXPECT_EQ(error.path(), "rtl.pop_data");
    const Divergence& divergence = *bench.lockstep.summary().first_divergence;
    EXPECT_EQ(divergence.cycle, static_cast<std::uint64_t>((*corrupted_shows_at - 5_ns).in_femtoseconds() /
                                                           (10_ns).in_femtoseconds()));
    EXPECT_EQ(divergence.kind, Divergence::Kind::mismatch);
  }
}

/// The skid buffer and its RTL twin on shared inputs.
struct SkidTwins : TwinBench {
  Signal<Logic> in_valid{sim, "in_valid", L0};
  Signal<Vec<16>> in_data{sim, "in_data"};  // X unless valid
  Signal<Logic> out_ready{sim, "out_ready", L0};
  Signal<Logic> tetra_in_ready{sim, "tetra_in_ready"}, rtl_in_ready{sim, "rtl_in_ready"};
  Signal<Logic> tetra_out_valid{sim, "tetra_out_valid"}, rtl_out_valid{sim, "rtl_out_valid"};
  Signal<Vec<16>> tetra_out_data{sim, "tetra_out_data"}, rtl_out_data{sim, "rtl_out_data"};
  SkidBuffer<Vec<16>> tetra{sim, "tetra"};
  rtl::SkidBuffer rtl{sim, "rtl", {.port_unknown_bits = {{"in_data", UnknownBitPolicy::random(2)}}}};

  SkidTwins() {
    tetra.clk(clk);
    rtl.clk(clk);
    tetra.rst(rst);
    rtl.rst(rst);
    tetra.in_valid(in_valid);
    rtl.in_valid(in_valid);
    tetra.in_data(in_data);
    rtl.in_data(in_data);
    tetra.out_ready(out_ready);
    rtl.out_ready(out_ready);
    tetra.in_ready(tetra_in_ready);
    rtl.in_ready(rtl_in_ready);
    tetra.out_valid(tetra_out_valid);
    rtl.out_valid(rtl_out_valid);
    tetra.out_data(tetra_out_data);
    rtl.out_data(rtl_out_data);
    lockstep.compare(tetra.in_ready, rtl.in_ready);
    lockstep.compare(tetra.out_valid, rtl.out_valid);
    lockstep.compare(tetra.out_data, rtl.out_data);
  }
};

TEST(LibTwins, SkidBufferRunsInLockstepWithItsRtlTwin) {
  SkidTwins bench;
  int transfers = 0, stalls = 0, resets_holding_words = 0;
  bench.sim.thread("traffic", [&] {
    std::mt19937_64 random(77);
    bench.reset();
    bool valid = false;
    for (int cycle = 0; cycle < kCycles; ++cycle) {
      const bool congested = (cycle / 300) % 2 == 1;
      // A producer keeps its word until it is taken; a consumer stalls at random.
      if (!valid || bench.tetra_in_ready.read() == L1) {
        valid = random() % 100 < 60;
        bench.in_valid.write(valid ? L1 : L0);
        bench.in_data.write(valid ? random_vec<16>(random) : Vec<16>::xs());
      }
      const bool ready = random() % 100 < (congested ? 25u : 80u);
      bench.out_ready.write(ready ? L1 : L0);
      const bool resetting = bench.reset_now_and_then(cycle);
      resets_holding_words += resetting && bench.tetra_out_valid.read() == L1;
      transfers += bench.tetra_out_valid.read() == L1 && ready && !resetting;
      stalls += valid && bench.tetra_in_ready.read() == L0;
      bench.cycle();
    }
    finish();
  });
  const LockstepSummary& summary = bench.run_in_lockstep();
  EXPECT_GT(summary.resolved_by_rtl, 0u) << "out_data is X in C++ while out_valid is 0";
  EXPECT_GT(transfers, kCycles / 4);
  EXPECT_GT(stalls, kCycles / 20) << "back-pressure reached the producer";
  EXPECT_GT(resets_holding_words, 0);
}

/// The round-robin arbiter and its RTL twin on shared inputs.
struct ArbiterTwins : TwinBench {
  Signal<Vec<5>> request{sim, "request", Vec<5>::zeros()};
  Signal<Vec<5>> tetra_grant{sim, "tetra_grant"}, rtl_grant{sim, "rtl_grant"};
  RoundRobinArbiter<5> tetra{sim, "tetra"};
  rtl::RoundRobinArbiter rtl{sim, "rtl"};

  ArbiterTwins() {
    tetra.clk(clk);
    rtl.clk(clk);
    tetra.rst(rst);
    rtl.rst(rst);
    tetra.request(request);
    rtl.request(request);
    tetra.grant(tetra_grant);
    rtl.grant(rtl_grant);
    lockstep.compare(tetra.grant, rtl.grant);
  }
};

TEST(LibTwins, RoundRobinArbiterRunsInLockstepWithItsRtlTwin) {
  ArbiterTwins bench;
  int grants = 0, contended = 0, resets_after_grants = 0;
  bench.sim.thread("traffic", [&] {
    std::mt19937_64 random(5);
    bench.reset();
    std::uint64_t requests = 0;
    for (int cycle = 0; cycle < kCycles; ++cycle) {
      // A requester holds its request until granted, and raises a new one at random.
      const std::uint64_t granted = bench.tetra_grant.read().to_uint64();
      requests &= ~granted;
      requests |= random() & random() & 0x1f;
      bench.request.write(Vec<5>(requests));
      contended += std::popcount(requests) > 1;
      resets_after_grants += bench.reset_now_and_then(cycle) && granted != 0;
      bench.cycle();
      grants += bench.tetra_grant.read() != Vec<5>::zeros();
    }
    finish();
  });
  bench.run_in_lockstep();
  EXPECT_GT(grants, kCycles / 2);
  EXPECT_GT(contended, kCycles / 4);
  EXPECT_GT(resets_after_grants, 0) << "a reset sends the round back to requester 0";
}

}  // namespace
}  // namespace tetra::test
