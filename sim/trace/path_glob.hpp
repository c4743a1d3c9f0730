#pragma once
// Shell-style patterns over hierarchical paths, to choose what to trace.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tetra {

/// True if `path` matches `pattern`, where '*' stands for any run of characters (dots
/// included, so "*.count" finds a count at any depth) and '?' for any one character.
bool path_glob_match(std::string_view pattern, std::string_view path);

/// path_glob_match() on a path read a piece at a time. A walk of the hierarchy keeps the
/// state after each scope's path and feeds it only each child's name, so that matching
/// every path of a design costs the length of its names, not the depth times the size.
class PathGlob {
 public:
  /// The pattern positions the text read so far can have reached, as a bit set.
  using State = std::vector<std::uint64_t>;

  explicit PathGlob(std::string_view pattern);

  /// The state before any text.
  [[nodiscard]] State start() const;
  /// The state after reading `text` in `state`; the time is the text's length times the
  /// pattern's (an empty state stays empty at once).
  [[nodiscard]] State advance(const State& state, std::string_view text) const;
  /// True if the text read to reach `state` matches the whole pattern.
  [[nodiscard]] bool matches(const State& state) const;

 private:
  // Adds the positions reached from those in `state` without reading, past each '*'.
  void close_over_stars(State& state) const;

  std::string pattern_;
};

}  // namespace tetra
