#pragma once
// How much a test prints: each log line has a severity, and lines below the chosen
// verbosity are dropped.

#include <optional>
#include <string_view>

namespace tetra::testbench {

/// Severities, least severe first.
enum class Verbosity { debug, info, warn, error };

/// The name of a severity as printed and as typed on the command line ("warn").
std::string_view to_string(Verbosity verbosity);
/// The severity named `name`, or nullopt.
std::optional<Verbosity> parse_verbosity(std::string_view name);

}  // namespace tetra::testbench
