#include "sim/values/packed_struct.hpp"

#include <gtest/gtest.h>

#include "sim/values/packed_enum.hpp"
#include "sim/values/vec.hpp"

namespace tetra {
namespace {

using namespace tetra::literals;

TETRA_PACKED_ENUM(Phase, 2, Idle, Busy, Done);

struct Request {
  Vec<8> data;
  Logic valid;
  Phase state;
  TETRA_PACKED_FIELDS(Request, data, valid, state)
};

struct Wide {
  Vec<60> low;
  Request request;
  Vec<70> high;
  TETRA_PACKED_FIELDS(Wide, low, request, high)
};

TEST(PackedStruct, WidthIsSumOfFields) { static_assert(width_of<Request> == 11); }
TEST(PackedStruct, NestedWidth) { static_assert(width_of<Wide> == 141); }
TEST(PackedStruct, DefaultFieldsAreX) { EXPECT_EQ(to_bits(Request{}), Vec<11>::xs()); }
TEST(PackedStruct, FirstFieldIsLowest) {
  EXPECT_EQ(to_bits(Request{"8'hA5"_v, L1, Phase::Done}), "11'b10_1_10100101"_v);
}
TEST(PackedStruct, FromBitsFillsFieldsByName) { EXPECT_EQ(from_bits<Request>("11'b01_z_00001111"_v).valid, LZ); }
TEST(PackedStruct, FromBitsEnumField) { EXPECT_EQ(from_bits<Request>("11'b01_z_00001111"_v).state, Phase::Busy); }
TEST(PackedStruct, RoundTrip) {
  const Request request{"8'b1x0z_0000"_v, L0, Phase("2'b11"_v)};
  EXPECT_EQ(from_bits<Request>(to_bits(request)), request);
}
TEST(PackedStruct, NestedAcrossWordsRoundTrip) {
  Wide wide{Vec<60>::ones(), Request{"8'd7"_v, LX, Phase::Idle}, Vec<70>::zs()};
  EXPECT_EQ(from_bits<Wide>(to_bits(wide)), wide);
}
TEST(PackedStruct, NestedFieldLandsAtItsOffset) {
  Wide wide{Vec<60>::zeros(), Request{"8'd7"_v, L1, Phase::Idle}, Vec<70>::zeros()};
  EXPECT_EQ((slice<70, 60>(to_bits(wide))), "11'b00_1_00000111"_v);
}
TEST(PackedStruct, Prints) {
  EXPECT_EQ(fmt::format("{}", Request{"8'd5"_v, L1, Phase::Busy}), "{data: 8'b00000101, valid: 1, state: Busy}");
}
TEST(PackedStruct, PrintsUnknownEnumAsBits) {
  EXPECT_EQ(to_string(Request{"8'd0"_v, L0, Phase()}), "{data: 8'b00000000, valid: 0, state: 2'bxx}");
}
TEST(PackedStruct, EqualityIsIdentity) { EXPECT_EQ((Request{"8'd5"_v, LX, Phase::Busy}), (Request{"8'd5"_v, LX, Phase::Busy})); }

}  // namespace
}  // namespace tetra
