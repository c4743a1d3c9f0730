// What a crossing of the SystemC boundary costs, per port and per clock cycle. One
// workload in four arrangements: `lanes` 16-bit registers, each fed by a driver that
// steps an LFSR per lane at the rising edge and read by a consumer that folds every
// register into a checksum at the falling edge, for `cycles` cycles.
//
//   systemc           driver, registers and consumer in SystemC
//   tetra_in_systemc  the registers in Tetra, inside a TetraModule: 2 crossings per lane
//   tetra             everything in Tetra
//   systemc_in_tetra  the registers in SystemC, inside a SystemCModule: 2 crossings per lane
//
// Every arrangement prints the same checksum, and the CPU time of the simulation alone
// (elaboration excluded) per cycle; bench/systemc/run.sh runs them side by side, timed or
// with their instructions counted.
// Usage: systemc_crossing_bench <arrangement> <lanes> <cycles> [uint|lv]
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <systemc>

#include "bench/kernel/workload.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/module/port.hpp"
#include "sim/systemc/systemc_module.hpp"
#include "sim/systemc/tetra_module.hpp"

namespace {

using namespace tetra;
using namespace tetra::literals;
using bench::fold;
using bench::lfsr_step;

using Word = Vec<16>;

std::uint16_t initial_state(std::size_t lane) { return static_cast<std::uint16_t>(0xACE1u + lane); }

// What an arrangement measured.
struct Result {
  std::uint32_t checksum = 0;
  double cpu_seconds = 0;
};

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Runs the simulation and returns its CPU time. Not inlined, so that an instruction count
// can cover it alone: valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*timed_run*'
template <class F>
[[gnu::noinline]] double timed_run(F&& run) {
  const double start = cpu_seconds();
  run();
  return cpu_seconds() - start;
}

// --- SystemC side -----------------------------------------------------------------

template <class S>
class ScDriver : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_vector<sc_core::sc_out<S>> d;
  SC_HAS_PROCESS(ScDriver);
  ScDriver(const sc_core::sc_module_name& name, std::size_t lanes) : sc_core::sc_module(name), d("d", lanes) {
    for (std::size_t i = 0; i < lanes; ++i) state_.push_back(initial_state(i));
    SC_METHOD(step);
    sensitive << clk.pos();
    dont_initialize();
  }
  void step() {
    for (std::size_t i = 0; i < state_.size(); ++i) {
      state_[i] = lfsr_step(state_[i]);
      d[i].write(S(state_[i]));
    }
  }

private:
  std::vector<std::uint16_t> state_;
};

template <class S>
class ScLane : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_in<S> d{"d"};
  sc_core::sc_out<S> q{"q"};
  SC_HAS_PROCESS(ScLane);
  explicit ScLane(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    SC_METHOD(tick);
    sensitive << clk.pos();
    dont_initialize();
  }
  void tick() { q.write(d.read()); }
};

template <class S>
class ScLanes : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_vector<sc_core::sc_in<S>> d;
  sc_core::sc_vector<sc_core::sc_out<S>> q;
  sc_core::sc_vector<ScLane<S>> lanes;
  ScLanes(const sc_core::sc_module_name& name, std::size_t count)
      : sc_core::sc_module(name), d("d", count), q("q", count), lanes("lane", count) {
    for (std::size_t i = 0; i < count; ++i) {
      lanes[i].clk(clk);
      lanes[i].d(d[i]);
      lanes[i].q(q[i]);
    }
  }
};

template <class S>
class ScConsumer : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_vector<sc_core::sc_in<S>> q;
  std::uint32_t checksum = 0;
  SC_HAS_PROCESS(ScConsumer);
  ScConsumer(const sc_core::sc_module_name& name, std::size_t lanes, std::uint64_t cycles)
      : sc_core::sc_module(name), q("q", lanes), cycles_(cycles) {
    SC_METHOD(consume);
    sensitive << clk.neg();
    dont_initialize();
  }
  void consume() {
    for (const auto& port : q) checksum = fold(checksum, static_cast<std::uint32_t>(port.read().to_uint()));
    if (++seen_ == cycles_) sc_core::sc_stop();
  }

