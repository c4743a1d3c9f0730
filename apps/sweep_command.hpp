#pragma once
// `tetra sweep`: a throughput study over a grid of accelerator and decode parameters, one
// CSV row per point, resumable, in parallel and in shards; `tetra sweep merge` joins the
// shards' CSVs. docs/throughput.md is the user guide.

#include <CLI/CLI.hpp>

#include <ostream>

namespace tetra::apps {

/// Adds the `sweep` subcommand (and its `merge`) to `app`; it writes its summary to `out`
/// and its progress to `progress` (a bar when that is a terminal).
void add_sweep_command(CLI::App& app, std::ostream& out, std::ostream& progress);

}  // namespace tetra::apps
