#pragma once
// The `tetra` command line: parses the arguments and runs one subcommand.

#include <ostream>

namespace tetra::apps {

/// Runs `tetra <subcommand> ...`; returns the process exit code (0 on success, non-zero
/// with a usage message on `err` for bad arguments, 1 with the error for failures).
int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace tetra::apps