private:
  std::uint64_t cycles_;
  std::uint64_t seen_ = 0;
};

// --- Tetra side -------------------------------------------------------------------

class TetraLane : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Word> d{*this, "d"};
  Out<Word> q{*this, "q"};
  TetraLane(Scope& parent, std::string_view name) : Module(parent, name) {
    method("tick", [this] { q.write(d.read()); }).sensitive(clk.posedge());
  }
};

// The driver and consumer of the Tetra arrangements, with the signals they share.
class TetraBench {
public:
  TetraBench(Simulation& sim, std::size_t lanes, std::uint64_t cycles)
      : clk(sim, "clk", L0), clock_(sim, "clock", 1_ns), cycles_(cycles) {
    clock_.clk(clk);
    for (std::size_t i = 0; i < lanes; ++i) {
      d.emplace_back(sim, "d_" + std::to_string(i), Word::zeros());
      q.emplace_back(sim, "q_" + std::to_string(i), Word::zeros());
      state_.push_back(initial_state(i));
    }
    sim.method("driver", [this] {
         for (std::size_t i = 0; i < state_.size(); ++i) {
           state_[i] = lfsr_step(state_[i]);
           d[i].write(Word(state_[i]));
         }
       }).sensitive(clk.posedge());
    sim.method("consumer", [this, &sim] {
         for (const auto& register_q : q) checksum = fold(checksum, static_cast<std::uint32_t>(register_q.read().to_uint64()));
         if (++seen_ == cycles_) sim.finish();
       }).sensitive(clk.negedge());
  }
  Signal<Logic> clk;
  std::deque<Signal<Word>> d;
  std::deque<Signal<Word>> q;
  std::uint32_t checksum = 0;

private:
  ClockGenerator clock_;
  std::vector<std::uint16_t> state_;
  std::uint64_t cycles_;
  std::uint64_t seen_ = 0;
};

// The Tetra registers behind SystemC ports.
template <class S>
class TetraLanesInSystemC : public systemc::TetraModule {
public:
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_vector<sc_core::sc_in<S>> d;
  sc_core::sc_vector<sc_core::sc_out<S>> q;
  TetraLanesInSystemC(const sc_core::sc_module_name& name, std::size_t count)
      : TetraModule(name), d("d", count), q("q", count) {
    connect(clk, clk_net_);
    for (std::size_t i = 0; i < count; ++i) {
      TetraLane& lane = lanes_.emplace_back(simulation(), "lane_" + std::to_string(i));
      lane.clk(clk_net_);
      connect(d[i], lane.d);
      connect(lane.q, q[i]);
    }
  }

private:
  Signal<Logic> clk_net_{simulation(), "clk_net"};
  std::deque<TetraLane> lanes_;
};

// The SystemC registers behind Tetra ports.
template <class S>
class SystemCLanesInTetra : public systemc::SystemCModule {
public:
  In<Logic> clk{*this, "clk"};
  std::deque<In<Word>> d;
  std::deque<Out<Word>> q;
  SystemCLanesInTetra(Scope& parent, std::string_view name, std::size_t count)
      : SystemCModule(parent, name), lanes_("lanes", count) {
    connect(clk, lanes_.clk);
    for (std::size_t i = 0; i < count; ++i) {
      connect(d.emplace_back(*this, "d_" + std::to_string(i)), lanes_.d[i]);
      connect(lanes_.q[i], q.emplace_back(*this, "q_" + std::to_string(i)));
    }
  }

private:
  ScLanes<S> lanes_;
};

// --- the arrangements -------------------------------------------------------------

