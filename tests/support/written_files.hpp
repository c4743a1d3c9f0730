#pragma once
// Reading back what a command or a test wrote: a file's bytes, a directory's names.

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace tetra::test_support {

/// The bytes of a file (empty if it cannot be opened).
inline std::string file_contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The names of the entries of a directory, so that a test sees what was left behind.
inline std::set<std::string> file_names(const std::filesystem::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

}  // namespace tetra::test_support
