#pragma once
// A scoreboard: the testbench says what it expects, a monitor says what it saw, and the
// first mismatch stops the test with both values and the time of each. In order, every
// observed item must be the oldest expected one; in any order, it must equal one of the
// pending ones. When the test ends, expected items never observed fail it.

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "sim/kernel/thread.hpp"
#include "sim/kernel/time.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/test_context.hpp"

namespace tetra::testbench {

/// Whether observed items must come in the order they were expected.
enum class Order { in_order, any_order };

/// Matches observed items of type T (printable with fmt) against expected ones.
template <class T>
class Scoreboard {
public:
  /// A scoreboard named `name` (it heads its messages). Made during a test, it adds an end
  /// check to it: nothing expected may be left unobserved when the test ends.
  explicit Scoreboard(std::string name, Order order = Order::in_order)
      : state_(std::make_shared<State>(State{std::move(name), order, {}, 0})) {
    if (TestContext* test = TestContext::current()) {
      test->add_end_check([state = state_] { return state->unobserved(); });
    }
  }

  /// Records that `value` is expected, at the current simulated time. Call from a process.
  void expect(const T& value) { state_->pending.push_back({value, now()}); }

  /// Matches `actual`, observed now, against the expected items; throws CheckError at a
  /// mismatch, or when nothing is pending. Call from a process.
  void observe(const T& actual) {
    State& state = *state_;
    const Duration observed_at = now();
    if (state.pending.empty()) {
      throw CheckError(fmt::format("scoreboard {}: item {}: observed {} at {}, but nothing was expected", state.name,
                                   state.matched, actual, observed_at));
    }
    if (state.order == Order::in_order) {
      const Expected& oldest = state.pending.front();
      if (!(oldest.value == actual)) {
        throw CheckError(fmt::format("scoreboard {}: item {}: expected {} (at {}), observed {} (at {})", state.name,
                                     state.matched, oldest.value, oldest.time, actual, observed_at));
      }
      state.pending.pop_front();
    } else {
      auto match = state.pending.begin();
      while (match != state.pending.end() && !(match->value == actual)) ++match;
      if (match == state.pending.end()) {
        const Expected& oldest = state.pending.front();
        throw CheckError(fmt::format("scoreboard {}: observed {} (at {}), which matches none of the {} expected; "
                                     "the oldest is {} (at {})",
                                     state.name, actual, observed_at, state.pending.size(), oldest.value, oldest.time));
      }
      state.pending.erase(match);
    }
    ++state.matched;
  }

  /// Items expected and not yet observed.
  [[nodiscard]] std::size_t pending() const { return state_->pending.size(); }
  /// Items observed and matched.
  [[nodiscard]] std::size_t matched() const { return state_->matched; }
  /// nullopt when nothing expected is left, otherwise what the end check reports.
  [[nodiscard]] std::optional<std::string> unobserved() const { return state_->unobserved(); }

private:
  struct Expected {
    T value;
    Duration time;
  };
  // Shared with the test's end check, which may outlive the scoreboard.
  struct State {
    std::string name;
    Order order;
    std::deque<Expected> pending;
    std::size_t matched;

    std::optional<std::string> unobserved() const {
      if (pending.empty()) return std::nullopt;
      return fmt::format("scoreboard {}: {} expected item(s) never observed, the first {} (at {})", name, pending.size(),
                         pending.front().value, pending.front().time);
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace tetra::testbench
