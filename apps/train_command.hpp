#pragma once
// `tetra train`: retrains the target and draft models and writes their data files.

#include <CLI/CLI.hpp>

#include <ostream>

namespace tetra::apps {

/// Adds the `train` subcommand to `app`; it writes its report to `out`.
void add_train_command(CLI::App& app, std::ostream& out);

}  // namespace tetra::apps
