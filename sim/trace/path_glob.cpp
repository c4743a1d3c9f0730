#include "sim/trace/path_glob.hpp"

namespace tetra {

bool path_glob_match(std::string_view pattern, std::string_view path) {
  // Greedy matching with one backtrack point (the last '*'): linear for typical
  // patterns, never exponential.
  std::size_t p = 0;
  std::size_t s = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_match = 0;
  while (s < path.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == path[s])) {
      ++p;
      ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_match = s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_match;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace tetra
