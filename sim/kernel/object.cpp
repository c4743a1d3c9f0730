#include "sim/kernel/object.hpp"

#include <fmt/format.h>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/simulation.hpp"

namespace tetra {

namespace {
void check_name(const Scope& parent, std::string_view name) {
  if (name.empty() || name.find('.') != std::string_view::npos) {
    const std::string where = parent.path().empty() ? std::string("the top level") : parent.path();
    throw ElaborationError(fmt::format("invalid object name \"{}\" in {}: names must be non-empty and contain no '.'",
                                       name, where));
  }
}
}  // namespace

Object::Object(Scope& parent, std::string_view name, ObjectKind kind)
    : simulation_(&parent.simulation()), parent_(&parent), name_(name), kind_(kind) {
  check_name(parent, name);
  previous_sibling_ = parent.last_child_;
  if (previous_sibling_ != nullptr) {
    previous_sibling_->next_sibling_ = this;
  } else {
    parent.first_child_ = this;
  }
  parent.last_child_ = this;
  ++parent.child_count_;
}

Object::Object(Simulation& root) : simulation_(&root), parent_(nullptr), kind_(ObjectKind::simulation) {}

Object::~Object() {
  if (parent_ == nullptr) return;
  (previous_sibling_ != nullptr ? previous_sibling_->next_sibling_ : parent_->first_child_) = next_sibling_;
  (next_sibling_ != nullptr ? next_sibling_->previous_sibling_ : parent_->last_child_) = previous_sibling_;
  --parent_->child_count_;
}

std::string Object::path() const {
  // Two walks up, no recursion: a hierarchy tens of thousands of levels deep must
  // neither overflow the stack nor copy every prefix of the path.
  std::size_t length = 0;
  for (const Object* object = this; object->parent_ != nullptr; object = object->parent_) {
    length += object->name_.size() + 1;
  }
  if (length == 0) return {};
  std::string path(length - 1, '.');
  std::size_t end = path.size();
  for (const Object* object = this; object->parent_ != nullptr; object = object->parent_) {
    end -= object->name_.size();
    path.replace(end, object->name_.size(), object->name_);
    if (end > 0) --end;  // the dot before it
  }
  return path;
}

Object* Scope::find(std::string_view relative_path) const {
  const Scope* scope = this;
  while (true) {
    const std::size_t dot = relative_path.find('.');
    const std::string_view head = relative_path.substr(0, dot);
    Object* found = nullptr;
    for (Object* child : scope->children()) {
      if (child->name() == head) {
        found = child;
        break;
      }
    }
    if (found == nullptr || dot == std::string_view::npos) return found;
    scope = dynamic_cast<const Scope*>(found);
    if (scope == nullptr) return nullptr;
    relative_path.remove_prefix(dot + 1);
  }
}

}  // namespace tetra