template <class S>
Result run_systemc(std::size_t lanes, std::uint64_t cycles, bool registers_in_tetra) {
  sc_core::sc_clock clk("clk", 1, sc_core::SC_NS);
  sc_core::sc_vector<sc_core::sc_signal<S>> d("d", lanes, [](const char* name, std::size_t) {
    return new sc_core::sc_signal<S>(name, S(0));
  });
  sc_core::sc_vector<sc_core::sc_signal<S>> q("q", lanes, [](const char* name, std::size_t) {
    return new sc_core::sc_signal<S>(name, S(0));
  });
  ScDriver<S> driver("driver", lanes);
  ScConsumer<S> consumer("consumer", lanes, cycles);
  driver.clk(clk);
  driver.d(d);
  consumer.clk(clk);
  consumer.q(q);
  std::unique_ptr<ScLanes<S>> systemc_lanes;
  std::unique_ptr<TetraLanesInSystemC<S>> tetra_lanes;
  auto bind = [&](auto& registers) {
    registers.clk(clk);
    registers.d(d);
    registers.q(q);
  };
  if (registers_in_tetra) {
    bind(*(tetra_lanes = std::make_unique<TetraLanesInSystemC<S>>("registers", lanes)));
  } else {
    bind(*(systemc_lanes = std::make_unique<ScLanes<S>>("registers", lanes)));
  }
  sc_core::sc_start(sc_core::SC_ZERO_TIME);  // elaboration, outside the measurement
  const double seconds = timed_run([] { sc_core::sc_start(); });
  return {consumer.checksum, seconds};
}

template <class S>
Result run_tetra(std::size_t lanes, std::uint64_t cycles, bool registers_in_systemc) {
  Simulation sim;
  TetraBench bench(sim, lanes, cycles);
  std::deque<TetraLane> tetra_lanes;
  std::unique_ptr<SystemCLanesInTetra<S>> systemc_lanes;
  if (registers_in_systemc) {
    systemc_lanes = std::make_unique<SystemCLanesInTetra<S>>(sim, "registers", lanes);
    systemc_lanes->clk(bench.clk);
    for (std::size_t i = 0; i < lanes; ++i) {
      systemc_lanes->d[i](bench.d[i]);
      systemc_lanes->q[i](bench.q[i]);
    }
  } else {
    for (std::size_t i = 0; i < lanes; ++i) {
      TetraLane& lane = tetra_lanes.emplace_back(sim, "lane_" + std::to_string(i));
      lane.clk(bench.clk);
      lane.d(bench.d[i]);
      lane.q(bench.q[i]);
    }
  }
  sim.elaborate();
  const double seconds = timed_run([&] { sim.run(); });
  return {bench.checksum, seconds};
}

template <class S>
Result run(std::string_view arrangement, std::size_t lanes, std::uint64_t cycles) {
  if (arrangement == "systemc") return run_systemc<S>(lanes, cycles, false);
  if (arrangement == "tetra_in_systemc") return run_systemc<S>(lanes, cycles, true);
  if (arrangement == "tetra") return run_tetra<S>(lanes, cycles, false);
  if (arrangement == "systemc_in_tetra") return run_tetra<S>(lanes, cycles, true);
  throw std::invalid_argument("unknown arrangement " + std::string(arrangement));
}

}  // namespace

int sc_main(int argc, char* argv[]) {
  if (argc < 4 || argc > 5) {
    std::fprintf(stderr, "usage: %s systemc|tetra_in_systemc|tetra|systemc_in_tetra <lanes> <cycles> [uint|lv]\n",
                 argv[0]);
    return 2;
  }
  const std::string_view arrangement = argv[1];
  const std::size_t lanes = std::stoul(argv[2]);
  const std::uint64_t cycles = std::stoull(argv[3]);
  const std::string_view type = argc == 5 ? argv[4] : "uint";
  if (type != "uint" && type != "lv") {
    std::fprintf(stderr, "the SystemC type is uint (sc_uint<16>) or lv (sc_lv<16>), not %s\n", argv[4]);
    return 2;
  }
  const Result result = type == "uint" ? run<sc_dt::sc_uint<16>>(arrangement, lanes, cycles)
                                       : run<sc_dt::sc_lv<16>>(arrangement, lanes, cycles);
  std::printf("checksum %08x cpu_ns_per_cycle %.1f\n", result.checksum,
              result.cpu_seconds * 1e9 / static_cast<double>(cycles));
  return 0;
}
