#include "sim/kernel/combinational_loop.hpp"

#include <algorithm>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include "sim/kernel/object.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/signal.hpp"

namespace tetra {

namespace {

// Every signal of the hierarchy below `root`, with an explicit stack (deep hierarchies).
std::vector<const SignalBase*> all_signals(const Scope& root) {
  std::vector<const SignalBase*> signals;
  std::vector<const Scope*> pending{&root};
  while (!pending.empty()) {
    const Scope* scope = pending.back();
    pending.pop_back();
    for (const Object* child : scope->children()) {
      if (const auto* signal = dynamic_cast<const SignalBase*>(child)) signals.push_back(signal);
      if (const auto* inner = dynamic_cast<const Scope*>(child)) pending.push_back(inner);
    }
  }
  return signals;
}

}  // namespace

std::vector<const SignalBase*> find_combinational_loop(const Scheduler& scheduler,
                                                       std::span<const SignalBase* const> changing) {
  const auto* root = dynamic_cast<const Scope*>(&scheduler);
  if (root == nullptr) return {};
  const std::vector<const SignalBase*> signals = all_signals(*root);
  std::unordered_map<const Event*, const SignalBase*> owner_of;
  for (const SignalBase* signal : signals) {
    owner_of.emplace(&signal->changed(), signal);
    for (const bool rising : {true, false}) {
      if (const Event* edge = signal->edge_event(rising)) owner_of.emplace(edge, signal);
    }
  }
  // For each signal, the signals driven by the method processes sensitive to its events.
  std::unordered_map<const SignalBase*, std::vector<const SignalBase*>> driven_by_method;
  for (const SignalBase* signal : signals) {
    const ProcessId driver = signal->driver_process();
    if (driver == kNoProcess || scheduler.is_thread(driver)) continue;
    for (const Event* event : scheduler.process_events(driver)) {
      const auto input = owner_of.find(event);
      if (input != owner_of.end()) driven_by_method[input->second].push_back(signal);
    }
  }
  // Breadth first from each changing signal back to itself: the first cycle is a shortest one.
  for (const SignalBase* start : changing) {
    std::unordered_map<const SignalBase*, const SignalBase*> reached_from;
    std::vector<const SignalBase*> frontier{start};
    for (std::size_t next = 0; next < frontier.size(); ++next) {
      const SignalBase* at = frontier[next];
      for (const SignalBase* target : driven_by_method[at]) {
        if (target == start) {
          std::vector<const SignalBase*> loop{start};
          for (const SignalBase* step = at; step != start; step = reached_from[step]) loop.push_back(step);
          loop.push_back(start);
          std::reverse(loop.begin(), loop.end());
          return loop;
        }
        if (reached_from.emplace(target, at).second) frontier.push_back(target);
      }
    }
  }
  return {};
}

}  // namespace tetra
