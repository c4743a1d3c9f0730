#pragma once
// What every fuzz target holds besides "no crash": a failed check prints what broke and
// aborts, so that libFuzzer keeps the input and the corpus replay test fails.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace tetra::fuzz {

inline void check(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

/// An error message is one short line of printable ASCII: input is quoted escaped and cut.
inline void check_message(std::string_view message) {
  check(message.size() < 1024, "an error message is under 1 KiB");
  for (const char c : message) check(c >= ' ' && c <= '~', "an error message is printable ASCII");
}

}  // namespace tetra::fuzz
