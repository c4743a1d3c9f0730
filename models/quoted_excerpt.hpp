#pragma once
// Text from a file or an argument, quoted for an error message: what the user can read
// on a terminal, short enough to see on one line.

#include <cstddef>
#include <string>
#include <string_view>

namespace tetra::models {

/// Bytes of `text` that quoted_excerpt shows before it cuts.
inline constexpr std::size_t kExcerptLength = 40;

/// `text` between single quotes, with every byte that is not printable ASCII (control
/// characters, terminal escapes, UTF-8, NUL) and the quote and backslash written as C
/// escapes; text longer than kExcerptLength bytes is cut there and followed by its size.
/// Example: quoted_excerpt("a\x1b[2J") is "'a\x1b[2J'"; a 1 MB token gives
/// "'0000000000000000000000000000000000000000'... (1048576 bytes)".
std::string quoted_excerpt(std::string_view text);

}  // namespace tetra::models
