// Cover points, crosses and their reports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/testbench/coverage.hpp"
#include "sim/testbench/test_context.hpp"

namespace {

using namespace tetra::testbench;
using testing::HasSubstr;

TEST(Coverage, ACrossCountsPairsOfBinsAndValuesOutsideAnyBin) {
  TestContext context("coverage", 1);
  CurrentTest current(context);
  CoverPoint op("op", 100);
  op.bin("add", 0).bin("mul", 1);
  CoverPoint length("length");
  length.bins(1, 3);
  CoverCross pairs("op_x_length", op, length, 50);
  pairs.sample(0, 1);
  pairs.sample(1, 3);
  pairs.sample(1, 3);
  pairs.sample(2, 3);  // no op bin
  const CoverageRecord& record = pairs.record();
  ASSERT_EQ(record.bins.size(), 6u);
  EXPECT_EQ(record.bins[0].name, "add, 1");
  EXPECT_EQ(record.bins[5].name, "mul, 3");
  EXPECT_EQ(record.bins[5].hits, 2u);
  EXPECT_EQ(record.samples_outside, 1u);
  EXPECT_EQ(record.bins_hit(), 2u);
  EXPECT_FALSE(record.goal_met());
  EXPECT_THAT(coverage_text(record), HasSubstr("coverage op_x_length: 33.3% (2 of 6 bins hit, goal 50%), 4 samples, 1 outside every bin\n"));
  EXPECT_THAT(coverage_json(record), HasSubstr(R"({"hits":2,"name":"mul, 3"})"));
  // The test keeps every point's record, in the order they were made.
  ASSERT_EQ(context.coverage().size(), 3u);
  EXPECT_EQ(context.coverage()[2]->name, "op_x_length");
}

TEST(Coverage, BadBinsAndGoalsAreRefused) {
  CoverPoint point("p");
  point.bin("a", 0, 5);
  EXPECT_THROW(point.bin("a", 6, 7), std::invalid_argument);
  EXPECT_THROW(point.bin("b", 7, 6), std::invalid_argument);
  point.sample(3);
  EXPECT_THROW(point.bin("c", 8), std::invalid_argument);
  EXPECT_THROW(CoverPoint("q", 101), std::invalid_argument);
  const CoverPoint empty("empty");
  EXPECT_THROW(CoverCross("x", point, empty), std::invalid_argument);
}

}  // namespace
