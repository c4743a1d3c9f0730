#include "models/vocabulary.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::models {

namespace {

constexpr std::array<Token, 256> build_token_table() {
  std::array<Token, 256> table{};
  for (std::size_t index = 1; index < Vocabulary::kSymbols.size(); ++index) {
    table[static_cast<unsigned char>(Vocabulary::kSymbols[index])] = static_cast<Token>(index);
  }
  for (char upper = 'A'; upper <= 'Z'; ++upper) {
    table[static_cast<unsigned char>(upper)] =
        table[static_cast<unsigned char>(upper - 'A' + 'a')];
  }
  return table;
}

constexpr std::array<Token, 256> kTokenOfByte = build_token_table();

}  // namespace

Token Vocabulary::token_of(char character) {
  return kTokenOfByte[static_cast<unsigned char>(character)];
}

char Vocabulary::character_of(Token token) {
  if (token >= size()) {
    throw std::out_of_range(
        fmt::format("token {} is outside the {}-token vocabulary", token, size()));
  }
  return kSymbols[token];
}

std::vector<Token> Vocabulary::encode(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size());
  for (char character : text) tokens.push_back(token_of(character));
  return tokens;
}

std::string Vocabulary::decode(std::span<const Token> tokens) {
  std::string text;
  text.reserve(tokens.size());
  for (Token token : tokens) text.push_back(character_of(token));
  return text;
}

}  // namespace tetra::models
