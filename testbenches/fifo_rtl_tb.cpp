// A coroutine testbench driving Verilog directly: rtl/lib/fifo.sv, Verilated as
// rtl::Fifo (16-bit words, 5 deep), under fifo_tb's random push/pop traffic
// (fifo_testbench.hpp). The model's ports are signals like any other, so the VCD shows them.
// Usage: fifo_rtl_tb [trace.vcd]   (exit status 0 when every check passes)
#include <cstdint>

#include "rtl_fifo.hpp"
#include "testbenches/fifo_testbench.hpp"
#include "testbenches/testbench.hpp"

constexpr std::uint64_t words_to_send = 5000;

int main(int argc, char** argv) {
  tetra::Simulation sim;
  // Between pushes the producer leaves push_data X; the model gets zeros there.
  tetra::testbench::FifoTop<rtl::Fifo, 16, 3> top(
      sim, tetra::VerilatedOptions{.port_unknown_bits = {{"push_data", tetra::UnknownBitPolicy::zeros()}}});
  return tetra::testbench::run_testbench(sim, "fifo_rtl_tb", argc, argv,
                                        [&] { tetra::testbench::test_fifo_traffic(top, words_to_send); });
}
