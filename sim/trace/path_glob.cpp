#include "sim/trace/path_glob.hpp"

#include <algorithm>

namespace tetra {

namespace {

bool has(const PathGlob::State& state, std::size_t position) { return ((state[position / 64] >> (position % 64)) & 1U) != 0; }

void add(PathGlob::State& state, std::size_t position) { state[position / 64] |= std::uint64_t{1} << (position % 64); }

bool is_empty(const PathGlob::State& state) {
  return std::all_of(state.begin(), state.end(), [](std::uint64_t word) { return word == 0; });
}

}  // namespace

PathGlob::PathGlob(std::string_view pattern) : pattern_(pattern) {}

PathGlob::State PathGlob::start() const {
  // Positions 0 to pattern_.size(): the last one means "all of the pattern matched".
  State state(pattern_.size() / 64 + 1, 0);
  add(state, 0);
  close_over_stars(state);
  return state;
}

void PathGlob::close_over_stars(State& state) const {
  // A star can match nothing, so the position after it is reached too; ascending order
  // carries that through runs of stars.
  for (std::size_t p = 0; p < pattern_.size(); ++p) {
    if (pattern_[p] == '*' && has(state, p)) add(state, p + 1);
  }
}

PathGlob::State PathGlob::advance(const State& state, std::string_view text) const {
  State current = state;
  State next(state.size());
  for (const char c : text) {
    if (is_empty(current)) break;
    std::fill(next.begin(), next.end(), 0);
    for (std::size_t p = 0; p < pattern_.size(); ++p) {
      if (!has(current, p)) continue;
      if (pattern_[p] == '*') {
        add(next, p);
      } else if (pattern_[p] == '?' || pattern_[p] == c) {
        add(next, p + 1);
      }
    }
    close_over_stars(next);
    current.swap(next);
  }
  return current;
}

bool PathGlob::matches(const State& state) const { return has(state, pattern_.size()); }

bool path_glob_match(std::string_view pattern, std::string_view path) {
  const PathGlob glob(pattern);
  return glob.matches(glob.advance(glob.start(), path));
}

}  // namespace tetra
