#pragma once
// The design hierarchy: every named thing (module, signal, port) is an Object inside a
// Scope, and has a dotted hierarchical path such as "top.accel.draft.fifo.count".

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "sim/kernel/process.hpp"

namespace tetra {

class Scope;
class Simulation;
class ThreadHandle;
class ChildRange;

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
  friend class Scope;
  friend class ChildRange;
  Simulation* simulation_;
  Scope* parent_;
  Object* previous_sibling_ = nullptr;
  Object* next_sibling_ = nullptr;
  std::string name_;
  ObjectKind kind_;
};

/// The children of a scope, in construction order (a forward range of Object*).
class ChildRange {
public:
  /// Walks the sibling links.
  class iterator {
  public:
    using value_type = Object*;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(Object* at) : at_(at) {}
    Object* operator*() const { return at_; }
    iterator& operator++();
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator&) const = default;

  private:
    Object* at_ = nullptr;
  };
  ChildRange(Object* first, std::size_t count) : first_(first), count_(count) {}
  [[nodiscard]] iterator begin() const { return iterator(first_); }
  [[nodiscard]] iterator end() const { return iterator(); }
  /// Number of children.
  [[nodiscard]] std::size_t size() const { return count_; }
  /// True when there is no child.
  [[nodiscard]] bool empty() const { return count_ == 0; }

private:
  Object* first_;
  std::size_t count_;
};

/// An Object that contains others (a module, or the simulation root).
class Scope : public Object {
public:
  using Object::Object;

  /// The direct children, in construction order.
  [[nodiscard]] ChildRange children() const { return {first_child_, child_count_}; }
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
  // An intrusive list, so that any child can leave in O(1) whatever the destruction order.
  Object* first_child_ = nullptr;
  Object* last_child_ = nullptr;
  std::size_t child_count_ = 0;
};

inline ChildRange::iterator& ChildRange::iterator::operator++() {
  at_ = at_->next_sibling_;
  return *this;
}

}  // namespace tetra
