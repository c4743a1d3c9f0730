#pragma once
// `tetra accel`: decodes on the cycle-accurate accelerator model and reports cycles,
// acceptance and the speedup over K = 0 beside Leviathan's prediction.

#include <CLI/CLI.hpp>

#include <ostream>

namespace tetra::apps {

/// Adds the `accel` subcommand to `app`; it writes its report to `out` and its progress
/// (runs longer than a few seconds) to `progress`.
void add_accel_command(CLI::App& app, std::ostream& out, std::ostream& progress);

}  // namespace tetra::apps
