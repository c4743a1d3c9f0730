// The strict VCD reader's memory, measured by counting this program's heap (heap_watch.hpp):
// reading a file costs a small multiple of its size whatever its shape, and running out
// of memory is a VcdParseError.

#include "sim/trace/vcd_reader.hpp"
#include "tests/trace/heap_watch.hpp"

#include <gtest/gtest.h>
#include <fmt/format.h>

#include <string>

namespace tetra {
namespace {

using testing::HeapWatch;

// Tetra's own trace of a hierarchy `depth` levels deep, one variable in each level.
std::string nested_scopes(int depth) {
  std::string text = "$timescale 1ps $end\n";
  for (int level = 0; level < depth; ++level) {
    text += fmt::format("$scope module level{} $end\n$var wire 1 {} q $end\n", level, level);
  }
  for (int level = 0; level < depth; ++level) text += "$upscope $end\n";
  text += "$enddefinitions $end\n#0\n$dumpvars\n";
  for (int level = 0; level < depth; ++level) text += fmt::format("{}{}\n", level % 2, level);
  return text + "$end\n";
}

// `timestamps` time steps in each of which two scalars change: the shape of a clocked
// design's trace, the densest a VCD gets (three bytes a change).
std::string scalar_changes(int timestamps) {
  std::string text =
      "$timescale 1ps $end\n$scope module top $end\n$var wire 1 ! clk $end\n$var wire 1 \" q $end\n"
      "$upscope $end\n$enddefinitions $end\n";
  for (int t = 0; t < timestamps; ++t) text += fmt::format("#{}\n{}!\n{}\"\n", t, t % 2, (t / 3) % 2);
  return text;
}

TEST(VcdReaderMemory, TenThousandNestedScopesCostInProportionToTheFile) {
  constexpr int depth = 10'000;
  const std::string text = nested_scopes(depth);
  std::string deepest = "level0";
  for (int level = 1; level < depth; ++level) deepest += fmt::format(".level{}", level);
  // A path per variable made this quadratic (2.49 GB for the file); the limit
  // turns that into a quick failure instead of a long swap.
  const HeapWatch heap(64 * text.size());
  const VcdReader vcd = VcdReader::parse(text);
  EXPECT_LT(heap.peak(), 16 * text.size()) << "file " << text.size() << " bytes";
  EXPECT_EQ(vcd.variables().size(), std::size_t{depth});
  EXPECT_EQ(vcd.value_at(deepest + ".q", 0), "1");
  EXPECT_EQ(vcd.variable(deepest + ".q").scopes().size(), std::size_t{depth});
}

TEST(VcdReaderMemory, ScalarChangesCostAFewBytesEach) {
  const std::string text = scalar_changes(200'000);
  const HeapWatch heap(64 * text.size());
  const VcdReader vcd = VcdReader::parse(text);
  EXPECT_LT(heap.peak(), 3 * text.size()) << "file " << text.size() << " bytes";
  EXPECT_EQ(vcd.value_at("top.q", 199'999), "0");  // (199,999 / 3) % 2
  EXPECT_EQ(vcd.changes("top.clk").size(), 200'000U);
}

TEST(VcdReaderMemory, ShortChangesOfAWideVariableCostTheirDigits) {
  // One digit each, where storing the declared width would take 16 MiB digits a change.
  std::string text =
      "$timescale 1ps $end\n$scope module top $end\n$var wire 16777216 ! wide $end\n$upscope $end\n"
      "$enddefinitions $end\n";
  for (int t = 0; t < 1000; ++t) text += fmt::format("#{}\nb{} !\n", t, t % 2);
  const HeapWatch heap(64 * text.size());
  const VcdReader vcd = VcdReader::parse(text);
  EXPECT_LT(heap.peak(), 3 * text.size()) << "file " << text.size() << " bytes";
  EXPECT_EQ(vcd.timestamps().size(), 1000U);
}

TEST(VcdReaderMemory, RunningOutOfMemoryIsAParseError) {
  const std::string text = scalar_changes(100'000);
  const HeapWatch heap(text.size() / 4);
  try {
    (void)VcdReader::parse(text, "big.vcd");
    FAIL() << "parsed within a quarter of the file's size";
  } catch (const VcdParseError& error) {
    EXPECT_EQ(error.file(), "big.vcd");
    EXPECT_NE(std::string(error.what()).find(": not enough memory to read the VCD"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace tetra
