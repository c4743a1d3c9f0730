// Fuzz target: bytes as a VCD through the strict reader. Either it parses, and every
// variable's changes read back at their declared width, or it is a VcdParseError with a
// short printable message; nothing else escapes (no std::length_error, no crash).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/trace/vcd_reader.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const tetra::VcdReader vcd = tetra::VcdReader::parse(text, "fuzz.vcd");
    for (const tetra::VcdVariable& var : vcd.variables()) {
      tetra::fuzz::check(vcd.has_variable(var.path()), "every variable is found by its path");
      if (var.width > 4096) continue;  // reading back millions of digits per change is slow, not wrong
      for (const tetra::VcdChange& change : vcd.changes(var.path())) {
        tetra::fuzz::check(var.kind == "string" || change.value.size() == var.width,
                           "a change reads back at the declared width");
      }
    }
  } catch (const tetra::VcdParseError& error) {
    tetra::fuzz::check_message(error.what());
  }
  return 0;
}
