#pragma once
// The design hierarchy: every named thing (module, signal, port) is an Object inside a
// Scope, and has a dotted hierarchical path such as "top.accel.draft.fifo.count".

#include <string>
#include <string_view>
#include <vector>

#include "sim/kernel/process.hpp"

namespace tetra {

class Scope;
class Simulation;
class ThreadHandle;

/// What an Object is, for introspection without casts.
enum class ObjectKind { simulation, module, signal, wire, port };

/// A named node of the design hierarchy. Objects register with their parent on
/// construction and stay at a fixed address (neither copyable nor movable).
class Object {
public:
  /// Registers `name` under `parent`; the name must be non-empty and contain no '.'.
  Object(Scope& parent, std::string_view name, ObjectKind kind);
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object();

  /// The last path component.
  [[nodiscard]] const std::string& name() const { return name_; }
  /// The dotted path from the top ("top.fifo.count"); the simulation root has "".
  [[nodiscard]] std::string path() const;
  /// What this object is.
  [[nodiscard]] ObjectKind kind() const { return kind_; }
  /// The enclosing scope (nullptr for the simulation root).
  [[nodiscard]] Scope* parent() const { return parent_; }
  /// The simulation this object belongs to.
  [[nodiscard]] Simulation& simulation() const { return *simulation_; }

  /// Called once, parents before children, when the simulation elaborates: ports
  /// resolve and check their bindings here. Throws ElaborationError.
  virtual void on_elaborate() {}

protected:
  /// The root of a hierarchy (the Simulation itself).
  explicit Object(Simulation& root);

private:
  Simulation* simulation_;
  Scope* parent_;
  std::string name_;
  ObjectKind kind_;
};

/// An Object that contains others (a module, or the simulation root).
class Scope : public Object {
public:
  using Object::Object;

  /// The direct children, in construction order.
  [[nodiscard]] const std::vector<Object*>& children() const { return children_; }
  /// The descendant at a dotted path relative to this scope, or nullptr.
  [[nodiscard]] Object* find(std::string_view relative_path) const;

  /// Declares a method process "<path>.<name>" running `body` when its sensitivity fires.
  template <class F>
  MethodHandle method(std::string_view name, F&& body);
  /// Declares a thread process "<path>.<name>" running `body` as a coroutine from time 0.
  template <class F>
  ThreadHandle thread(std::string_view name, F&& body);

private:
  friend class Object;
  std::vector<Object*> children_;
};

}  // namespace tetra
