// The `tetra` executable.
#include "apps/command_line.hpp"

#include <iostream>

int main(int argc, char** argv) {
  return tetra::apps::run_command_line(argc, argv, std::cout, std::cerr);
}
