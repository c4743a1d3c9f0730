// Unknown bits driven into a Verilated (two-state) model: each policy, per model and per
// port; an error only for X that lasts until the time slot settles.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "cosim_encoder8.hpp"
#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/format.hpp"
#include "tests/cosim/widths_bench.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

/// The 8-bit priority encoder with its signals.
struct EncoderBench {
  Simulation sim;
  Signal<Vec<8>> request{sim, "request", Vec<8>::zeros()};
  Signal<Logic> valid{sim, "valid"};
  Signal<Vec<3>> index{sim, "index"};
  verilog::Encoder8 dut;

  explicit EncoderBench(VerilatedOptions options = {}) : dut(sim, "dut", std::move(options)) {
    dut.request(request);
    dut.valid(valid);
    dut.index(index);
  }
  /// Drives `value` at 10 ns and returns the index the model computes.
  Vec<3> index_for(const Vec<8>& value) {
    sim.thread("test", [&] {
      wait(10_ns);
      request.write(value);
    });
    sim.run();
    return index.read();
  }
};

TEST(UnknownBits, ByDefaultAnUnknownInputThatLastsIsAnErrorNamingThePortTimeAndValue) {
  EncoderBench bench;
  try {
    bench.index_for(Vec<8>::parse("8'bxxxx_0z01"));
    FAIL() << "expected an UnknownInputError";
  } catch (const UnknownInputError& error) {
    EXPECT_STREQ(error.what(),
                 "at 10 ns in dut.request: 8'bxxxx0z01 driven into a Verilated model, which is two-state "
                 "(unknown-bit policy: error; VerilatedOptions chooses zeros, ones or random)");
    EXPECT_EQ(error.time(), 10_ns);
    EXPECT_EQ(error.path(), "dut.request");
  }
}

TEST(UnknownBits, AnUnknownInputBetweenDeltaCyclesIsHeldBackNotAnError) {
  EncoderBench bench;
  Event next_delta{bench.sim};
  std::string seen;
  bench.sim.thread("test", [&] {
    wait(10_ns);
    bench.request.write(Vec<8>::xs());  // the model evaluates with this in the next delta...
    next_delta.notify_delta();
    wait(next_delta);
    bench.request.write(Vec<8>(0x08));  // ... and with this one delta later
    wait(bench.index.changed());
    seen = fmt::format("{} at {}", bench.index.read(), now());
  });
  bench.sim.run();
  EXPECT_EQ(seen, "3'b011 at 10 ns");
  EXPECT_EQ(bench.dut.evaluations(), 3u);  // start-up, the held X, the known value
}

TEST(UnknownBits, ZerosAndOnesReplaceOnlyTheUnknownBits) {
  const auto value = Vec<8>::parse("8'b0000_01xz");
  EXPECT_EQ(EncoderBench({.unknown_bits = UnknownBitPolicy::zeros()}).index_for(value), Vec<3>(2));  // 00000100
  EXPECT_EQ(EncoderBench({.unknown_bits = UnknownBitPolicy::ones()}).index_for(value), Vec<3>(0));   // 00000111
}

// Runs the widths model with `policy` on b64, driven with `value` at 10 ns, and returns
// what the model saw (the complement of not_b64).
Vec<64> seen_by_the_model(UnknownBitPolicy policy, const Vec<64>& value) {
  WidthsBench bench({.port_unknown_bits = {{"b64", policy}}});
  bench.sim.thread("test", [&] {
    wait(10_ns);
    bench.b64.write(value);
  });
  bench.sim.run();
  return ~bench.not_b64.read();
}

TEST(UnknownBits, RandomIsSeededAndLogsItsSeed) {
  const auto half_known = Vec<64>::parse("64'h1234_5678_xxxx_xxxx");
  ::testing::internal::CaptureStderr();
  const Vec<64> first = seen_by_the_model(UnknownBitPolicy::random(42), half_known);
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(log, "tetra: at 10 ns in dut.b64: X/Z bits become random bits (unknown-bit policy: random "
                 "(seed 42))\n");
  EXPECT_TRUE(first.is_known());
  EXPECT_EQ(first.aval(0) >> 32, 0x1234'5678u) << "known bits pass unchanged";
  EXPECT_NE(first.aval(0) & 0xffff'ffffu, 0u);
  EXPECT_NE(first.aval(0) & 0xffff'ffffu, 0xffff'ffffu);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(seen_by_the_model(UnknownBitPolicy::random(42), half_known), first) << "the same seed repeats";
  EXPECT_NE(seen_by_the_model(UnknownBitPolicy::random(43), half_known), first) << "another seed differs";
  ::testing::internal::GetCapturedStderr();
}

TEST(UnknownBits, APortsOwnPolicyOverridesTheModels) {
  WidthsBench bench({.unknown_bits = UnknownBitPolicy::zeros(), .port_unknown_bits = {{"b5", UnknownBitPolicy::error()}}});
  EXPECT_EQ(bench.dut.unknown_bits_of("b16"), UnknownBitPolicy::zeros());
  EXPECT_EQ(bench.dut.unknown_bits_of("b5"), UnknownBitPolicy::error());
  bench.sim.thread("test", [&] {
    wait(10_ns);
    bench.b16.write(Vec<16>::xs());  // zeros: fine
    wait(10_ns);
    EXPECT_EQ(bench.not_b16.read(), Vec<16>::ones());
    bench.b5.write(Vec<5>::parse("5'b1x000"));  // error
  });
  try {
    bench.sim.run();
    FAIL() << "expected an UnknownInputError";
  } catch (const UnknownInputError& error) {
    EXPECT_EQ(error.path(), "dut.b5");
    EXPECT_EQ(error.time(), 20_ns);
  }
}

TEST(UnknownBits, APolicyForAPortThatIsNotAnInputIsRefused) {
  Simulation sim;
  for (const char* port : {"requets", "index"}) {
    try {
      verilog::Encoder8 dut{sim, port, {.port_unknown_bits = {{port, UnknownBitPolicy::zeros()}}}};
      FAIL() << "expected std::invalid_argument for " << port;
    } catch (const std::invalid_argument& error) {
      EXPECT_EQ(error.what(), fmt::format("{}: an unknown-bit policy names '{}', which is not an input (inputs: "
                                          "request)",
                                          port, port));
    }
  }
}

}  // namespace
}  // namespace tetra::test
