// A user's program, built against the installed Tetra only.
#include <fmt/core.h>

#include "sim/values/vec.hpp"

int main() {
  using namespace tetra::literals;
  const auto a = "8'b1010_xxzz"_v;
  const auto b = tetra::Vec<8>::parse("8'hFF");
  fmt::print("{} & {} = {}\n", a, b, a & b);
}
