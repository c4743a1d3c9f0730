#include "models/quoted_excerpt.hpp"

#include <fmt/format.h>

namespace tetra::models {

std::string quoted_excerpt(std::string_view text) {
  std::string quoted = "'";
  for (const char character : text.substr(0, kExcerptLength)) {
    switch (character) {
      case '\'': quoted += "\\'"; break;
      case '\\': quoted += "\\\\"; break;
      case '\t': quoted += "\\t"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      default:
        if (character >= ' ' && character <= '~') {
          quoted += character;
        } else {
          quoted += fmt::format("\\x{:02x}", static_cast<unsigned char>(character));
        }
    }
  }
  quoted += '\'';
  if (text.size() > kExcerptLength) quoted += fmt::format("... ({} bytes)", text.size());
  return quoted;
}

}  // namespace tetra::models
