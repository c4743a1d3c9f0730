// A user's program, built against the installed Tetra only.
#include <fmt/core.h>

#include "adder_model.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/values/vec.hpp"

int main() {
  using namespace tetra::literals;
  const auto a = "8'b1010_xxzz"_v;
  const auto b = tetra::Vec<8>::parse("8'hFF");
  fmt::print("{} & {} = {}\n", a, b, a & b);

  // A Verilog adder, Verilated by the consumer's own build, as a Tetra module.
  tetra::Simulation sim;
  tetra::Signal<tetra::Vec<8>> x{sim, "x", tetra::Vec<8>(200)};
  tetra::Signal<tetra::Vec<8>> y{sim, "y", tetra::Vec<8>(100)};
  tetra::Signal<tetra::Vec<9>> sum{sim, "sum"};
  consumer::Adder adder{sim, "adder"};
  adder.a(x);
  adder.b(y);
  adder.sum(sum);
  sim.run();
  fmt::print("verilated adder: 200 + 100 = {}\n", sum.read().to_uint64());
}
