// Debian's dieharder on the generator: the draws of one seed, and the first draws of
// seeds 0, 1, 2, ... (the stream a sweep over seeds 1..N samples from, which the seeding
// decides) pass six of its tests (20 p-values each, a few seconds per test); none may be
// FAILED, dieharder's verdict for a p-value below 1e-6 or above 1 - 1e-6.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace tetra::models {
namespace {

// Birthday spacings, 6x8 binary rank, bitstream, count-the-1s stream, runs, STS monobit.
constexpr std::array kTests{0, 3, 4, 8, 15, 100};

struct Verdict {
  std::string test;
  std::string assessment;  // PASSED, WEAK or FAILED
  std::string line;
};

// Runs `xorshift_stream <stream> | dieharder -d <test>` and parses its result lines
// ("name| ntup| tsamples| psamples| p-value| assessment").
std::vector<Verdict> run_dieharder(const std::string& stream, int test) {
  const std::string command = fmt::format("'{}' {} | '{}' -g 200 -d {} -p 20 2>&1",
                                          TETRA_XORSHIFT_STREAM, stream, TETRA_DIEHARDER, test);
  const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) output += buffer.data();
  std::vector<Verdict> verdicts;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '|');) {
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      fields.push_back(cell);
    }
    if (fields.size() == 6 && (fields[5] == "PASSED" || fields[5] == "WEAK" ||
                               fields[5] == "FAILED")) {
      verdicts.push_back({fields[0], fields[5], line});
    }
  }
  if (verdicts.empty()) ADD_FAILURE() << "no verdict from: " << command << "\n" << output;
  return verdicts;
}

void expect_no_failure(const std::string& stream) {
  for (int test : kTests) {
    for (const Verdict& verdict : run_dieharder(stream, test)) {
      fmt::print("{}: {}\n", stream, verdict.line);
      EXPECT_NE(verdict.assessment, "FAILED") << stream << ": " << verdict.line;
    }
  }
}

TEST(Dieharder, PassesTheFirstDrawsOfConsecutiveSeeds) { expect_no_failure("first-draws"); }

TEST(Dieharder, PassesTheDrawsOfOneSeed) { expect_no_failure("draws 1"); }

}  // namespace
}  // namespace tetra::models
