#include "sim/values/array.hpp"

#include <gtest/gtest.h>

#include "sim/values/packed_enum.hpp"
#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

/// A memory of four 4-bit words holding 0, 1, 2, 3.
Array<Vec<4>, 4> counting_memory() {
  Array<Vec<4>, 4> memory;
  for (std::size_t i = 0; i < 4; ++i) memory[i] = Vec<4>::from_uint(i);
  return memory;
}

TEST(Array, StartsAllX) { EXPECT_EQ((Array<Vec<8>, 3>()[2]), Vec<8>::xs()); }
TEST(Array, StorageIsInline) { EXPECT_EQ((sizeof(Array<Vec<64>, 16>)), 16 * sizeof(Vec<64>)); }
TEST(Array, IntegerWriteThenRead) {
  Array<Vec<8>, 3> memory;
  memory[1] = "8'd42"_v;
  EXPECT_EQ(memory[1], "8'd42"_v);
}
TEST(Array, IntegerIndexOutOfRangeThrows) { EXPECT_THROW((void)(Array<Vec<8>, 3>()[3]), std::out_of_range); }
TEST(Array, IntegerIndexMessageNamesIndexAndBound) {
  try {
    (void)(Array<Vec<8>, 16>()[17]);
    FAIL() << "no exception";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "index 17 is out of range for an array of 16 elements");
  }
}
TEST(Array, VecIndexRead) { EXPECT_EQ(counting_memory().read("2'd2"_v), "4'd2"_v); }
TEST(Array, VecIndexUnknownReadsAllX) { EXPECT_EQ(counting_memory().read("2'b1x"_v), Vec<4>::xs()); }
TEST(Array, VecIndexOutOfRangeReadsAllX) { EXPECT_EQ((Array<Vec<4>, 3>().read("2'd3"_v)), Vec<4>::xs()); }
TEST(Array, VecIndexWrite) {
  auto memory = counting_memory();
  memory.write("2'd0"_v, "4'd9"_v);
  EXPECT_EQ(memory[0], "4'd9"_v);
}
TEST(Array, VecIndexOutOfRangeWriteIsIgnored) {
  Array<Vec<4>, 3> memory;
  memory[0] = memory[1] = memory[2] = "4'd5"_v;
  memory.write("2'd3"_v, "4'd0"_v);
  EXPECT_EQ(memory, ([] {
              Array<Vec<4>, 3> unchanged;
              unchanged[0] = unchanged[1] = unchanged[2] = "4'd5"_v;
              return unchanged;
            }()));
}
TEST(Array, UnknownIndexWriteMergesCandidates) {
  auto memory = counting_memory();
  memory.write("2'b1x"_v, "4'b0011"_v);  // may hit 2 (0010) or 3 (0011)
  EXPECT_EQ(memory[2], "4'b001x"_v);
}
TEST(Array, UnknownIndexWriteKeepsIdenticalCandidate) {
  auto memory = counting_memory();
  memory.write("2'b1x"_v, "4'b0011"_v);
  EXPECT_EQ(memory[3], "4'b0011"_v);
}
TEST(Array, UnknownIndexWriteSparesNonCandidates) {
  auto memory = counting_memory();
  memory.write("2'b1x"_v, "4'b0011"_v);
  EXPECT_EQ(memory[1], "4'b0001"_v);
}
TEST(Array, FullyUnknownIndexTouchesAll) {
  auto memory = counting_memory();
  memory.write("2'bzz"_v, "4'b0000"_v);
  EXPECT_EQ(memory[1], "4'b000x"_v);
}
TEST(Array, UnknownIndexWiderThanNeededMustMatchZeroHighBits) {
  auto memory = counting_memory();
  memory.write("3'b1x0"_v, "4'b1111"_v);  // candidates 4 and 6: both out of range
  EXPECT_EQ(memory, counting_memory());
}
TEST(Array, MultidimensionalIndexing) {
  Memory<Vec<8>, 4, 16> memory;
  memory[3][15] = "8'hab"_v;
  EXPECT_EQ(memory.read("2'd3"_v).read("4'd15"_v), "8'hab"_v);
}
TEST(Array, MultidimensionalShape) { static_assert(std::is_same_v<Memory<Vec<8>, 4, 16>, Array<Array<Vec<8>, 16>, 4>>); }
TEST(Array, MultidimensionalInnerOutOfRangeThrows) { EXPECT_THROW((void)(Memory<Vec<8>, 4, 16>()[3][16]), std::out_of_range); }
TEST(Array, MultidimensionalUnknownRowWriteMergesRows) {
  Memory<Vec<2>, 2, 2> memory;
  for (auto& row : memory) row[0] = row[1] = "2'b00"_v;
  Array<Vec<2>, 2> new_row;
  new_row[0] = "2'b01"_v;
  new_row[1] = "2'b00"_v;
  memory.write("1'bx"_v, new_row);
  EXPECT_EQ(memory[1][0], "2'b0x"_v);
}
TEST(Array, BitsPackElementZeroLowest) {
  Array<Vec<4>, 2> memory;
  memory[0] = "4'h1"_v;
  memory[1] = "4'hx"_v;
  EXPECT_EQ(to_bits(memory), "8'hx1"_v);
}
TEST(Array, FromBits) { EXPECT_EQ((from_bits<Array<Vec<4>, 2>>("8'h3z"_v)[1]), "4'h3"_v); }
TEST(Array, OfLogic) {
  Array<Logic, 2> bits;
  bits[1] = LZ;
  EXPECT_EQ(bits[1], LZ);
}
TETRA_PACKED_ENUM(Colour, 2, Red, Green, Blue);
TEST(Array, OfEnumStartsUnknown) { EXPECT_FALSE((Array<Colour, 2>()[0].is_known())); }

}  // namespace
}  // namespace tetra
