// The performance counters are 64-bit registers: driven through their ports past 2^32,
// they count on where 32-bit registers would wrap.
#include "accel/performance_counters.hpp"

#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace tetra::accel {
namespace {

using namespace tetra::literals;

TEST(PerformanceCounters, CountPast2To32WithoutWrapping) {
  // Each edge ends an iteration that drafted 255 tokens (the largest count the port
  // carries), accepted 254 and emitted 255: the token counters pass 2^32 after
  // 2^32 / 255 edges.
  constexpr std::uint64_t kEdges = (std::uint64_t{1} << 32) / 255 + 1;
  Simulation sim;
  ClockGenerator clock(sim, "clock", 2_ns);
  Signal<Logic> clk{sim, "clk"}, rst{sim, "rst"}, clear{sim, "clear"}, counting{sim, "counting"};
  Signal<Logic> drafting{sim, "drafting"}, verifying{sim, "verifying"};
  Signal<Logic> output_blocked{sim, "output_blocked"}, draft_stalled{sim, "draft_stalled"};
  Signal<Logic> target_stalled{sim, "target_stalled"}, iteration_done{sim, "iteration_done"};
  Signal<PositionIndex> iteration_drafted{sim, "iteration_drafted"};
  Signal<PositionIndex> iteration_accepted{sim, "iteration_accepted"};
  Signal<PositionIndex> iteration_emitted{sim, "iteration_emitted"};
  PerformanceCounters counters(sim, "counters");
  clock.clk(clk);
  counters.clk(clk);
  counters.rst(rst);
  counters.clear(clear);
  counters.counting(counting);
  counters.drafting(drafting);
  counters.verifying(verifying);
  counters.output_blocked(output_blocked);
  counters.draft_stalled(draft_stalled);
  counters.target_stalled(target_stalled);
  counters.iteration_done(iteration_done);
  counters.iteration_drafted(iteration_drafted);
  counters.iteration_accepted(iteration_accepted);
  counters.iteration_emitted(iteration_emitted);
  // Each counter drives a signal named after it; the checks read the ports.
  std::deque<Signal<CounterValue>> outputs;
  for (Out<CounterValue>* port :
       {&counters.cycles, &counters.draft_cycles, &counters.verify_cycles, &counters.stall_cycles,
        &counters.iterations, &counters.drafted, &counters.accepted, &counters.emitted,
        &counters.rejections}) {
    port->bind(outputs.emplace_back(sim, port->name()));
  }

  for (Signal<Logic>* low : {&clear, &verifying, &output_blocked, &draft_stalled}) {
    low->write(L0);
  }
  for (Signal<Logic>* high : {&counting, &drafting, &target_stalled, &iteration_done}) {
    high->write(L1);
  }
  iteration_drafted.write(PositionIndex(255));
  iteration_accepted.write(PositionIndex(254));
  iteration_emitted.write(PositionIndex(255));
  rst.write(L1);
  sim.thread("release_reset", [&] {
    wait(clk.posedge());
    rst.write(L0);
  });
  // The reset edge at 1 ns, then kEdges counting edges, the last at (2 kEdges + 1) ns.
  sim.run(2_ns * static_cast<std::int64_t>(kEdges) + 2_ns);

  EXPECT_EQ(counters.cycles.read().to_uint64(), kEdges);
  EXPECT_EQ(counters.draft_cycles.read().to_uint64(), kEdges);
  EXPECT_EQ(counters.verify_cycles.read().to_uint64(), 0u);
  EXPECT_EQ(counters.stall_cycles.read().to_uint64(), kEdges);
  EXPECT_EQ(counters.iterations.read().to_uint64(), kEdges);
  EXPECT_EQ(counters.rejections.read().to_uint64(), kEdges);
  EXPECT_EQ(counters.drafted.read().to_uint64(), 255 * kEdges);
  EXPECT_EQ(counters.accepted.read().to_uint64(), 254 * kEdges);
  EXPECT_EQ(counters.emitted.read().to_uint64(), 255 * kEdges);
}

}  // namespace
}  // namespace tetra::accel
