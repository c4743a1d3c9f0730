#pragma once
// Shell-style patterns over hierarchical paths, to choose what to trace.

#include <string_view>

namespace tetra {

/// True if `path` matches `pattern`, where '*' stands for any run of characters (dots
/// included, so "*.count" finds a count at any depth) and '?' for any one character.
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace tetra
