#pragma once
// `tetra decode`: runs the reference decoder on a prompt and prints text and statistics.

#include <CLI/CLI.hpp>

#include <ostream>

namespace tetra::apps {

/// Adds the `decode` subcommand to `app`; it writes its report to `out`.
void add_decode_command(CLI::App& app, std::ostream& out);

}  // namespace tetra::apps
