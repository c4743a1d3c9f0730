#include "tests/rtl/icarus_accelerator.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace tetra::rtl_test {
namespace {

const std::filesystem::path kRtlDir = TETRA_RTL_DIR;

// Single quotes protect any path for /bin/sh; a quote inside is closed, escaped, reopened.
std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `command` through the shell; returns its exit status and what it printed.
std::pair<int, std::string> run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  while (const std::size_t count = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    output.append(buffer.data(), count);
  }
  const int status = pclose(pipe.release());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

// The testbench, compiled once per process.
std::filesystem::path compiled_testbench(const std::filesystem::path& work_dir) {
  static const std::filesystem::path program = [&] {
    std::filesystem::create_directories(work_dir);
    std::ifstream list(kRtlDir / "files.f");
    std::string sources, file;
    while (list >> file) {
      sources += ' ';
      sources += shell_quote((kRtlDir / file).string());
    }
    const std::filesystem::path output = work_dir / "accelerator_tb.vvp";
    const auto [status, log] = run(fmt::format(
        "iverilog -g2012 -I {} -o {}{} {}", shell_quote(kRtlDir.string()),
        shell_quote(output.string()), sources, shell_quote((kRtlDir / "accelerator_tb.sv").string())));
    if (status != 0) throw std::runtime_error("iverilog failed (" + std::to_string(status) + "):\n" + log);
    return output;
  }();
  return program;
}

void parse_line(const std::string& line, IcarusRun& result) {
  std::istringstream fields(line);
  std::string kind, name;
  fields >> kind;
  if (kind == "token") {
    unsigned token = 0;
    fields >> token;
    result.tokens.push_back(static_cast<models::Token>(token));
  } else if (kind == "counter") {
    std::uint64_t value = 0;
    fields >> name >> value;
    const std::map<std::string, std::uint64_t accel::CounterValues::*> counters{
        {"cycles", &accel::CounterValues::cycles},
        {"draft_cycles", &accel::CounterValues::draft_cycles},
        {"verify_cycles", &accel::CounterValues::verify_cycles},
        {"stall_cycles", &accel::CounterValues::stall_cycles},
        {"iterations", &accel::CounterValues::iterations},
        {"drafted", &accel::CounterValues::drafted},
        {"accepted", &accel::CounterValues::accepted},
        {"emitted", &accel::CounterValues::emitted},
        {"rejections", &accel::CounterValues::rejections}};
    const auto counter = counters.find(name);
    if (counter != counters.end()) {
      result.counters.*(counter->second) = value;
      return;
    }
    for (std::size_t index = 0; index < accel::kTrafficCounterCount; ++index) {
      if (name == accel::traffic_counter_name(index)) {
        accel::traffic_counter(result.traffic, index) = value;
        return;
      }
    }
    throw std::runtime_error("unknown counter in: " + line);
  } else if (kind == "x_after_reset" || kind == "first_x") {
    double time = 0;
    fields >> name >> time;
    (kind == "first_x" ? result.first_x : result.x_after_reset)[name] = time;
  } else if (kind == "status") {
    fields >> result.status;
  } else if (kind == "ERROR:" || kind == "FATAL:") {
    result.errors.push_back(line);
  }
}

}  // namespace

IcarusRun run_icarus_accelerator(const std::filesystem::path& work_dir,
                                 const IcarusCase& icarus_case) {
  const std::filesystem::path program = compiled_testbench(work_dir);
  const std::filesystem::path prompt_file = work_dir / "prompt.hex";
  {
    std::ofstream prompt(prompt_file);
    for (const models::Token token : icarus_case.prompt) prompt << fmt::format("{:02x}\n", token);
  }
  const accel::RunParameters& run_parameters = icarus_case.run;
  const accel::HardwareParameters& hardware = icarus_case.hardware;
  std::string command = fmt::format(
      "vvp -n {} +target={} +draft={} +prompt={} +prompt_length={} +tokens={} +k={} +sample={} "
      "+seed={:x} +lanes={} +mem_bw={} +mem_latency={} +draft_bw={} +hold_output={}",
      shell_quote(program.string()), shell_quote(icarus_case.target_file.string()),
      shell_quote(icarus_case.draft_file.string()), shell_quote(prompt_file.string()),
      icarus_case.prompt.size(), run_parameters.new_tokens, run_parameters.draft_length,
      run_parameters.mode == models::DecodeMode::sample ? 1 : 0, run_parameters.seed,
      hardware.lanes, hardware.memory_bytes_per_cycle, hardware.memory_latency,
      hardware.draft_bytes_per_cycle, icarus_case.hold_output);
  if (!icarus_case.inject.empty()) command += " +inject=" + icarus_case.inject;

  IcarusRun result;
  std::tie(result.exit_code, result.log) = run(command);
  std::istringstream lines(result.log);
  std::string line;
  while (std::getline(lines, line)) parse_line(line, result);
  return result;
}

}  // namespace tetra::rtl_test
