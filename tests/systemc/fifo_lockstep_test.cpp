// A FIFO written in SystemC, used inside a Tetra design beside its twin from sim/lib
// (tetra::Fifo), both fed the same random traffic and compared every cycle: the SystemC
// model behaves as the Tetra block, X outputs before the first reset included. A FIFO
// with a defect diverges, and the comparison names the cycle.
#include "sim/systemc/systemc_module.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"
#include "sim/lib/fifo.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;

constexpr int kWidth = 8;
constexpr int kCountWidth = 4;
constexpr std::size_t kDepth = 6;

// The FIFO as a SystemC designer writes it: first word fall-through, outputs X until the
// first reset, push and pop taken at the rising edge (a pop first). `defect` makes it
// report itself full one entry early.
SC_MODULE(ScFifo) {
  sc_core::sc_in<bool> clk{"clk"}, rst{"rst"}, push{"push"}, pop{"pop"};
  sc_core::sc_in<sc_dt::sc_lv<kWidth>> push_data{"push_data"};
  sc_core::sc_out<sc_dt::sc_lv<kWidth>> pop_data{"pop_data"};
  sc_core::sc_out<sc_dt::sc_logic> full{"full"}, empty{"empty"};
  sc_core::sc_out<sc_dt::sc_lv<kCountWidth>> count{"count"};

  ScFifo(const sc_core::sc_module_name& name, std::size_t depth, bool defect)
      : sc_core::sc_module(name), storage_(depth), full_at_(defect ? depth - 1 : depth) {
    SC_METHOD(update);
    sensitive << clk.pos();
    dont_initialize();
  }
  SC_HAS_PROCESS(ScFifo);

  void update() {
    if (rst.read()) {
      head_ = 0;
      size_ = 0;
      was_reset_ = true;
    } else if (was_reset_) {
      if (pop.read()) {
        if (size_ == 0) SC_REPORT_ERROR("ScFifo", "pop while empty");
        head_ = (head_ + 1) % storage_.size();
        --size_;
      }
      if (push.read()) {
        if (size_ == storage_.size()) SC_REPORT_ERROR("ScFifo", "push while full");
        storage_[(head_ + size_) % storage_.size()] = push_data.read();
        ++size_;
      }
    } else {
      return;
    }
    pop_data.write(size_ != 0 ? storage_[head_] : sc_dt::sc_lv<kWidth>());  // sc_lv() is all X
    full.write(sc_dt::sc_logic(size_ >= full_at_));
    empty.write(sc_dt::sc_logic(size_ == 0));
    count.write(sc_dt::sc_lv<kCountWidth>(static_cast<unsigned>(size_)));
  }

private:
  std::vector<sc_dt::sc_lv<kWidth>> storage_;
  std::size_t full_at_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
  bool was_reset_ = false;
};

// The SystemC FIFO with tetra::Fifo's ports.
class FifoFromSystemC : public SystemCModule {
public:
  In<Logic> clk{*this, "clk"}, rst{*this, "rst"}, push{*this, "push"}, pop{*this, "pop"};
  In<Vec<kWidth>> push_data{*this, "push_data"};
  Out<Vec<kWidth>> pop_data{*this, "pop_data"};
  Out<Logic> full{*this, "full"}, empty{*this, "empty"};
  Out<Vec<kCountWidth>> count{*this, "count"};

  FifoFromSystemC(Scope& parent, std::string_view name, bool defect)
      : SystemCModule(parent, name), fifo("fifo", kDepth, defect) {
    connect(clk, fifo.clk);
    connect(rst, fifo.rst);
    connect(push, fifo.push);
    connect(pop, fifo.pop);
    connect(push_data, fifo.push_data);
    connect(fifo.pop_data, pop_data);
    connect(fifo.full, full);
    connect(fifo.empty, empty);
    connect(fifo.count, count);
  }
  ScFifo fifo;
};

// What each FIFO's outputs are bound to.
struct FifoOutputs {
  FifoOutputs(Scope& parent, const std::string& prefix)
      : pop_data(parent, prefix + "_pop_data"),
        full(parent, prefix + "_full"),
        empty(parent, prefix + "_empty"),
        count(parent, prefix + "_count") {}
  Signal<Vec<kWidth>> pop_data;
  Signal<Logic> full, empty;
  Signal<Vec<kCountWidth>> count;
  [[nodiscard]] std::string text() const {
    return fmt::format("pop_data {} full {} empty {} count {}", pop_data.read(), full.read(), empty.read(),
                       count.read());
  }
};

