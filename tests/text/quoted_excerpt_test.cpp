#include "text/quoted_excerpt.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tetra {
namespace {

TEST(QuotedExcerpt, QuotesPrintableTextAsItIs) {
  EXPECT_EQ(quoted_excerpt("0ff"), "'0ff'");
  EXPECT_EQ(quoted_excerpt(""), "''");
}

TEST(QuotedExcerpt, EscapesControlBytesTerminalEscapesAndNul) {
  EXPECT_EQ(quoted_excerpt("a\x1b[2J\x07"), R"('a\x1b[2J\x07')");
  EXPECT_EQ(quoted_excerpt(std::string("x\0y", 3)), R"('x\x00y')");
  EXPECT_EQ(quoted_excerpt("\t\r\n"), R"('\t\r\n')");
  EXPECT_EQ(quoted_excerpt("\xc3\xa9"), R"('\xc3\xa9')");
}

TEST(QuotedExcerpt, EscapesTheQuoteAndTheBackslash) {
  EXPECT_EQ(quoted_excerpt(R"(it's a\b)"), R"('it\'s a\\b')");
}

TEST(QuotedExcerpt, QuotesWithAnotherCharacter) {
  EXPECT_EQ(quoted_excerpt(R"(8'b1"0)", '"'), R"("8'b1\"0")");
}

TEST(QuotedExcerpt, CutsLongTextAndSaysHowLongItWas) {
  const std::string forty(kExcerptLength, '7');
  EXPECT_EQ(quoted_excerpt(forty), "'" + forty + "'");
  EXPECT_EQ(quoted_excerpt(std::string(1 << 20, '7')), "'" + forty + "'... (1048576 bytes)");
}

}  // namespace
}  // namespace tetra
