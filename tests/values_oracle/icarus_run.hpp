#pragma once
// Runs a Verilog program under Icarus Verilog (iverilog -g2012, then vvp) and collects
// what it $displays, for the four-state oracle test.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tetra::oracle {

// A self-contained Verilog program: `source` may read `<name>.mem` (written from
// `memory_image`) with $readmemb, since vvp runs inside the work directory.
struct VerilogProgram {
  std::string name;
  std::string source;
  std::string memory_image;
};

// What the program printed, by label: each output line must read "<label> <case> <value>",
// and results[label][case] is that value (cases of one label are printed 0, 1, 2, ...).
using DisplayedResults = std::map<std::string, std::vector<std::string>, std::less<>>;

// Writes `program` into `work_dir`, compiles and runs it, and parses its output. Throws
// std::runtime_error naming the command, its exit status and its log when iverilog is
// missing, compilation or simulation fails, or a line does not parse.
DisplayedResults run_icarus(const std::filesystem::path& work_dir, const VerilogProgram& program);

} // namespace tetra::oracle
