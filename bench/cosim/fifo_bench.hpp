#pragma once
// What the co-simulation benchmarks share: the FIFO traffic every implementation sees
// (a xorshift generator decides, from full and empty, whether to push, 3 times in 4 when
// not full, and pop, 3 times in 4 when not empty, and folds every popped word into a
// checksum that each run prints), the FIFO's signals, and CPU time with its medians.

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/simulation.hpp"

namespace tetra::bench {

/// One cycle's inputs.
struct FifoStep {
  bool push;
  bool pop;
  std::uint16_t data;
};

/// The traffic: call next() once per cycle with the outputs the cycle starts with.
class FifoTraffic {
public:
  /// The inputs for a cycle that starts with `full`, `empty` and `pop_data`.
  FifoStep next(bool full, bool empty, std::uint64_t pop_data) {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    const FifoStep step{!full && (state_ & 3u) != 0, !empty && ((state_ >> 2) & 3u) != 0,
                        static_cast<std::uint16_t>(state_ >> 16)};
    if (step.pop) checksum_ = checksum_ * 31 + pop_data;
    return step;
  }
  /// The fold of every popped word.
  [[nodiscard]] std::uint64_t checksum() const { return checksum_; }

private:
  std::uint64_t state_ = 0x9e37'79b9'7f4a'7c15u;
  std::uint64_t checksum_ = 0;
};

/// The signals of a FIFO with 16-bit words and a 3-bit count (sim/lib's and rtl/lib's),
/// named "<prefix>_<port>".
struct FifoSignals {
  FifoSignals(Simulation& sim, const std::string& prefix)
      : clk(sim, prefix + "_clk", L0),
        rst(sim, prefix + "_rst", L1),
        push(sim, prefix + "_push", L0),
        push_data(sim, prefix + "_push_data", Vec<16>::zeros()),
        pop(sim, prefix + "_pop", L0),
        pop_data(sim, prefix + "_pop_data"),
        full(sim, prefix + "_full"),
        empty(sim, prefix + "_empty"),
        count(sim, prefix + "_count") {}
  Signal<Logic> clk;
  Signal<Logic> rst;
  Signal<Logic> push;
  Signal<Vec<16>> push_data;
  Signal<Logic> pop;
  Signal<Vec<16>> pop_data;
  Signal<Logic> full;
  Signal<Logic> empty;
  Signal<Vec<3>> count;
};

/// Binds the ports of `fifo` to `inputs`' inputs (clk, rst, push, push_data, pop) and to
/// `outputs`' outputs.
template <class Fifo>
void bind_fifo(Fifo& fifo, FifoSignals& inputs, FifoSignals& outputs) {
  fifo.clk(inputs.clk);
  fifo.rst(inputs.rst);
  fifo.push(inputs.push);
  fifo.push_data(inputs.push_data);
  fifo.pop(inputs.pop);
  fifo.pop_data(outputs.pop_data);
  fifo.full(outputs.full);
  fifo.empty(outputs.empty);
  fifo.count(outputs.count);
}

/// What one run of a mode measured: its CPU time, and the checksum of its traffic (which
/// every mode must agree on).
struct RunResult {
  double seconds;
  std::uint64_t checksum;
};

/// CPU time of this process, in seconds.
inline double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// The median of `values` (not empty).
inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

}  // namespace tetra::bench
