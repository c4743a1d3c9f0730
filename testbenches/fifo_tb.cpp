// A FIFO under random ready/valid traffic: a producer thread pushes 0, 1, 2, ... whenever
// it wants to and the FIFO is not full; a consumer thread pops whenever it wants to and
// the FIFO is not empty, and checks every word against what was sent.
// Usage: fifo_tb [trace.vcd]   (exit status 0 when every check passes)
#include <cstdint>

#include "sim/lib/fifo.hpp"
#include "testbenches/fifo_testbench.hpp"
#include "testbenches/testbench.hpp"

constexpr std::uint64_t words_to_send = 2000;

int main(int argc, char** argv) {
  tetra::Simulation sim;
  tetra::testbench::FifoTop<tetra::Fifo<tetra::Vec<8>, 4>, 8, 4> top(sim, 8);
  return tetra::testbench::run_testbench(sim, "fifo_tb", argc, argv,
                                        [&] { tetra::testbench::test_fifo_traffic(top, words_to_send); });
}
