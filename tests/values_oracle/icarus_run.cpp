#include "tests/values_oracle/icarus_run.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace tetra::oracle {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

// Single quotes protect any path for /bin/sh; a quote inside is closed, escaped, reopened.
std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// Runs `command` with stdout and stderr sent to `log`; throws with the log on failure.
void run_or_throw(const std::string& command, const std::filesystem::path& log) {
  const int status = std::system((command + " > " + shell_quote(log.string()) + " 2>&1").c_str());
  const int exit_code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (exit_code != 0) {
    throw std::runtime_error("command failed with exit status " + std::to_string(exit_code) +
                             ": " + command + "\n" + read_text(log));
  }
}

DisplayedResults parse_displayed(const std::filesystem::path& output) {
  DisplayedResults results;
  std::ifstream in(output);
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    std::istringstream fields(line);
    std::string label;
    std::size_t case_index = 0;
    std::string value;
    std::string extra;
    if (!(fields >> label >> case_index >> value) || (fields >> extra)) {
      throw std::runtime_error(output.string() + ":" + std::to_string(line_number) +
                               ": expected \"<label> <case> <value>\", got \"" + line + "\"");
    }
    std::vector<std::string>& values = results[label];
    if (case_index != values.size()) {
      throw std::runtime_error(output.string() + ":" + std::to_string(line_number) + ": case " +
                               std::to_string(case_index) + " of " + label + " is out of order");
    }
    values.push_back(value);
  }
  return results;
}

} // namespace

DisplayedResults run_icarus(const std::filesystem::path& work_dir, const VerilogProgram& program) {
  if (std::system("command -v iverilog > /dev/null 2>&1 && command -v vvp > /dev/null 2>&1") != 0) {
    throw std::runtime_error(
        "iverilog or vvp not found on PATH: the oracle test needs Icarus Verilog "
        "(Debian package iverilog)");
  }
  std::filesystem::create_directories(work_dir);
  const std::filesystem::path source = work_dir / (program.name + ".v");
  const std::filesystem::path compiled = work_dir / (program.name + ".vvp");
  const std::filesystem::path output = work_dir / (program.name + ".out");
  write_text(source, program.source);
  write_text(work_dir / (program.name + ".mem"), program.memory_image);

  run_or_throw("iverilog -g2012 -o " + shell_quote(compiled.string()) + " " + shell_quote(source.string()),
               work_dir / (program.name + ".compile.log"));
  run_or_throw("cd " + shell_quote(work_dir.string()) + " && vvp -n " + shell_quote(compiled.string()),
               output);
  return parse_displayed(output);
}

} // namespace tetra::oracle
