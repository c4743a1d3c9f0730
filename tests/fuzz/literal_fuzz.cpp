// Fuzz target: literal text through Vec<N>::parse at several widths. A literal that
// parses must print back (to_literal, every radix) to text that parses to the same value;
// one that does not must say why in a short printable message.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/values/format.hpp"
#include "sim/values/literal.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace {

template <std::size_t N>
void parse_at_width(std::string_view text) {
  using tetra::Radix;
  try {
    const tetra::Vec<N> value = tetra::Vec<N>::parse(text);
    for (const Radix radix : {Radix::binary, Radix::octal, Radix::hex, Radix::decimal}) {
      tetra::fuzz::check(tetra::Vec<N>::parse(tetra::to_literal(value, radix)) == value,
                         "to_literal parses back to the same value");
    }
  } catch (const tetra::LiteralError& error) {
    tetra::fuzz::check_message(error.what());
    tetra::fuzz::check(error.position() <= text.size(), "the error position lies within the text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parse_at_width<1>(text);
  parse_at_width<8>(text);
  parse_at_width<13>(text);
  parse_at_width<64>(text);
  parse_at_width<65>(text);
  parse_at_width<200>(text);
  return 0;
}
