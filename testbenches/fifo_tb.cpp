// A FIFO under random ready/valid traffic: a producer thread pushes 0, 1, 2, ... whenever
// it wants to and the FIFO is not full; a consumer thread pops whenever it wants to and
// the FIFO is not empty, and checks every word against what was sent. The stimulus
// follows the runner's --seed; the runner's command line: fifo_tb --help (docs/testbench.md).
#include <cstdint>

#include "sim/lib/fifo.hpp"
#include "sim/testbench/runner.hpp"
#include "testbenches/fifo_testbench.hpp"

constexpr std::uint64_t words_to_send = 2000;

int main(int argc, char** argv) {
  using Top = tetra::testbench::FifoTop<tetra::Fifo<tetra::Vec<8>, 4>, 8, 4>;
  tetra::testbench::Runner runner("fifo_tb", "A FIFO of depth 8 under random push/pop traffic");
  runner.add<Top>("random_traffic", [](Top& top) { tetra::testbench::test_fifo_traffic(top, words_to_send); }, 8);
  return runner.main(argc, argv);
}
