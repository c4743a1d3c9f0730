#pragma once
// Lets GoogleTest print VcdChange as "@time value" in failure messages.

#include "sim/trace/vcd_reader.hpp"

#include <ostream>

namespace tetra {

inline void PrintTo(const VcdChange& change, std::ostream* out) {
  *out << '@' << change.time << ' ' << change.value << (change.in_dumpvars ? " (dumpvars)" : "");
}

}  // namespace tetra
