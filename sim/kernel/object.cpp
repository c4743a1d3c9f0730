#include "sim/kernel/object.hpp"

#include <algorithm>

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
  parent.children_.push_back(this);
}

Object::Object(Simulation& root) : simulation_(&root), parent_(nullptr), kind_(ObjectKind::simulation) {}

Object::~Object() {
  if (parent_ == nullptr) return;
  // Members die in reverse order of construction, so the search from the back is O(1).
  auto& siblings = parent_->children_;
  const auto it = std::find(siblings.rbegin(), siblings.rend(), this);
  if (it != siblings.rend()) siblings.erase(std::next(it).base());
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
  for (Object* child : children_) {
    if (child->name() != head) continue;
    if (dot == std::string_view::npos) return child;
    const auto* scope = dynamic_cast<const Scope*>(child);
    return scope == nullptr ? nullptr : scope->find(relative_path.substr(dot + 1));
  }
  return nullptr;
}

}  // namespace tetra
