#include "sim/kernel/errors.hpp"

#include <fmt/format.h>

namespace tetra {

namespace {
std::string located_message(Duration time, const std::string& path, const std::string& message) {
  if (path.empty()) return fmt::format("at {}: {}", time, message);
  return fmt::format("at {} in {}: {}", time, path, message);
}
}  // namespace

SimulationError::SimulationError(Duration time, std::string path, const std::string& message)
    : std::runtime_error(located_message(time, path, message)),
      time_(time),
      path_(std::move(path)),
      reason_(message) {}

}  // namespace tetra
