#pragma once
// Ready/valid streams, the handshake of sim/lib (SkidBuffer, Fifo users, the accelerator):
// an item moves at a rising edge of the clock where valid and ready are both 1; the
// sender holds valid and data until then. The testbench side, as reusable coroutines: a
// driver that sends items, a thread that drives ready at random (back-pressure), and a
// monitor that reports every transfer. Values are sampled at the rising edge, as the
// design's flops see them.

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/signal.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/kernel/value_traits.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/test_context.hpp"
#include "sim/values/format.hpp"

namespace tetra::testbench {

namespace detail {
// The handshake bit `signal` at a rising edge: X or Z there is an error.
inline bool handshake_bit(const BasicSignal<Logic>& signal) {
  const Logic value = signal.read();
  if (!value.is_known()) throw CheckError(fmt::format("{} is {} at a rising edge", signal.path(), value));
  return value == L1;
}
}  // namespace detail

/// Sends items on a stream whose valid and data the testbench drives.
template <SignalValue T>
class StreamDriver {
public:
  /// A driver of `valid` and `data`, handshaking with `ready` at rising edges of `clk`.
  StreamDriver(const BasicSignal<Logic>& clk, Signal<Logic>& valid, Signal<T>& data, const BasicSignal<Logic>& ready)
      : clk_(clk), valid_(valid), data_(data), ready_(ready) {}

  /// Before each item, valid stays 0 for a cycle with probability `probability`, again
  /// and again (random gaps from the test's random source; 0, the default, sends back to back).
  void set_gap_chance(double probability) { gap_chance_ = probability; }

  /// Offers `item` (valid 1, data) from now until a rising edge where ready is 1, and
  /// returns just after that edge. Call from a thread, at or after a clock edge.
  void send(const T& item) {
    while (gap_chance_ > 0 && test_random().chance(gap_chance_)) {
      idle();
      wait(clk_.posedge());
    }
    valid_.write(L1);
    data_.write(item);
    do wait(clk_.posedge());
    while (!detail::handshake_bit(ready_));
  }
  /// Sends every item of `items` in order, then idles.
  template <class Items>
  void send_all(const Items& items) {
    for (const auto& item : items) send(item);
    idle();
  }
  /// Drops valid; data goes X, since nothing may read it.
  void idle() {
    valid_.write(L0);
    data_.write(ValueTraits<T>::all_x());
  }

private:
  const BasicSignal<Logic>& clk_;
  Signal<Logic>& valid_;
  Signal<T>& data_;
  const BasicSignal<Logic>& ready_;
  double gap_chance_ = 0;
};

/// Starts a thread `name` that sets `ready` at every rising edge of `clk`: 1 with
/// probability `probability` (from the test's random source), else 0. Call from a thread.
inline ThreadHandle drive_ready(std::string_view name, const BasicSignal<Logic>& clk, Signal<Logic>& ready,
                                double probability) {
  return spawn(name, [&clk, &ready, probability] {
    while (true) {
      ready.write(test_random().chance(probability) ? L1 : L0);
      wait(clk.posedge());
    }
  });
}

/// Watches a stream and reports every transfer.
template <SignalValue T>
class StreamMonitor {
public:
  /// A monitor of `valid`, `data` and `ready` at rising edges of `clk`; edges where `rst`
  /// is not 0 are skipped (valid is commonly X before the first reset).
  StreamMonitor(const BasicSignal<Logic>& clk, const BasicSignal<Logic>& rst, const BasicSignal<Logic>& valid,
                const BasicSignal<T>& data, const BasicSignal<Logic>& ready)
      : clk_(clk), rst_(rst), valid_(valid), data_(data), ready_(ready) {}

  /// Starts the thread `name`, which calls `on_transfer(data)` for each transfer; valid
  /// or ready X or Z at an edge out of reset stops the test. Call from a thread.
  ThreadHandle start(std::string_view name, std::function<void(const T&)> on_transfer) {
    // The thread holds the signals, not the monitor, which may be gone before it.
    return spawn(name, [&clk = clk_, &rst = rst_, &valid = valid_, &data = data_, &ready = ready_,
                        on_transfer = std::move(on_transfer)] {
      while (true) {
        wait(clk.posedge());
        if (rst.read() != L0) continue;
        const bool valid_bit = detail::handshake_bit(valid);
        if (detail::handshake_bit(ready) && valid_bit) on_transfer(data.read());
      }
    });
  }

private:
  const BasicSignal<Logic>& clk_;
  const BasicSignal<Logic>& rst_;
  const BasicSignal<Logic>& valid_;
  const BasicSignal<T>& data_;
  const BasicSignal<Logic>& ready_;
};

}  // namespace tetra::testbench
