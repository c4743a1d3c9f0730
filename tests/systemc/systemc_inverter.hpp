#pragma once
// y = ~a as a SystemC method: the SystemC model of the SystemCModule tests, and the native
// reference for the TetraModule tests' delta timing.

#include <systemc>

namespace tetra::systemc::testing {

SC_MODULE(SystemCInverter) {
  sc_core::sc_in<sc_dt::sc_logic> a{"a"};
  sc_core::sc_out<sc_dt::sc_logic> y{"y"};
  SC_CTOR(SystemCInverter) {
    SC_METHOD(invert);
    sensitive << a;
  }
  void invert() { y.write(~a.read()); }
};

}  // namespace tetra::systemc::testing
