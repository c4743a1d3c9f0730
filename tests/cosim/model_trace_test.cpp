// Tracing: the bridge's ports appear in Tetra's VCD like any signal, and Verilator's VCD
// of the model's internals is a second file on the same time base.
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "cosim_encoder8.hpp"
#include "sim/trace/tracer.hpp"
#include "sim/trace/vcd_reader.hpp"
#include "tests/cosim/widths_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

std::filesystem::path temporary(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("tetra_cosim_" + name);
}

TEST(ModelTrace, TheModelsInternalsGoToASecondVcdOnTheSameTimeBase) {
  const auto tetra_vcd = temporary("ports.vcd");
  const auto model_vcd = temporary("internals.vcd");
  {
    WidthsBench bench({.trace_file = model_vcd});
    trace_vcd(bench.sim, tetra_vcd);
    bench.sim.thread("test", [&] {
      for (std::uint64_t value = 1; value <= 3; ++value) {
        wait(7_ns);
        bench.b5.write(Vec<5>(value));
        bench.b100.write(Vec<100>(value * 1000));
        wait(3_ns);
        bench.clk.write(L1);
        wait(5_ns);
        bench.clk.write(L0);
      }
    });
    bench.sim.run();
  }
  const VcdReader ports = VcdReader::read(tetra_vcd);
  const VcdReader internals = VcdReader::read(model_vcd);
  EXPECT_EQ(internals.timescale(), ports.timescale());
  // Verilator names the model's scope after the instance's path ("dut"), then its top
  // module ("widths"): the same value, at the same times, in both files.
  for (const std::uint64_t time : {0u, 7'000u, 10'000u, 22'000u, 25'000u, 40'000u, 45'000u}) {
    EXPECT_EQ(internals.value_at("dut.widths.not_b5", time), ports.value_at("TOP.not_b5", time)) << "at " << time;
    EXPECT_EQ(internals.value_at("dut.widths.q100", time), ports.value_at("TOP.q100", time)) << "at " << time;
  }
  EXPECT_EQ(ports.value_at("TOP.q100", 25'000), std::string(89, '0') + "11111010000");  // 2000 from 25 ns
  std::filesystem::remove(tetra_vcd);
  std::filesystem::remove(model_vcd);
}

TEST(ModelTrace, ATraceFileNeedsAModelVerilatedWithTrace) {
  Simulation sim;
  try {
    verilog::Encoder8 dut{sim, "dut", {.trace_file = "never.vcd"}};
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(),
                 "dut: a trace file (never.vcd) needs the model Verilated with TRACE (tetra_add_verilated(... TRACE))");
  }
}

}  // namespace
}  // namespace tetra::test
