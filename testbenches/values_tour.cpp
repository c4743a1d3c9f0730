// A tour of Tetra's four-state values: literals, X propagation, == versus ===, slices
// and concatenation, a memory written through an unknown address, a packed enum and
// struct, and the strict error when an unknown value is used as a number.

#include <fmt/format.h>

#include "sim/values/array.hpp"
#include "sim/values/packed_enum.hpp"
#include "sim/values/packed_struct.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

TETRA_PACKED_ENUM(State, 2, Idle, Busy, Done);

struct Request {
  Vec<8> data;
  Logic valid;
  State state;
  TETRA_PACKED_FIELDS(Request, data, valid, state)
};

namespace {

void show(std::string_view what, const auto& value, std::string_view why) {
  fmt::print("  {:<34} = {:<44} // {}\n", what, fmt::format("{}", value), why);
}

}  // namespace

int main() {
  fmt::print("Literals, checked at compile time:\n");
  constexpr auto a = "8'b1010_xxzz"_v;
  constexpr auto b = "8'd200"_v;
  show("8'b1010_xxzz", a, "x and z bits kept as written");
  show("8'd200 as hex", fmt::format("{:x}", b), "{:x} prints digits only");
  show("12'hF?x", "12'hF?x"_v, "? is z, one hex digit is four bits");

  fmt::print("\nX propagation:\n");
  show("8'd200 + 8'd55", b + "8'd55"_v, "known operands: ordinary arithmetic mod 2^8");
  show("8'd200 + 8'b1010_xxzz", b + a, "any unknown bit makes the whole sum X");
  show("8'd200 & 8'b1010_xxzz", b & a, "bitwise: 0 & x is 0, 1 & x is x, z reads as x");
  show("8'd200 / 8'd0", b / "8'd0"_v, "division by zero is X, not a crash");

  fmt::print("\nEquality: Verilog == versus identity ===:\n");
  show("eq(4'b10x0, 4'b10x0)", eq("4'b10x0"_v, "4'b10x0"_v), "== is X when an unknown bit could differ");
  show("eq(4'b10x0, 4'b00x0)", eq("4'b10x0"_v, "4'b00x0"_v), "a known difference decides: 0");
  show("4'b10x0 == 4'b10x0 (C++)", "4'b10x0"_v == "4'b10x0"_v, "C++ == is === : values are regular types");

  fmt::print("\nSlices and concatenation (widths computed at compile time):\n");
  show("slice<7, 4>(8'b1010_xxzz)", slice<7, 4>(a), "v[7:4]");
  show("concat(4'hf, slice<3, 0>(a))", concat("4'hf"_v, slice<3, 0>(a)), "{4'hf, v[3:0]} is a Vec<8>");
  show("sext<12>(4'b1x01)", sext<12>("4'b1x01"_v), "explicit sign extension");

  fmt::print("\nA memory written through an address with an unknown bit:\n");
  Array<Vec<4>, 4> memory;
  for (std::size_t i = 0; i < 4; ++i) memory[i] = Vec<4>::from_uint(i);
  memory.write("2'b1x"_v, "4'b0011"_v);
  show("mem[2] after mem[2'b1x] = 4'b0011", memory[2], "it might have been written: differing bits X");
  show("mem[3]", memory[3], "old and new agree, so it stays known");
  show("mem[0]", memory[0], "could not have been hit: untouched");
  show("mem.read(2'bx0)", memory.read("2'bx0"_v), "reading an unknown address gives X");

  fmt::print("\nPacked enum and struct:\n");
  State state = State::Busy;
  show("State::Busy", state, "enums print by name");
  show("State(2'bx1)", State("2'bx1"_v), "an unknown encoding prints as its bits");
  const Request request{"8'hA5"_v, L1, State::Done};
  show("Request{8'hA5, 1, Done}", request, "fields by name");
  show("to_bits(request)", to_bits(request), "first field in the low bits");

  fmt::print("\nStrictness: an X never silently becomes a number:\n");
  try {
    const auto sum = b + a;
    fmt::print("  sum as an integer: {}\n", sum.to_uint64());
    return 1;
  } catch (const UnknownValueError& error) {
    fmt::print("  (b + a).to_uint64() threw: {}\n", error.what());
  }
  try {
    (void)Vec<8>::parse("8'b1010_2");
    return 1;
  } catch (const LiteralError& error) {
    fmt::print("  Vec<8>::parse(\"8'b1010_2\") threw: {}\n", error.what());
  }
  return 0;
}
