// The `tetra` executable.
#include "apps/command_line.hpp"
#include "sim/kernel/stop_request.hpp"

#include <iostream>

int main(int argc, char** argv) {
  // Ctrl-C and kill stop a simulation at a time-slot boundary with its waveform complete.
  tetra::stop_on_signals();
  return tetra::apps::run_command_line(argc, argv, std::cout, std::cerr);
}
