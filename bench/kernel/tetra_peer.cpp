// The kernel workloads in Tetra, four-state throughout (Logic and Vec<N> signals).
// Usage: kernel_peer_tetra ring|pingpong|fifo|elaborate
#include <array>
#include <cstddef>
#include <cstdio>
#include <ctime>
#include <string_view>

#include "bench/kernel/resident_memory.hpp"
#include "bench/kernel/workload.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/module/instance_array.hpp"
#include "sim/module/port.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/bit_layout.hpp"
#include "sim/values/bitwise.hpp"
#include "sim/values/compare.hpp"
#include "sim/values/select.hpp"
#include "sim/values/shift.hpp"
#include "sim/values/vec.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using namespace tetra::bench;

constexpr Duration clock_period = 1_ns * clock_period_ns;

// workload.hpp's lfsr_step on four-state words: unknown bits stay unknown.
Vec<16> lfsr_step_4state(const Vec<16>& state) {
  const Vec<16> shifted = state >> 1;
  return select(state.bit(0), shifted ^ Vec<16>(0xB400), shifted);
}

Vec<32> fold_4state(const Vec<32>& hash, const Vec<16>& word) { return hash * Vec<32>(31) + zext<32>(word); }

class RingStage : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Vec<16>> previous{*this, "previous"};
  Out<Vec<16>> q{*this, "q"};

  RingStage(Scope& parent, std::string_view name, unsigned index) : Module(parent, name), increment_(index) {
    if (index == 0) {
      method("tick", [this] { q.write(lfsr_step_4state(previous.read())); }).sensitive(clk.posedge());
    } else {
      method("tick", [this] { q.write(previous.read() + increment_); }).sensitive(clk.posedge());
    }
  }

private:
  Vec<16> increment_;
};

int run_ring() {
  Simulation sim;
  ClockGenerator clock(sim, "clock", clock_period);
  Signal<Logic> clk(sim, "clk");
  clock.clk(clk);
  InstanceArray<Signal<Vec<16>>> registers(sim, "r", ring_length, [](Scope& parent, std::string_view name, std::size_t i) {
    return Signal<Vec<16>>(parent, name, Vec<16>(i));
  });
  InstanceArray<RingStage> stages(sim, "stage", ring_length, [](Scope& parent, std::string_view name, std::size_t i) {
    return RingStage(parent, name, static_cast<unsigned>(i));
  });
  for (unsigned i = 0; i < ring_length; ++i) {
    RingStage& stage = stages[i];
    stage.clk(clk);
    stage.previous(registers[(i + ring_length - 1) % ring_length]);
    stage.q(registers[i]);
  }
  sim.run(clock_period * ring_cycles);
  std::uint32_t hash = 0;
  for (const auto& r : registers) hash = fold(hash, static_cast<std::uint32_t>(r.read().to_uint64()));
  std::printf("checksum %08x\n", hash);
  return 0;
}

int run_pingpong() {
  Simulation sim;
  Event to_pong(sim), to_ping(sim);
  unsigned handoffs = 0;
  // Every handoff is a delta cycle of time slot 0, far beyond the default loop guard.
  sim.set_delta_limit(2 * pingpong_handoffs);
  // Delta notifications, as in the SystemC peer.
  sim.thread("pong", [&] {
    for (;;) {
      wait(to_pong);
      if (++handoffs == pingpong_handoffs) return;
      to_ping.notify_delta();
    }
  });
  sim.thread("ping", [&] {
    for (;;) {
      to_pong.notify_delta();
      wait(to_ping);
      if (++handoffs == pingpong_handoffs) return;
    }
  });
  sim.run();
  std::printf("checksum %08x\n", handoffs);
  return sim.now() == Duration{} ? 0 : 1;
}

class FifoBench : public Module {
public:
  In<Logic> clk{*this, "clk"};
  Signal<Vec<16>> lfsr{*this, "lfsr", Vec<16>(fifo_seed)};
  Signal<Vec<7>> count{*this, "count", Vec<7>(0)};
  Signal<Logic> push{*this, "push"};
  Signal<Logic> pop{*this, "pop"};
  Signal<Logic> out_valid{*this, "out_valid", L0};
  Signal<Vec<16>> out_data{*this, "out_data", Vec<16>(0)};
  Signal<Vec<32>> checksum{*this, "checksum", Vec<32>(0)};

  FifoBench(Scope& parent, std::string_view name) : Module(parent, name) {
    method("step_lfsr", [this] { lfsr.write(lfsr_step_4state(lfsr.read())); }).sensitive(clk.posedge());
    method("gate", [this] {
      push.write(lfsr.read().bit(0) & ne(count.read(), Vec<7>(fifo_depth)));
      pop.write(lfsr.read().bit(1) & ne(count.read(), Vec<7>(0)));
    }).sensitive(lfsr, count);
    method("step_fifo", [this] { step_fifo(); }).sensitive(clk.posedge());
    method("step_sink", [this] {
      if (out_valid.read()) checksum.write(fold_4state(checksum.read(), out_data.read()));
    }).sensitive(clk.posedge());
  }

private:
  void step_fifo() {
    const bool pushing = static_cast<bool>(push.read());
    const bool popping = static_cast<bool>(pop.read());
    if (pushing) {
      storage_[write_index_] = lfsr.read();
      write_index_ = (write_index_ + 1) % fifo_depth;
    }
    if (popping) {
      out_data.write(storage_[read_index_]);
      read_index_ = (read_index_ + 1) % fifo_depth;
    }
    out_valid.write(popping ? L1 : L0);
    count.write(count.read() + Vec<7>(pushing) - Vec<7>(popping));
  }

  std::array<Vec<16>, fifo_depth> storage_{};
  unsigned write_index_ = 0;
  unsigned read_index_ = 0;
};

int run_fifo() {
  Simulation sim;
  ClockGenerator clock(sim, "clock", clock_period);
  Signal<Logic> clk(sim, "clk");
  clock.clk(clk);
  FifoBench fifo(sim, "fifo");
  fifo.clk(clk);
  sim.run(clock_period * fifo_cycles);
  const auto checksum = static_cast<std::uint32_t>(fifo.checksum.read().to_uint64());
  std::printf("checksum %08x\n", fold(checksum, static_cast<std::uint32_t>(fifo.count.read().to_uint64())));
  return 0;
}

int run_elaborate() {
  const long rss_before = resident_bytes();
  const std::clock_t start = std::clock();  // CPU time: the machine is shared
  Simulation sim;
  InstanceArray<Signal<Vec<16>>> signals(sim, "s", elaboration_signals,
                                         [](Scope& parent, std::string_view name, std::size_t) {
                                           return Signal<Vec<16>>(parent, name);
                                         });
  sim.elaborate();
  const double elapsed_ms = 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
  const long rss_after = resident_bytes();
  std::printf("elaborate_cpu_ms %.1f\nbytes_per_signal %.1f\nsizeof_signal %zu\n", elapsed_ms,
              double(rss_after - rss_before) / elaboration_signals, sizeof(Signal<Vec<16>>));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view workload = argc > 1 ? argv[1] : "";
  if (workload == "ring") return run_ring();
  if (workload == "pingpong") return run_pingpong();
  if (workload == "fifo") return run_fifo();
  if (workload == "elaborate") return run_elaborate();
  std::fprintf(stderr, "usage: %s ring|pingpong|fifo|elaborate\n", argv[0]);
  return 2;
}
