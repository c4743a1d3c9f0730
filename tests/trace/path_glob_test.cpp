#include "sim/trace/path_glob.hpp"

#include <gtest/gtest.h>

namespace tetra {
namespace {

TEST(PathGlob, StarSpansAnyCharactersIncludingDots) {
  EXPECT_TRUE(path_glob_match("top.fifo.*", "top.fifo.count"));
  EXPECT_TRUE(path_glob_match("top.fifo.*", "top.fifo.mem.word"));
  EXPECT_FALSE(path_glob_match("top.fifo.*", "top.fifo"));
  EXPECT_FALSE(path_glob_match("top.fifo.*", "top.fifox.count"));
  EXPECT_TRUE(path_glob_match("*.count", "top.count"));
  EXPECT_TRUE(path_glob_match("*.count", "top.a.b.count"));
  EXPECT_FALSE(path_glob_match("*.count", "count"));
  EXPECT_FALSE(path_glob_match("*.count", "top.counter"));
  EXPECT_TRUE(path_glob_match("*", "anything.at.all"));
  EXPECT_TRUE(path_glob_match("top.*.q*", "top.reg3.q_next"));
  EXPECT_FALSE(path_glob_match("top.*.q*", "top.reg3.d"));
}

TEST(PathGlob, QuestionMarkIsExactlyOneCharacterAndTheRestIsLiteral) {
  EXPECT_TRUE(path_glob_match("top.r?", "top.r1"));
  EXPECT_FALSE(path_glob_match("top.r?", "top.r10"));
  EXPECT_FALSE(path_glob_match("top.r?", "top.r"));
  EXPECT_TRUE(path_glob_match("top.clk", "top.clk"));
  EXPECT_FALSE(path_glob_match("top.clk", "top.clk2"));
  EXPECT_FALSE(path_glob_match("top.clk", "Top.clk"));
  EXPECT_TRUE(path_glob_match("**a", "banana"));
  EXPECT_FALSE(path_glob_match("", "x"));
  EXPECT_TRUE(path_glob_match("", ""));
}

}  // namespace
}  // namespace tetra
