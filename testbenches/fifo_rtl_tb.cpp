// A coroutine testbench driving Verilog directly: rtl/lib/fifo.sv, Verilated as
// rtl::Fifo (16-bit words, 5 deep), under fifo_tb's random push/pop traffic
// (fifo_testbench.hpp). The model's ports are signals like any other, so the VCD shows
// them. The runner's command line: fifo_rtl_tb --help (docs/testbench.md).
#include <cstdint>

#include "rtl_fifo.hpp"
#include "sim/testbench/runner.hpp"
#include "testbenches/fifo_testbench.hpp"

constexpr std::uint64_t words_to_send = 5000;

int main(int argc, char** argv) {
  using Top = tetra::testbench::FifoTop<rtl::Fifo, 16, 3>;
  tetra::testbench::Runner runner("fifo_rtl_tb", "The Verilated rtl/lib/fifo.sv under random push/pop traffic");
  // Between pushes the producer leaves push_data X; the model gets zeros there.
  runner.add<Top>("random_traffic", [](Top& top) { tetra::testbench::test_fifo_traffic(top, words_to_send); },
                  tetra::VerilatedOptions{.port_unknown_bits = {{"push_data", tetra::UnknownBitPolicy::zeros()}}});
  return runner.main(argc, argv);
}
