#pragma once
// The character-level vocabulary shared by every model: 64 tokens by default.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tetra::models {

/// A token id; vocabularies hold at most 256 tokens.
using Token = std::uint8_t;

/// The largest vocabulary a model may have (token ids fit in 8 bits).
inline constexpr std::size_t kMaxVocabularySize = 256;

/// Characters outside the vocabulary map here; it also pads contexts shorter than C.
inline constexpr Token kUnknownToken = 0;

/// Maps text to tokens and back: lower-case letters, digits, space, newline and 25
/// punctuation marks; upper case folds to lower case; anything else is kUnknownToken.
class Vocabulary {
public:
  /// Number of tokens, kUnknownToken included.
  static constexpr std::size_t size() { return kSymbols.size(); }

  /// The token of one character (after folding upper case to lower case).
  static Token token_of(char character);

  /// The character a token prints as ('~' for kUnknownToken); throws on ids >= size().
  static char character_of(Token token);

  /// Tokenizes a text, one token per byte.
  static std::vector<Token> encode(std::string_view text);

  /// Renders tokens as text.
  static std::string decode(std::span<const Token> tokens);

  /// Token i prints as kSymbols[i]; index 0 is the unknown token.
  static constexpr std::string_view kSymbols =
      "~ \nabcdefghijklmnopqrstuvwxyz0123456789.,;:'\"()-/!?&*<>=_@%+[]$#";
};

static_assert(Vocabulary::size() == 64, "the default vocabulary has 64 tokens");

}  // namespace tetra::models
