#pragma once
// The two ways a four-state value refuses to guess: an unknown bit where a known one is
// required, and literal text that does not say exactly one value.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "text/quoted_excerpt.hpp"

namespace tetra {

/// Thrown when a value with X or Z bits is converted to bool or to an integer.
class UnknownValueError : public std::runtime_error {
public:
  /// `value_text` is the offending value as a sized literal, `target` what it was converted to.
  UnknownValueError(std::string_view value_text, std::string_view target)
      : std::runtime_error("cannot convert " + std::string(value_text) + " to " + std::string(target) +
                           ": it has unknown bits") {}
};

/// Thrown when literal text such as "8'b1010_xxzz" is malformed; says what, where and why.
class LiteralError : public std::invalid_argument {
public:
  /// `position` is the 0-based index into `text` of the first offending character. The
  /// message quotes the text escaped and cut (quoted_excerpt), so that a megabyte of
  /// digits, a NUL or a terminal escape reaches the user as readable, whole text.
  LiteralError(std::string_view text, std::size_t position, std::string_view reason)
      : std::invalid_argument("bad literal " + quoted_excerpt(text, '"') + " at position " +
                              std::to_string(position) + ": " + std::string(reason)),
        text_(text), position_(position), reason_(reason) {}

  /// The literal text that was rejected.
  const std::string& text() const noexcept { return text_; }
  /// 0-based index of the offending character in text().
  std::size_t position() const noexcept { return position_; }
  /// Why the text was rejected, without the text itself.
  const std::string& reason() const noexcept { return reason_; }

private:
  std::string text_;
  std::size_t position_;
  std::string reason_;
};

}  // namespace tetra
