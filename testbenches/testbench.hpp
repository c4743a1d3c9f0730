#pragma once
// What the example testbenches share: checks that throw, and a runner that turns the
// run's outcome into an exit status. A failed check stops the run; the kernel rethrows
// it from run() with the simulation time and the testbench's path.

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/trace/tracer.hpp"

namespace tetra::testbench {

/// Throws std::runtime_error "<what>: expected <expected>, got <actual>" unless identical.
template <class T>
void expect_equal(const T& actual, const T& expected, std::string_view what) {
  if (!(actual == expected)) throw std::runtime_error(fmt::format("{}: expected {}, got {}", what, expected, actual));
}

/// Waits for the next rising edge of `clk`, then for its falling edge: there the edge's
/// results show, and inputs written reach the following rising edge.
inline void next_cycle(const BasicSignal<Logic>& clk) {
  wait(clk.posedge());
  wait(clk.negedge());
}

/// Runs `test` as the thread "test" of `sim`, tracing every signal to argv[1] if given;
/// returns 0 if it ran to its end without a failed check, 1 otherwise (with the reason on stderr).
template <class F>
int run_testbench(Simulation& sim, std::string_view name, int argc, char** argv, F test) {
  if (argc > 1) trace_vcd(sim, argv[1]);
  bool completed = false;
  sim.thread("test", [&] {
    test();
    completed = true;
    finish();
  });
  try {
    sim.run();
  } catch (const std::exception& error) {
    fmt::print(stderr, "{} FAILED: {}\n", name, error.what());
    return 1;
  }
  if (!completed) {
    fmt::print(stderr, "{} FAILED: the test stopped before its end, at {}\n", name, sim.now());
    return 1;
  }
  fmt::print("{} passed at {}\n", name, sim.now());
  return 0;
}

}  // namespace tetra::testbench
