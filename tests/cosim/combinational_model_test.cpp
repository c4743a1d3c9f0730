// A combinational Verilog block (a priority encoder) inside a Tetra design: a Tetra
// process consumes its output in the same time slot, its result settling through delta
// cycles like any combinational path.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <string_view>

#include "cosim_encoder8.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/module/port.hpp"

namespace tetra::test {
namespace {

using namespace tetra::literals;

/// Grants the lowest requester: the Verilog encoder finds it, a Tetra process turns its
/// index into a one-hot grant.
class LowestFirst : public Module {
public:
  In<Vec<8>> request{*this, "request"};
  Out<Vec<8>> grant{*this, "grant"};

  LowestFirst(Scope& parent, std::string_view name) : Module(parent, name) {
    encoder.request(request);
    encoder.valid(valid);
    encoder.index(index);
    method("decode", [this] {
      grant.write(valid.read() == L1 ? Vec<8>(std::uint64_t{1} << index.read().to_uint64()) : Vec<8>::zeros());
    }).sensitive(valid, index);
  }

private:
  Signal<Logic> valid{*this, "valid"};
  Signal<Vec<3>> index{*this, "index"};
  verilog::Encoder8 encoder{*this, "encoder"};
};

TEST(CombinationalModel, ATetraProcessConsumesItsOutputInTheSameTimeSlot) {
  Simulation sim;
  Signal<Vec<8>> request{sim, "request", Vec<8>::zeros()};
  Signal<Vec<8>> grant{sim, "grant"};
  LowestFirst arbiter{sim, "arbiter"};
  arbiter.request(request);
  arbiter.grant(grant);
  int checked = 0;
  sim.thread("test", [&] {
    std::mt19937_64 random(11);
    for (int step = 0; step < 1000; ++step) {
      wait(3_ns);
      const Duration written_at = now();
      const std::uint64_t value = random() & 0xff;
      request.write(Vec<8>(value));
      wait_read_only();  // this slot, settled
      ASSERT_EQ(now(), written_at);
      const std::uint64_t expected = value == 0 ? 0 : std::uint64_t{1} << std::countr_zero(value);
      ASSERT_EQ(grant.read(), Vec<8>(expected)) << "request " << value;
      ++checked;
    }
  });
  sim.run();
  EXPECT_EQ(checked, 1000);
  EXPECT_EQ(grant.read().is_known(), true);
}

}  // namespace
}  // namespace tetra::test
