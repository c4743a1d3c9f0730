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
  if (parent_ == nullptr) return {};
  std::string parent_path = parent_->path();
  if (parent_path.empty()) return name_;
  return parent_path + '.' + name_;
}

Object* Scope::find(std::string_view relative_path) const {
  const std::size_t dot = relative_path.find('.');
  const std::string_view head = relative_path.substr(0, dot);
  for (Object* child : children()) {
    if (child->name() != head) continue;
    if (dot == std::string_view::npos) return child;
    const auto* scope = dynamic_cast<const Scope*>(child);
    return scope == nullptr ? nullptr : scope->find(relative_path.substr(dot + 1));
  }
  return nullptr;
}

}  // namespace tetra
