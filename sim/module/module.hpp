#pragma once
// Modules: hierarchical, parameterized C++ classes that read like short SystemVerilog
// modules: ports and parameters at the top, children as members, processes declared in
// the constructor.

#include <string_view>
#include <vector>

#include "sim/kernel/simulation.hpp"

namespace tetra {

/// Base class of every module. Derive, add ports/signals/children as members
/// constructed with `*this`, and declare processes with method() and thread().
class Module : public Scope {
public:
  /// A module instance named `name` inside `parent` (another module or the Simulation).
  Module(Scope& parent, std::string_view name) : Scope(parent, name, ObjectKind::module) {}

  /// The child modules, in construction order.
  [[nodiscard]] std::vector<Module*> submodules() const;
};

}  // namespace tetra
