#pragma once
// The widths model (tests/cosim/verilog/widths.sv) with a signal on every port, inputs
// at 0 and a clock the test drives.

#include <utility>

#include "cosim_widths.hpp"
#include "sim/kernel/simulation.hpp"

namespace tetra::test {

/// The widths model with a signal on every port, and a clock the test drives.
struct WidthsBench {
  Simulation sim;
  Signal<Logic> clk{sim, "clk", L0};
  Signal<Logic> b1{sim, "b1", L0};
  Signal<Vec<5>> b5{sim, "b5", Vec<5>::zeros()};
  Signal<Vec<16>> b16{sim, "b16", Vec<16>::zeros()};
  Signal<Vec<17>> b17{sim, "b17", Vec<17>::zeros()};
  Signal<Vec<33>> b33{sim, "b33", Vec<33>::zeros()};
  Signal<Vec<64>> b64{sim, "b64", Vec<64>::zeros()};
  Signal<Vec<65>> b65{sim, "b65", Vec<65>::zeros()};
  Signal<Vec<100>> b100{sim, "b100", Vec<100>::zeros()};
  Signal<Vec<128>> b128{sim, "b128", Vec<128>::zeros()};
  Signal<Logic> not_b1{sim, "not_b1"};
  Signal<Vec<5>> not_b5{sim, "not_b5"};
  Signal<Vec<16>> not_b16{sim, "not_b16"};
  Signal<Vec<17>> not_b17{sim, "not_b17"};
  Signal<Vec<33>> not_b33{sim, "not_b33"};
  Signal<Vec<64>> not_b64{sim, "not_b64"};
  Signal<Vec<65>> not_b65{sim, "not_b65"};
  Signal<Vec<100>> not_b100{sim, "not_b100"};
  Signal<Vec<128>> not_b128{sim, "not_b128"};
  Signal<Vec<100>> q100{sim, "q100"};
  verilog::Widths dut;

  explicit WidthsBench(VerilatedOptions options = {}) : dut(sim, "dut", std::move(options)) {
    dut.clk(clk);
    dut.b1(b1);
    dut.b5(b5);
    dut.b16(b16);
    dut.b17(b17);
    dut.b33(b33);
    dut.b64(b64);
    dut.b65(b65);
    dut.b100(b100);
    dut.b128(b128);
    dut.not_b1(not_b1);
    dut.not_b5(not_b5);
    dut.not_b16(not_b16);
    dut.not_b17(not_b17);
    dut.not_b33(not_b33);
    dut.not_b64(not_b64);
    dut.not_b65(not_b65);
    dut.not_b100(not_b100);
    dut.not_b128(not_b128);
    dut.q100(q100);
  }
};

}  // namespace tetra::test
