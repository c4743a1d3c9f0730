#pragma once
// Runs the accelerator RTL (rtl/accel) four-state under Icarus Verilog through its
// testbench, rtl/accel/accelerator_tb.sv, and reads back what the testbench printed.

#include "accel/accelerator_bench.hpp"
#include "models/model_file.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tetra::rtl_test {

/// One run: the decode, the hardware options, and the testbench's extras.
struct IcarusCase {
  std::vector<models::Token> prompt;
  accel::RunParameters run;
  accel::HardwareParameters hardware;
  std::size_t hold_output = 0;  ///< cycles of out_ready low after the start
  std::string inject;           ///< "", "in_valid_in_reset", "in_valid" or "in_token"
  std::filesystem::path target_file = models::default_model_path(models::ModelRole::target);
  std::filesystem::path draft_file = models::default_model_path(models::ModelRole::draft);
};

/// What the testbench printed (see accelerator_tb.sv).
struct IcarusRun {
  int exit_code = 0;
  std::string log;                             ///< everything vvp printed
  std::vector<models::Token> tokens;
  accel::CounterValues counters;
  accel::TrafficCounts traffic;
  std::map<std::string, double> x_after_reset;  ///< output -> first time (ns) it held X
  std::map<std::string, double> first_x;        ///< watched signal -> first time (ns) of X
  std::vector<std::string> errors;              ///< the $error and $fatal lines
  std::string status;                           ///< "ok", "timeout", or empty when stopped
};

/// Compiles the RTL and its testbench into `work_dir` (once per process: give each process
/// its own directory), then runs `icarus_case` there; throws std::runtime_error with the
/// log when Icarus cannot compile.
IcarusRun run_icarus_accelerator(const std::filesystem::path& work_dir,
                                 const IcarusCase& icarus_case);

}  // namespace tetra::rtl_test
