#include "sim/kernel/simulation.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/errors.hpp"

namespace tetra {

namespace {
void check_unique_names(const Scope& scope) {
  std::vector<const std::string*> names;
  names.reserve(scope.children().size());
  for (Object* child : scope.children()) names.push_back(&child->name());
  std::sort(names.begin(), names.end(), [](const auto* a, const auto* b) { return *a < *b; });
  const auto duplicate = std::adjacent_find(names.begin(), names.end(), [](const auto* a, const auto* b) { return *a == *b; });
  if (duplicate != names.end()) {
    const std::string where = scope.path().empty() ? std::string("the top level") : scope.path();
    throw ElaborationError(fmt::format("two objects are named \"{}\" in {}", **duplicate, where));
  }
}

// Depth first, parents before children, with an explicit stack: a hierarchy tens of
// thousands of levels deep must not overflow the call stack.
void elaborate_hierarchy(const Scope& root) {
  check_unique_names(root);
  std::vector<std::pair<ChildRange::iterator, ChildRange::iterator>> pending{{root.children().begin(), root.children().end()}};
  while (!pending.empty()) {
    auto& [next, end] = pending.back();
    if (next == end) {
      pending.pop_back();
      continue;
    }
    Object* child = *next++;
    child->on_elaborate();
    if (const auto* inner = dynamic_cast<const Scope*>(child)) {
      check_unique_names(*inner);
      pending.emplace_back(inner->children().begin(), inner->children().end());
    }
  }
}
}  // namespace

Simulation::Simulation(Duration resolution) : Scheduler(resolution), Scope(*this) {}

Simulation::~Simulation() {
  // A destructor cannot throw, and terminating would lose the user's results: an end
  // hook's error (a tracer that cannot write its file) is reported instead. Calling
  // end_simulation() before the Simulation goes away gets it as an exception.
  try {
    end_simulation(false);
  } catch (const std::exception& error) {
    fmt::print(stderr, "tetra: error while ending the simulation: {}\n", error.what());
  } catch (...) {
    fmt::print(stderr, "tetra: error while ending the simulation: a non-standard exception\n");
  }
}

SignalBase* Simulation::find_signal(std::string_view path) const { return dynamic_cast<SignalBase*>(find(path)); }

void Simulation::elaborate_design() { elaborate_hierarchy(*this); }

}  // namespace tetra
