// One accelerator run, four ways, in one sitting: the kernel model (accel/) alone, the
// Verilated RTL (rtl/accel) alone from a plain C++ loop, the two in lockstep, and the RTL
// four-state under Icarus Verilog (vvp, a child process). Prints each one's simulated
// clock cycles per CPU second (docs/performance.md, "Accelerator: kernel model and RTL").
//
//   accel_cosim_speed [TOKENS [REPEATS]]     (30 tokens of the default prompt, K = 4; 5 repeats)
#include "accel/lockstep/lockstep_run.hpp"
#include "accel/lockstep/verilated_accelerator_run.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace tetra;
using namespace tetra::accel;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

/// The median CPU seconds of `repeats` calls of `body`, which returns the clock cycles it simulated.
template <class Body>
std::pair<std::uint64_t, double> measure(int repeats, Body body) {
  std::vector<double> seconds;
  std::uint64_t cycles = 0;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    const std::clock_t started = std::clock();
    cycles = body();
    seconds.push_back(static_cast<double>(std::clock() - started) / CLOCKS_PER_SEC);
  }
  return {cycles, median(seconds)};
}

double children_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void run_command(const std::string& command) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

/// The RTL under Icarus with the Verilated build's maxima: CPU seconds of vvp alone, and
/// the clock cycles (the testbench's edges are not printed: the cycles counter plus the
/// edges around it, as the C++ runs count them).
double icarus_seconds(const std::vector<models::Token>& prompt, const RunParameters& run,
                      const HardwareParameters& hardware, const std::filesystem::path& work) {
  const std::filesystem::path rtl = TETRA_RTL_DIR;
  std::filesystem::create_directories(work);
  {
    std::ofstream prompt_file(work / "prompt.hex");
    for (const models::Token token : prompt) prompt_file << fmt::format("{:02x}\n", token);
  }
  std::string sources;
  std::ifstream files(rtl / "files.f");
  for (std::string file; std::getline(files, file);) sources += fmt::format(" {}", (rtl / file).string());
  run_command(fmt::format("iverilog -g2012 -I {0} -P accelerator_tb.LANES={2} -P accelerator_tb.VOCABULARY_MAX={3} "
                          "-P accelerator_tb.EMBEDDING_MAX={4} -P accelerator_tb.INPUTS_MAX={5} "
                          "-P accelerator_tb.HIDDEN_MAX={6} -o {1}/tb.vvp{7} {0}/accelerator_tb.sv",
                          rtl.string(), work.string(), kRtlLimits.lanes, kRtlLimits.vocabulary,
                          kRtlLimits.embedding, kRtlLimits.hidden_inputs, kRtlLimits.hidden, sources));
  const double before = children_cpu_seconds();
  run_command(fmt::format(
      "cd {} && vvp -n tb.vvp +target={} +draft={} +prompt=prompt.hex +prompt_length={} +tokens={} +k={} "
      "+sample={} +seed={:x} +lanes={} +mem_bw={} +mem_latency={} +draft_bw={} > icarus.log",
      work.string(), models::default_model_path(models::ModelRole::target).string(),
      models::default_model_path(models::ModelRole::draft).string(), prompt.size(), run.new_tokens,
      run.draft_length, run.mode == models::DecodeMode::sample ? 1 : 0, run.seed, hardware.lanes,
      hardware.memory_bytes_per_cycle, hardware.memory_latency, hardware.draft_bytes_per_cycle));
  const double seconds = children_cpu_seconds() - before;
  std::ifstream log(work / "icarus.log");
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  if (text.find("status ok") == std::string::npos) throw std::runtime_error("Icarus run failed:\n" + text);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t tokens = argc > 1 ? std::stoul(argv[1]) : 30;
  const int repeats = argc > 2 ? std::stoi(argv[2]) : 5;
  const models::IntegerModelParameters target =
      models::load_model(models::default_model_path(models::ModelRole::target), models::ModelRole::target);
  const models::IntegerModelParameters draft =
      models::load_model(models::default_model_path(models::ModelRole::draft), models::ModelRole::draft);
  const std::vector<models::Token> prompt = models::Vocabulary::encode("This program is free software");
  const RunParameters run{tokens, 4, models::DecodeMode::greedy, 1};
  const HardwareParameters hardware{};
  const RtlConfiguration rtl{models::default_model_path(models::ModelRole::target),
                             models::default_model_path(models::ModelRole::draft), hardware, {}};

  const auto [cycles, kernel] =
      measure(repeats, [&] { return run_accelerator(target, draft, hardware, prompt, run).clock_cycles; });
  const auto [verilated_cycles, verilated] = measure(repeats, [&] {
    return run_verilated_accelerator(rtl, target.shape, draft.shape, prompt, run).clock_cycles;
  });
  const auto [lockstep_cycles, lockstep] =
      measure(repeats, [&] { return run_lockstep(target, draft, rtl, prompt, run).kernel.clock_cycles; });
  if (verilated_cycles != cycles || lockstep_cycles != cycles) throw std::logic_error("the runs differ in length");
  const double icarus = icarus_seconds(prompt, run, hardware, std::filesystem::temp_directory_path() /
                                                                  ("accel_cosim_speed_" + std::to_string(::getpid())));

  fmt::print("one run: {} tokens, K = 4, greedy, default hardware: {} clock cycles; median of {} runs (Icarus: 1)\n",
             tokens, cycles, repeats);
  fmt::print("{:<44}{:>12}{:>18}{:>14}\n", "", "CPU s/run", "cycles/CPU s", "vs Verilated");
  for (const auto& [name, seconds] : {std::pair{"kernel model alone (accel/, Tetra kernel)", kernel},
                                      std::pair{"Verilated RTL alone (plain C++ loop)", verilated},
                                      std::pair{"lockstep (both, one Tetra simulation)", lockstep},
                                      std::pair{"Icarus Verilog on the RTL (vvp)", icarus}}) {
    fmt::print("{:<44}{:>12.4f}{:>18.0f}{:>14.3f}\n", name, seconds, static_cast<double>(cycles) / seconds,
               verilated / seconds);
  }
  return 0;
}
