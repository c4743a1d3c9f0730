#pragma once
// A simulation: the scheduler plus the root of the design hierarchy. Create one, build
// modules and signals inside it, declare processes, then run().

#include <string_view>
#include <utility>

#include "sim/kernel/object.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/signal.hpp"
#include "sim/kernel/thread.hpp"

namespace tetra {

/// One simulation: time, scheduler and the top of the hierarchy (its path is "").
class Simulation : public Scheduler, public Scope {
public:
  /// A simulation whose tick is `resolution` (default 1 ps).
  explicit Simulation(Duration resolution = Duration::femtoseconds(1'000));
  /// Runs the end hooks (tracers close their files) if the run did not already.
  ~Simulation() override;

  /// The signal at a dotted path ("top.fifo.count"), or nullptr.
  [[nodiscard]] SignalBase* find_signal(std::string_view path) const;

protected:
  void elaborate_design() override;
};

template <class F>
MethodHandle Scope::method(std::string_view name, F&& body) {
  return simulation().add_method(*this, name, Callable(std::forward<F>(body)));
}

template <class F>
ThreadHandle Scope::thread(std::string_view name, F&& body) {
  Scheduler& scheduler = simulation();
  return ThreadHandle(scheduler, scheduler.add_thread(*this, name, Callable(std::forward<F>(body))));
}

}  // namespace tetra