struct Lockstep {
  int cycles = 0;
  int compared_known = 0;  // cycles whose outputs were known (after the first reset)
  std::string first_difference;
};

// Both FIFOs on one clock and one set of inputs; random pushes and pops, gated by the
// Tetra FIFO's full and empty, and a reset in the middle, set at each falling edge; the
// outputs compared (===) at every falling edge.
Lockstep run_lockstep(bool defect, int cycles) {
  Simulation sim;
  ClockGenerator clock(sim, "clock", 10_ns);
  Signal<Logic> clk(sim, "clk"), rst(sim, "rst", L0), push(sim, "push", L0), pop(sim, "pop", L0);
  Signal<Vec<kWidth>> push_data(sim, "push_data", Vec<kWidth>::zeros());
  FifoOutputs twin_out(sim, "twin"), model_out(sim, "model");
  Fifo<Vec<kWidth>, kCountWidth> twin(sim, "twin", kDepth);
  FifoFromSystemC model(sim, "model", defect);
  clock.clk(clk);
  for (auto* fifo_clk : {&twin.clk, &model.clk}) (*fifo_clk)(clk);
  twin.rst(rst), model.rst(rst), twin.push(push), model.push(push), twin.pop(pop), model.pop(pop);
  twin.push_data(push_data), model.push_data(push_data);
  twin.pop_data(twin_out.pop_data), twin.full(twin_out.full), twin.empty(twin_out.empty), twin.count(twin_out.count);
  model.pop_data(model_out.pop_data), model.full(model_out.full), model.empty(model_out.empty);
  model.count(model_out.count);

  Lockstep result;
  sim.method("compare", [&] {
       ++result.cycles;
       if (twin_out.text() != model_out.text()) {
         if (result.first_difference.empty()) {
           result.first_difference = fmt::format("at {}: tetra::Fifo {}, SystemC {}", now(), twin_out.text(),
                                                 model_out.text());
         }
       } else if (twin_out.count.read().is_known()) {
         ++result.compared_known;
       }
     })
      .sensitive(clk.negedge());
  sim.thread("traffic", [&] {
    std::mt19937 random(2024);
    for (int cycle = 0; cycle < cycles; ++cycle) {
      wait(clk.negedge());  // the outputs of the last rising edge, for the next one
      const bool reset = cycle < 2 || cycle == cycles / 2;
      rst.write(reset ? L1 : L0);
      const bool can_push = twin_out.full.read() == L0 && !reset;
      const bool can_pop = twin_out.empty.read() == L0 && !reset;
      push.write(can_push && random() % 3 != 0 ? L1 : L0);
      pop.write(can_pop && random() % 2 == 0 ? L1 : L0);
      push_data.write(Vec<kWidth>(random() & 0xFF));
    }
    finish();
  });
  sim.run();
  return result;
}

void systemc_fifo_matches_its_tetra_twin_every_cycle() {
  const Lockstep result = run_lockstep(false, 3000);
  EXPECT_EQ(result.first_difference, "");
  EXPECT_EQ(result.cycles, 3000);
  EXPECT_GE(result.compared_known, 2990);  // all but the cycles before the first reset
}

TEST(FifoLockstep, SystemCFifoMatchesItsTetraTwinEveryCycle) {
  RUN_SYSTEMC_SCENARIO(systemc_fifo_matches_its_tetra_twin_every_cycle());
}

void defective_fifo_diverges_at_a_named_cycle() {
  const Lockstep result = run_lockstep(true, 3000);
  EXPECT_NE(result.first_difference.find("tetra::Fifo pop_data"), std::string::npos) << result.first_difference;
  EXPECT_NE(result.first_difference.find("full 0"), std::string::npos) << result.first_difference;
  EXPECT_NE(result.first_difference.find("full 1"), std::string::npos) << result.first_difference;
}

TEST(FifoLockstep, DefectiveFifoDivergesAtANamedCycle) {
  RUN_SYSTEMC_SCENARIO(defective_fifo_diverges_at_a_named_cycle());
}

}  // namespace
}  // namespace tetra::systemc
