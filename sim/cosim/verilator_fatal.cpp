// The vl_fatal() of the Verilator runtime that tetra::cosim compiles with VL_USER_FATAL.
#include "sim/cosim/verilator_fatal.hpp"

#include <string>

#include "verilated.h"

void vl_fatal(const char* filename, int linenum, const char* /*hier*/, const char* msg) {
  Verilated::threadContextp()->gotError(true);
  Verilated::threadContextp()->gotFinish(true);
  std::string message = filename != nullptr && filename[0] != '\0'
                            ? std::string(filename) + ":" + std::to_string(linenum) + ": " + msg
                            : std::string(msg);
  throw tetra::detail::VerilatorFatal(message);
}
