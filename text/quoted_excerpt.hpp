#pragma once
// Text from a file or an argument, quoted for an error message: what the user can read
// on a terminal, short enough to see on one line. Every layer quotes with this one
// helper (literals, VCDs, model files, options), so it depends on nothing but the
// standard library and lives outside sim/ and models/.

#include <cstddef>
#include <string>
#include <string_view>

namespace tetra {

/// Bytes of `text` that quoted_excerpt shows before it cuts.
inline constexpr std::size_t kExcerptLength = 40;

/// `text` between `quote` characters, with every byte that is not printable ASCII
/// (control characters, terminal escapes, UTF-8, NUL) and the quote and backslash written
/// as C escapes; text longer than kExcerptLength bytes is cut there and followed by its
/// size. Example: quoted_excerpt("a\x1b[2J") is "'a\x1b[2J'"; a 1 MB token gives
/// "'0000000000000000000000000000000000000000'... (1048576 bytes)".
inline std::string quoted_excerpt(std::string_view text, char quote = '\'') {
  std::string quoted(1, quote);
  for (const char character : text.substr(0, kExcerptLength)) {
    if (character == quote || character == '\\') {
      quoted += '\\';
      quoted += character;
    } else if (character == '\t') {
      quoted += "\\t";
    } else if (character == '\n') {
      quoted += "\\n";
    } else if (character == '\r') {
      quoted += "\\r";
    } else if (character >= ' ' && character <= '~') {
      quoted += character;
    } else {
      const auto byte = static_cast<unsigned char>(character);
      quoted += "\\x";
      quoted += "0123456789abcdef"[byte >> 4];
      quoted += "0123456789abcdef"[byte & 0xF];
    }
  }
  quoted += quote;
  if (text.size() > kExcerptLength) quoted += "... (" + std::to_string(text.size()) + " bytes)";
  return quoted;
}

}  // namespace tetra
