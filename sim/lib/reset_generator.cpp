#include "sim/lib/reset_generator.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "sim/kernel/thread.hpp"

namespace tetra {

ResetGenerator::ResetGenerator(Scope& parent, std::string_view name, std::size_t cycles) : Module(parent, name) {
  if (cycles == 0) throw std::invalid_argument(fmt::format("reset {}: it must last at least one cycle", path()));
  thread("sequence", [this, cycles] {
    rst.write(L1);
    wait_count(clk.signal().posedge(), cycles);
    rst.write(L0);
  });
}

}  // namespace tetra
