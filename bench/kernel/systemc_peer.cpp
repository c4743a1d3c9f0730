// The kernel workloads in SystemC 2.3.4, the peer Tetra is measured against. Built
// twice from this one source: four-state (sc_lv / sc_logic, TETRA_BENCH_FOUR_STATE=1)
// and two-state (sc_uint / bool). Usage: <binary> ring|pingpong|fifo|elaborate
#include <systemc.h>

#include <ctime>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench/kernel/resident_memory.hpp"
#include "bench/kernel/workload.hpp"

namespace {

using namespace tetra::bench;

#if TETRA_BENCH_FOUR_STATE
template <int W> using Word = sc_lv<W>;
using Bit = sc_logic;
template <int W> unsigned to_unsigned(const sc_lv<W>& word) { return word.to_uint(); }
bool to_bool(const sc_logic& bit) { return bit.to_bool(); }
Bit from_bool(bool value) { return sc_logic(value); }
#else
template <int W> using Word = sc_uint<W>;
using Bit = bool;
template <int W> unsigned to_unsigned(const sc_uint<W>& word) { return static_cast<unsigned>(word); }
bool to_bool(bool bit) { return bit; }
Bit from_bool(bool value) { return value; }
#endif

using Word16 = Word<16>;

SC_MODULE(RingStage) {
  sc_in<bool> clk;
  sc_in<Word16> previous;
  sc_out<Word16> q;
  const unsigned index;

  SC_HAS_PROCESS(RingStage);
  RingStage(sc_module_name name, unsigned stage_index) : sc_module(name), index(stage_index) {
    SC_METHOD(tick);
    sensitive << clk.pos();
    dont_initialize();
  }

  void tick() {
    const unsigned in = to_unsigned(previous.read());
    const unsigned next = index == 0 ? lfsr_step(static_cast<std::uint16_t>(in)) : in + index;
    q.write(Word16(next & 0xFFFFu));
  }
};

int run_ring(sc_clock& clk) {
  sc_vector<sc_signal<Word16>> registers("r", ring_length, [](const char* name, size_t i) {
    return new sc_signal<Word16>(name, Word16(static_cast<unsigned>(i)));
  });
  sc_vector<RingStage> stages("stage", ring_length, [](const char* name, size_t i) {
    return new RingStage(name, static_cast<unsigned>(i));
  });
  for (unsigned i = 0; i < ring_length; ++i) {
    stages[i].clk(clk);
    stages[i].previous(registers[(i + ring_length - 1) % ring_length]);
    stages[i].q(registers[i]);
  }
  sc_start(sc_time(double(ring_cycles) * clock_period_ns, SC_NS));
  std::uint32_t hash = 0;
  for (unsigned i = 0; i < ring_length; ++i) hash = fold(hash, to_unsigned(registers[i].read()));
  std::printf("checksum %08x\n", hash);
  return 0;
}

SC_MODULE(PingPong) {
  sc_event to_pong, to_ping;
  unsigned handoffs = 0;

  SC_CTOR(PingPong) {
    SC_THREAD(ping);
    SC_THREAD(pong);
  }

  // Delta notifications: a thread that has not reached its wait yet still sees them.
  void ping() {
    for (;;) {
      to_pong.notify(SC_ZERO_TIME);
      wait(to_ping);
      if (++handoffs == pingpong_handoffs) return;
    }
  }

  void pong() {
    for (;;) {
      wait(to_pong);
      if (++handoffs == pingpong_handoffs) return;
      to_ping.notify(SC_ZERO_TIME);
    }
  }
};

int run_pingpong() {
  PingPong pingpong("pingpong");
  sc_start();
  std::printf("checksum %08x\n", pingpong.handoffs);
  return sc_time_stamp() == SC_ZERO_TIME ? 0 : 1;
}

SC_MODULE(FifoBench) {
  sc_in<bool> clk;
  sc_signal<Word16> lfsr{"lfsr", Word16(fifo_seed)};
  sc_signal<Word<7>> count{"count", Word<7>(0u)};
  sc_signal<Bit> push{"push"}, pop{"pop"};
  sc_signal<Bit> out_valid{"out_valid", from_bool(false)};
  sc_signal<Word16> out_data{"out_data", Word16(0u)};
  sc_signal<Word<32>> checksum{"checksum", Word<32>(0u)};
  Word16 storage[fifo_depth];
  unsigned write_index = 0, read_index = 0;

  SC_CTOR(FifoBench) {
    SC_METHOD(step_lfsr);
    sensitive << clk.pos();
    dont_initialize();
    SC_METHOD(gate);
    sensitive << lfsr << count;
    SC_METHOD(step_fifo);
    sensitive << clk.pos();
    dont_initialize();
    SC_METHOD(step_sink);
    sensitive << clk.pos();
    dont_initialize();
  }

  void step_lfsr() { lfsr.write(Word16(lfsr_step(static_cast<std::uint16_t>(to_unsigned(lfsr.read()))))); }

  void gate() {
    const unsigned random = to_unsigned(lfsr.read());
    const unsigned occupancy = to_unsigned(count.read());
    push.write(from_bool((random & 1u) != 0 && occupancy != fifo_depth));
    pop.write(from_bool((random & 2u) != 0 && occupancy != 0));
  }

  void step_fifo() {
    const bool pushing = to_bool(push.read());
    const bool popping = to_bool(pop.read());
    if (pushing) {
      storage[write_index] = lfsr.read();
      write_index = (write_index + 1) % fifo_depth;
    }
    if (popping) {
      out_data.write(storage[read_index]);
      read_index = (read_index + 1) % fifo_depth;
    }
    out_valid.write(from_bool(popping));
    count.write(Word<7>(to_unsigned(count.read()) + unsigned(pushing) - unsigned(popping)));
  }

  void step_sink() {
    if (to_bool(out_valid.read()))
      checksum.write(Word<32>(fold(to_unsigned(checksum.read()), to_unsigned(out_data.read()))));
  }
};

int run_fifo(sc_clock& clk) {
  FifoBench fifo("fifo");
  fifo.clk(clk);
  sc_start(sc_time(double(fifo_cycles) * clock_period_ns, SC_NS));
  std::printf("checksum %08x\n", fold(to_unsigned(fifo.checksum.read()), to_unsigned(fifo.count.read())));
  return 0;
}

int run_elaborate() {
  const long rss_before = resident_bytes();
  const std::clock_t start = std::clock();  // CPU time: the machine is shared
  sc_vector<sc_signal<Word16>> signals("s", elaboration_signals);
  sc_start(SC_ZERO_TIME);
  const double elapsed_ms = 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
  const long rss_after = resident_bytes();
  std::printf("elaborate_cpu_ms %.1f\nbytes_per_signal %.1f\nsizeof_signal %zu\n", elapsed_ms,
              double(rss_after - rss_before) / elaboration_signals, sizeof(sc_signal<Word16>));
  return 0;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
  const std::string workload = argc > 1 ? argv[1] : "";
  sc_report_handler::set_actions(SC_INFO, SC_DO_NOTHING);
  if (workload == "pingpong") return run_pingpong();
  if (workload == "elaborate") return run_elaborate();
  sc_clock clk("clk", sc_time(clock_period_ns, SC_NS), 0.5, sc_time(clock_period_ns / 2.0, SC_NS), true);
  if (workload == "ring") return run_ring(clk);
  if (workload == "fifo") return run_fifo(clk);
  std::fprintf(stderr, "usage: %s ring|pingpong|fifo|elaborate\n", argv[0]);
  return 2;
}
