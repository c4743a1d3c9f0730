#include "models/vocabulary.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

namespace tetra::models {
namespace {

TEST(Vocabulary, HasSixtyFourDistinctSymbols) {
  EXPECT_EQ(Vocabulary::size(), 64u);
  const std::set<char> distinct(Vocabulary::kSymbols.begin(), Vocabulary::kSymbols.end());
  EXPECT_EQ(distinct.size(), 64u);
}

TEST(Vocabulary, RoundTripsLowerCaseText) {
  const std::string text = "the licensee (\"you\") may copy it, 3 times; see <gnu.org>!\n";
  EXPECT_EQ(Vocabulary::decode(Vocabulary::encode(text)), text);
}

TEST(Vocabulary, FoldsUpperCaseToLowerCase) {
  EXPECT_EQ(Vocabulary::encode("GPL"), Vocabulary::encode("gpl"));
}

TEST(Vocabulary, MapsOutsideCharactersToTheUnknownToken) {
  const std::vector<Token> tokens = Vocabulary::encode("a\tb{\xc3\xa9}");
  EXPECT_EQ(tokens, (std::vector<Token>{Vocabulary::token_of('a'), kUnknownToken,
                                        Vocabulary::token_of('b'), kUnknownToken, kUnknownToken,
                                        kUnknownToken, kUnknownToken}));
  EXPECT_EQ(Vocabulary::decode(std::vector<Token>{kUnknownToken}), "~");
}

TEST(Vocabulary, KnowsTheDocumentedIds) {
  EXPECT_EQ(Vocabulary::token_of(' '), 1);
  EXPECT_EQ(Vocabulary::token_of('\n'), 2);
  EXPECT_EQ(Vocabulary::token_of('a'), 3);
  EXPECT_EQ(Vocabulary::token_of('z'), 28);
  EXPECT_EQ(Vocabulary::token_of('0'), 29);
  EXPECT_EQ(Vocabulary::token_of('#'), 63);
}

TEST(Vocabulary, RejectsTokensOutsideIt) {
  EXPECT_THROW(Vocabulary::character_of(64), std::out_of_range);
}

}  // namespace
}  // namespace tetra::models
