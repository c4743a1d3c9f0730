// Ctrl-C and kill on a running `tetra accel --vcd` and `tetra cosim --rtl-vcd`: the real
// executable, in a process of its own, so that the signal reaches it as it would from a
// terminal.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/trace/vcd_reader.hpp"

extern char** environ;

namespace {

using namespace tetra;

struct StoppedRun {
  int exit_status = -1;  // -1 unless the process exited (rather than died of a signal)
  std::string err;
  std::filesystem::path vcd;
};

// Starts `tetra <command> --tokens 2000 --k 4 <vcd_option> <file>`, a long decode, sends
// `signal_number` once the waveform has started to reach the disk (so the simulation is
// running), and waits for the end.
StoppedRun stop_tetra(const std::string& command, const std::string& vcd_option, int signal_number) {
  const std::string stem = std::filesystem::temp_directory_path() / ("tetra_stop_" + command + "_" +
                                                                     std::to_string(::getpid()) + "_" +
                                                                     std::to_string(signal_number));
  StoppedRun run;
  run.vcd = stem + ".vcd";
  const std::string err_file = stem + ".err";
  std::filesystem::remove(run.vcd);
  std::vector<std::string> arguments{TETRA_EXECUTABLE, command, "--tokens", "2000", "--k", "4", vcd_option,
                                     run.vcd.string()};
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, argv[0], &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot start " << argv[0];
    return run;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::error_code ignored;
  // file_size gives -1 while the file does not exist yet, and 0 until the first buffer is written.
  const auto reached_disk = [&] {
    const std::uintmax_t size = std::filesystem::file_size(run.vcd, ignored);
    return size != 0 && size != static_cast<std::uintmax_t>(-1);
  };
  while (!reached_disk() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(child, signal_number);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (WIFEXITED(status)) run.exit_status = WEXITSTATUS(status);
  std::ifstream err(err_file);
  std::ostringstream text;
  text << err.rdbuf();
  run.err = text.str();
  std::filesystem::remove(err_file);
  return run;
}

void expect_stopped_cleanly(const std::string& command, const std::string& vcd_option, int signal_number,
                            const char* name, int exit_status) {
  const StoppedRun run = stop_tetra(command, vcd_option, signal_number);
  EXPECT_EQ(run.exit_status, exit_status) << run.err;
  EXPECT_NE(run.err.find("tetra " + command + ": at "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(std::string(": stopped by SIG") + name + "; the waveform is complete up to then"),
            std::string::npos)
      << run.err;
  // The strict reader refuses a file cut mid-line or without its end.
  try {
    const VcdReader trace = VcdReader::read(run.vcd);
    EXPECT_FALSE(trace.timestamps().empty());
    EXPECT_GT(trace.timestamps().back(), 0u);
  } catch (const VcdParseError& error) {
    ADD_FAILURE() << error.what();
  }
  std::filesystem::remove(run.vcd);
}

}  // namespace

TEST(StopSignal, CtrlCEndsTheRunWithACompleteWaveformAndStatus130) {
  expect_stopped_cleanly("accel", "--vcd", SIGINT, "INT", 130);
}

TEST(StopSignal, KillEndsTheRunWithACompleteWaveformAndStatus143) {
  expect_stopped_cleanly("accel", "--vcd", SIGTERM, "TERM", 143);
}

TEST(StopSignal, CtrlCLeavesTheVerilatedModelsOwnWaveformComplete) {
  expect_stopped_cleanly("cosim", "--rtl-vcd", SIGINT, "INT", 130);
}
