// counter_tb.cpp's twin in SystemC 2.3.4, for the compile-time comparison in
// bench/compile/run.sh (docs/performance.md, "Compile time"): the same 8-bit counter with
// clock, synchronous reset and enable, four-state (sc_lv), and the same two tests as
// threads that wait on clock edges and check every count.
#include <systemc>

#include <cstdint>
#include <string>

SC_MODULE(Counter) {
  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_in<sc_dt::sc_logic> rst{"rst"};
  sc_core::sc_in<sc_dt::sc_logic> en{"en"};
  sc_core::sc_out<sc_dt::sc_lv<8>> q{"q"};

  SC_CTOR(Counter) {
    SC_METHOD(tick);
    sensitive << clk.pos();
    dont_initialize();
  }

  void tick() {
    if (rst.read() == sc_dt::SC_LOGIC_1) {
      q.write(sc_dt::sc_lv<8>(0));
    } else if (en.read() == sc_dt::SC_LOGIC_1) {
      q.write(sc_dt::sc_lv<8>(q.read().to_uint() + 1));
    }
  }
};

SC_MODULE(CounterTop) {
  sc_core::sc_clock clk{"clk", 10, sc_core::SC_NS};
  sc_core::sc_signal<sc_dt::sc_logic> rst{"rst"};
  sc_core::sc_signal<sc_dt::sc_logic> en{"en"};
  sc_core::sc_signal<sc_dt::sc_lv<8>> count{"count"};
  Counter counter{"counter"};
  int failures = 0;

  SC_CTOR(CounterTop) {
    counter.clk(clk);
    counter.rst(rst);
    counter.en(en);
    counter.q(count);
    SC_THREAD(test);
  }

  void expect_equal(const sc_dt::sc_lv<8>& actual, std::uint64_t expected, const std::string& what) {
    if (!actual.is_01() || actual.to_uint64() != expected) {
      ++failures;
      SC_REPORT_ERROR("counter_tb", (what + ": got " + actual.to_string() + ", expected " + std::to_string(expected)).c_str());
    }
  }

  void next_cycle() { wait(clk.posedge_event()); wait(sc_core::SC_ZERO_TIME); }

  void reset() {
    en.write(sc_dt::SC_LOGIC_0);
    rst.write(sc_dt::SC_LOGIC_1);
    next_cycle();
    expect_equal(count.read(), 0, "count after reset");
    rst.write(sc_dt::SC_LOGIC_0);
    en.write(sc_dt::SC_LOGIC_1);
  }

  void test() {
    reset();
    for (std::uint64_t expected = 1; expected <= 300; ++expected) {
      next_cycle();
      expect_equal(count.read(), expected % 256, "count after " + std::to_string(expected) + " enabled cycles");
    }
    reset();
    for (int i = 0; i < 7; ++i) next_cycle();
    en.write(sc_dt::SC_LOGIC_0);
    for (int i = 0; i < 5; ++i) next_cycle();
    expect_equal(count.read(), 7, "count while disabled");
    rst.write(sc_dt::SC_LOGIC_1);
    next_cycle();
    expect_equal(count.read(), 0, "count after a second reset");
    sc_core::sc_stop();
  }
};

int sc_main(int /*argc*/, char* /*argv*/[]) {
  CounterTop top("top");
  sc_core::sc_start();
  return top.failures == 0 ? 0 : 1;
}
