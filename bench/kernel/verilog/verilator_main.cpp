// Verilator harness: toggles the clock of the Verilated design (class Vmodel, named
// with --prefix) for the workload's cycle count; the design prints its checksum in
// its final block. Usage: <binary> ring|fifo
#include <memory>
#include <string_view>

#include "bench/kernel/workload.hpp"

#include "Vmodel.h"
#include "verilated.h"

int main(int argc, char** argv) {
  const std::string_view workload = argc == 2 ? argv[1] : "";
  if (workload != "ring" && workload != "fifo") return 2;
  const unsigned cycles = workload == "ring" ? tetra::bench::ring_cycles : tetra::bench::fifo_cycles;
  const auto context = std::make_unique<VerilatedContext>();
  const auto model = std::make_unique<Vmodel>(context.get());
  model->clk = 0;
  model->eval();
  for (unsigned cycle = 0; cycle < cycles; ++cycle) {
    model->clk = 1;
    model->eval();
    model->clk = 0;
    model->eval();
  }
  model->final();
  return 0;
}
