#pragma once
// Assertions over clock cycles, each a checker thread that samples at every rising edge
// of a clock (the values the design's flops see there) and stops the test at the first
// violation, naming the cycle: the number of rising edges since the checker started,
// the first being cycle 1. The kernel adds the time and the checker's path
// (the thread's name). Start them from the test's thread; they run until the test ends.

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/signal.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/kernel/value_traits.hpp"
#include "sim/testbench/check.hpp"
#include "sim/values/format.hpp"

namespace tetra::testbench {

/// "`antecedent` implies `consequent` within `cycles` cycles": at every rising edge of
/// `clk` where antecedent() holds, consequent() must hold at that edge or at one of the
/// next `cycles` edges. Starts the checker thread `name`.
inline ThreadHandle assert_implies_within(std::string_view name, const BasicSignal<Logic>& clk,
                                          std::function<bool()> antecedent, std::function<bool()> consequent,
                                          std::size_t cycles) {
  return spawn(name, [&clk, antecedent = std::move(antecedent), consequent = std::move(consequent), cycles] {
    std::deque<std::size_t> waiting;  // the cycles whose antecedent still waits for the consequent
    for (std::size_t cycle = 1;; ++cycle) {
      wait(clk.posedge());
      const bool holds = consequent();
      if (holds) waiting.clear();
      if (antecedent() && !holds) waiting.push_back(cycle);
      if (!waiting.empty() && cycle - waiting.front() >= cycles) {
        throw CheckError(fmt::format("cycle {}: the antecedent held at cycle {}, the consequent not within {} cycle(s)",
                                     cycle, waiting.front(), cycles));
      }
    }
  });
}

/// "Stable while not ready": once `valid` is 1 at a rising edge of `clk` where `ready`
/// is 0, valid must still be 1 and `data` unchanged at the next edge. Starts the checker
/// thread `name`. Edges where valid or ready is X are left to the other checks.
template <SignalValue T>
ThreadHandle assert_stable_while_not_ready(std::string_view name, const BasicSignal<Logic>& clk,
                                           const BasicSignal<Logic>& valid, const BasicSignal<T>& data,
                                           const BasicSignal<Logic>& ready) {
  return spawn(name, [&clk, &valid, &data, &ready] {
    bool held = false;  // valid waited for ready at the previous edge
    T held_data{};
    for (std::size_t cycle = 1;; ++cycle) {
      wait(clk.posedge());
      if (held && valid.read() != L1) {
        throw CheckError(fmt::format("cycle {}: {} dropped to {} while waiting for {} since cycle {}", cycle,
                                     valid.path(), valid.read(), ready.path(), cycle - 1));
      }
      if (held && !(data.read() == held_data)) {
        throw CheckError(fmt::format("cycle {}: {} changed from {} to {} while waiting for {} since cycle {}", cycle,
                                     data.path(), held_data, data.read(), ready.path(), cycle - 1));
      }
      held = valid.read() == L1 && ready.read() == L0;
      if (held) held_data = data.read();
    }
  });
}

/// "Never X after reset": at every rising edge of `clk` after `rst` was 1 and is 0
/// again, no bit of `signals` may be X or Z. Edges in reset are skipped. Starts the
/// checker thread `name`.
inline ThreadHandle assert_never_unknown_after_reset(std::string_view name, const BasicSignal<Logic>& clk,
                                                     const BasicSignal<Logic>& rst,
                                                     std::vector<const SignalBase*> signals) {
  return spawn(name, [&clk, &rst, signals = std::move(signals)] {
    bool was_reset = false;
    std::size_t reset_ended = 0;  // the first cycle out of reset
    for (std::size_t cycle = 1;; ++cycle) {
      wait(clk.posedge());
      if (rst.read() != L0) {
        was_reset = was_reset || rst.read() == L1;
        reset_ended = 0;
        continue;
      }
      if (!was_reset) continue;
      if (reset_ended == 0) reset_ended = cycle;
      for (const SignalBase* signal : signals) {
        const std::string bits = signal->value_bits();
        if (bits.find_first_of("xzXZ") != std::string::npos) {
          throw CheckError(fmt::format("cycle {}: {} is {}'b{}, {} cycle(s) after the reset ended", cycle,
                                       signal->path(), bits.size(), bits, cycle - reset_ended));
        }
      }
    }
  });
}

}  // namespace tetra::testbench
