// Two masters behind sim/lib's round-robin arbiter in front of a memory
// (shared_memory.hpp), on the test runner: a StreamDriver per master sends random reads
// and writes to a few shared addresses, a monitor keeps a reference memory in the order
// the memory serves requests and feeds one scoreboard per master with the words reads
// must return, and assertions check fairness (a waiting master is granted within a
// cycle), stable requests and known handshakes. `+bug=fixed_priority` builds the design
// with its deliberate bug, which starves master 1 under load and the fairness assertion
// reports. The runner's command line: shared_memory_tb --help (docs/testbench.md).
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/lib/clock_generator.hpp"
#include "sim/lib/reset_generator.hpp"
#include "sim/testbench/assertions.hpp"
#include "sim/testbench/coverage.hpp"
#include "sim/testbench/next_cycle.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/runner.hpp"
#include "sim/testbench/scoreboard.hpp"
#include "sim/testbench/stream.hpp"
#include "sim/testbench/test_context.hpp"
#include "sim/values/format.hpp"
#include "testbenches/shared_memory.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::testbench;
using examples::MemoryRequest;
using examples::SharedMemory;
using examples::SharedMemoryBug;

// The bug chosen by +bug=NAME (none without it).
SharedMemoryBug bug_from_plusarg() {
  const std::optional<std::string> name = plusarg("bug");
  if (!name) return SharedMemoryBug::none;
  if (*name == "fixed_priority") return SharedMemoryBug::fixed_priority;
  throw std::invalid_argument("+bug=" + *name + ": the shared memory's bugs are fixed_priority");
}

/// One master's side: its stream, its driver, and the scoreboard of its reads.
struct Master {
  Signal<Logic> valid;
  Signal<MemoryRequest> request;
  Signal<Logic> ready;
  Signal<Logic> resp_valid;
  StreamDriver<MemoryRequest> driver;
  Scoreboard<Vec<16>> reads;

  Master(Module& top, const BasicSignal<Logic>& clk, int index)
      : valid(top, fmt::format("req_valid{}", index), L0),
        request(top, fmt::format("req{}", index)),
        ready(top, fmt::format("req_ready{}", index)),
        resp_valid(top, fmt::format("resp_valid{}", index)),
        driver(clk, valid, request, ready),
        reads(fmt::format("master{}_reads", index)) {}
};

class MemoryTop : public Module {
public:
  Signal<Logic> clk{*this, "clk"};
  Signal<Logic> rst{*this, "rst"};
  Signal<Vec<16>> resp_data{*this, "resp_data"};
  ClockGenerator clock{*this, "clock", 10_ns};
  ResetGenerator reset{*this, "reset", 2};
  std::array<Master, 2> masters{Master(*this, clk, 0), Master(*this, clk, 1)};
  SharedMemory memory;
  std::array<Vec<16>, 64> reference{};  // the memory as the requests served so far left it (all X at first)
  CoverPoint requesters;

  /// The top level; `requesters_goal` is the share of who-requests cases (none, either,
  /// both) the test must see.
  MemoryTop(Scope& parent, double requesters_goal)
      : Module(parent, "top"), memory(*this, "memory", bug_from_plusarg()), requesters("requesters", requesters_goal) {
    clock.clk(clk);
    reset.clk(clk);
    reset.rst(rst);
    memory.clk(clk);
    memory.rst(rst);
    memory.req_valid0(masters[0].valid);
    memory.req0(masters[0].request);
    memory.req_ready0(masters[0].ready);
    memory.req_valid1(masters[1].valid);
    memory.req1(masters[1].request);
    memory.req_ready1(masters[1].ready);
    memory.resp_valid0(masters[0].resp_valid);
    memory.resp_valid1(masters[1].resp_valid);
    memory.resp_data(resp_data);
    requesters.bin("none", 0).bin("master0", 1).bin("master1", 2).bin("both", 3);
  }

  // Starts the reference model and the assertions.
  void start_checks() {
    spawn("reference_model", [this] {
      while (true) {
        wait(clk.posedge());
        if (rst.read() != L0) continue;
        requesters.sample((masters[0].valid.read() == L1 ? 1 : 0) + (masters[1].valid.read() == L1 ? 2 : 0));
        // Responses belong to earlier reads: check them before this edge's requests.
        for (Master& master : masters) {
          if (master.resp_valid.read() == L1) master.reads.observe(resp_data.read());
        }
        for (Master& master : masters) {
          if (master.valid.read() != L1 || master.ready.read() != L1) continue;
          const MemoryRequest& request = master.request.read();
          Vec<16>& word = reference.at(request.addr.to_uint64());
          if (request.write == L1) {
            word = request.data;
          } else {
            master.reads.expect(word);
          }
        }
      }
    });
    for (int index = 0; index < 2; ++index) {
      Master& master = masters.at(static_cast<std::size_t>(index));
      assert_implies_within(fmt::format("master{}_served", index), clk,
                            [this, &master] { return rst.read() == L0 && master.valid.read() == L1; },
                            [&master] { return master.ready.read() == L1; }, 1);
      assert_stable_while_not_ready(fmt::format("master{}_stable", index), clk, master.valid, master.request,
                                    master.ready);
      assert_never_unknown_after_reset(fmt::format("master{}_known", index), clk, rst, {&master.ready, &master.resp_valid});
    }
  }

  // Master `index` sends `count` random requests to the first eight words (so that the
  // masters read each other's writes), pausing before each with probability `gap`.
  void traffic(std::size_t index, int count, double gap) {
    Master& master = masters.at(index);
    master.driver.set_gap_chance(gap);
    Random& random = test_random();
    for (int i = 0; i < count; ++i) {
      MemoryRequest request;
      request.write = random.chance(0.5) ? L1 : L0;
      request.addr = random.vec_in<6>(0, 7);
      request.data = request.write == L1 ? random.vec<16>() : Vec<16>::xs();
      master.driver.send(request);
    }
    master.driver.idle();
  }
};

void run_masters(MemoryTop& top, int count, double gap) {
  top.start_checks();
  wait(top.rst.negedge());
  ThreadHandle first = spawn("master0", [&top, count, gap] { top.traffic(0, count, gap); });
  ThreadHandle second = spawn("master1", [&top, count, gap] { top.traffic(1, count, gap); });
  first.join();
  second.join();
  next_cycles(top.clk, 2);  // the last read's word comes back
}

}  // namespace

int main(int argc, char** argv) {
  Runner runner("shared_memory_tb",
                "Two masters behind a round-robin arbiter in front of a memory (+bug=fixed_priority: its deliberate bug)");
  runner.add<MemoryTop>(
      "random_traffic", [](MemoryTop& top) { run_masters(top, static_cast<int>(plusarg_int("requests", 300)), 0.3); }, 100.0);
  // Both masters always request: one alone is a case this test cannot see.
  runner.add<MemoryTop>("saturated_masters", [](MemoryTop& top) { run_masters(top, 100, 0.0); }, 0.0);
  return runner.main(argc, argv);
}
