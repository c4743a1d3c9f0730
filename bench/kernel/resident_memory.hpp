// Resident set size of this process, for the memory-per-signal measurement.
#pragma once

#include <fstream>
#include <unistd.h>

namespace tetra::bench {

// Bytes of this process currently resident in RAM (Linux /proc/self/statm).
inline long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long total_pages = 0, resident_pages = 0;
  statm >> total_pages >> resident_pages;
  return resident_pages * sysconf(_SC_PAGESIZE);
}

}  // namespace tetra::bench
