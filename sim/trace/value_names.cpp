#include "sim/trace/value_names.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

namespace tetra {

namespace {

struct NamedType {
  bool (*carries)(const SignalBase&);
  ValueNamer namer;
};

// Registration may happen from several OS threads (one simulation each).
std::mutex registry_mutex;
std::vector<NamedType>& registry() {
  static std::vector<NamedType> named_types;
  return named_types;
}

}  // namespace

namespace detail {

void register_value_namer(bool (*carries)(const SignalBase&), ValueNamer namer) {
  const std::lock_guard lock(registry_mutex);
  std::vector<NamedType>& named = registry();
  const bool known = std::any_of(named.begin(), named.end(), [&](const NamedType& type) { return type.carries == carries; });
  if (!known) named.push_back(NamedType{carries, namer});
}

}  // namespace detail

ValueNamer value_namer_of(const SignalBase& signal) {
  const std::lock_guard lock(registry_mutex);
  for (const NamedType& type : registry()) {
    if (type.carries(signal)) return type.namer;
  }
  return nullptr;
}

}  // namespace tetra
