#pragma once
// `tetra cosim`: decodes on the accelerator's kernel model and its Verilated RTL in
// lockstep, and reports the tokens, the agreement and the speed of each side.

#include <CLI/CLI.hpp>

#include <ostream>

namespace tetra::apps {

/// Adds the `cosim` subcommand to `app`; it writes its report to `out`. A divergence, or
/// tokens that differ from the reference decoder's, fail the command (an exception whose
/// message is the report).
void add_cosim_command(CLI::App& app, std::ostream& out);

}  // namespace tetra::apps
