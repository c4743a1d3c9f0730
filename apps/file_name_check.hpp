#pragma once
// The check every file-name option of the `tetra` commands carries.

#include <CLI/CLI.hpp>

#include <string>

namespace tetra::apps {

/// Refuses an empty file name with "--vcd: expected a file name, found ''": without it
/// `--vcd ""` read as "no waveform" and wrote nothing, and `--target ""` failed to open
/// a file without a name.
/// Example: command->add_option("--vcd", file, "VCD to write")->check(non_empty_file_name());
inline CLI::Validator non_empty_file_name() {
  return CLI::Validator(
      [](const std::string& name) {
        return name.empty() ? std::string("expected a file name, found ''") : std::string();
      },
      "");
}

}  // namespace tetra::apps
