#include "sim/module/module.hpp"

namespace tetra {

std::vector<Module*> Module::submodules() const {
  std::vector<Module*> modules;
  for (Object* child : children()) {
    if (child->kind() == ObjectKind::module) modules.push_back(static_cast<Module*>(child));
  }
  return modules;
}

}  // namespace tetra
