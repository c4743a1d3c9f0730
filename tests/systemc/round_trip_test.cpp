// Four-state values cross the boundary unchanged both ways, at widths 1, 7, 64, 65 and
// 200: every bit of 0, 1, X and Z keeps its value (Z stays Z), and two-state types carry
// their bits. Each value is built on each side from the same bit string, so that the
// Tetra value seen inside and the SystemC value seen outside are both checked.
#include "sim/systemc/systemc_module.hpp"
#include "sim/systemc/tetra_module.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "tests/systemc/bit_patterns.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using namespace tetra::literals;
using testing::random_bits;
using testing::systemc_bits;
using testing::systemc_value;
using testing::tetra_value;

constexpr int kValuesPerLane = 64;

// Every pairing of the widths with the SystemC types that have them, in both
// directions: a list of (SystemC type, Tetra type).
template <class S, class T>
struct Pairing {
  using systemc_type = S;
  using tetra_type = T;
};
template <class... P>
struct Pairings {};
using AllPairings = Pairings<
    Pairing<sc_dt::sc_logic, Logic>, Pairing<sc_dt::sc_lv<1>, Vec<1>>, Pairing<bool, Logic>,
    Pairing<sc_dt::sc_bv<1>, Vec<1>>, Pairing<sc_dt::sc_uint<1>, Vec<1>>, Pairing<sc_dt::sc_lv<7>, Vec<7>>,
    Pairing<sc_dt::sc_bv<7>, Vec<7>>, Pairing<sc_dt::sc_uint<7>, Vec<7>>, Pairing<sc_dt::sc_lv<64>, Vec<64>>,
    Pairing<sc_dt::sc_bv<64>, Vec<64>>, Pairing<sc_dt::sc_uint<64>, Vec<64>>, Pairing<sc_dt::sc_lv<65>, Vec<65>>,
    Pairing<sc_dt::sc_bv<65>, Vec<65>>, Pairing<sc_dt::sc_lv<200>, Vec<200>>, Pairing<sc_dt::sc_bv<200>, Vec<200>>>;

// The bit strings each lane carries: all 0, all 1, all X, all Z (four-state types), then
// random ones, from a seed per lane.
std::vector<std::string> patterns(std::size_t width, bool four_state, std::uint64_t seed) {
  std::vector<std::string> result{std::string(width, '0'), std::string(width, '1')};
  if (four_state) {
    result.push_back(std::string(width, 'x'));
    result.push_back(std::string(width, 'z'));
  }
  std::mt19937_64 rng(seed);
  while (result.size() < kValuesPerLane) result.push_back(random_bits(width, rng, four_state));
  return result;
}

// --- A Tetra design inside SystemC --------------------------------------------------

// SystemC -> Tetra signal `in` -> Tetra method -> Tetra signal `out` -> SystemC.
template <class S, class T>
class TetraEcho : public TetraModule {
public:
  sc_core::sc_in<S> in{"in"};
  sc_core::sc_out<S> out{"out"};
  Signal<T> tetra_in{simulation(), "tetra_in"};
  Signal<T> tetra_out{simulation(), "tetra_out"};
  explicit TetraEcho(const sc_core::sc_module_name& name) : TetraModule(name) {
    connect(in, tetra_in);
    connect(tetra_out, out);
    simulation().method("echo", [this] { tetra_out.write(tetra_in.read()); }).sensitive(tetra_in);
  }
};

class SystemCLane {
public:
  virtual ~SystemCLane() = default;
  virtual void drive(std::size_t index) = 0;
  virtual void check(std::size_t index) = 0;
};

template <class S, class T>
class SystemCLaneOf final : public SystemCLane {
public:
  explicit SystemCLaneOf(const std::string& name, std::uint64_t seed)
      : bits_(patterns(ValueTraits<T>::width, SystemCValue<S>::four_state, seed)),
        to_tetra_((name + "_to_tetra").c_str()),
        from_tetra_((name + "_from_tetra").c_str()),
        echo_(name.c_str()),
        name_(name) {
    echo_.in(to_tetra_);
    echo_.out(from_tetra_);
  }
  void drive(std::size_t index) override { to_tetra_.write(systemc_value<S>(bits_[index])); }
  void check(std::size_t index) override {
    const std::string& bits = bits_[index];
    EXPECT_EQ(echo_.tetra_in.read(), tetra_value<T>(bits)) << name_ << " into Tetra";
    EXPECT_EQ(systemc_bits(from_tetra_.read()), bits) << name_ << " back into SystemC";
  }

private:
  std::vector<std::string> bits_;
  sc_core::sc_signal<S> to_tetra_;
  sc_core::sc_signal<S> from_tetra_;
  TetraEcho<S, T> echo_;
  std::string name_;
};

template <class... P>
std::vector<std::unique_ptr<SystemCLane>> systemc_lanes(Pairings<P...>) {
  std::vector<std::unique_ptr<SystemCLane>> lanes;
  std::uint64_t seed = 0;
  auto add = [&]<class S, class T>(Pairing<S, T>) {
    ++seed;
    lanes.push_back(std::make_unique<SystemCLaneOf<S, T>>(fmt::format("lane{}", seed), seed));
  };
  (add(P{}), ...);
  return lanes;
}

void values_cross_into_tetra_and_back_unchanged() {
  std::vector<std::unique_ptr<SystemCLane>> lanes = systemc_lanes(AllPairings{});
  sc_core::sc_spawn_options options;
  sc_core::sc_spawn(
      [&] {
        for (std::size_t index = 0; index < kValuesPerLane; ++index) {
          for (const auto& lane : lanes) lane->drive(index);
          sc_core::wait(1, sc_core::SC_NS);
          for (const auto& lane : lanes) lane->check(index);
        }
        sc_core::sc_stop();
      },
      "stimulus", &options);
  sc_core::sc_start();
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(kValuesPerLane, sc_core::SC_NS));
}

TEST(RoundTrip, ValuesCrossIntoTetraAndBackUnchanged) {
  RUN_SYSTEMC_SCENARIO(values_cross_into_tetra_and_back_unchanged());
}

// --- SystemC models inside Tetra --------------------------------------------------

// Tetra -> SystemC port `in` -> SystemC method -> SystemC port `out` -> Tetra.
template <class S>
class SystemCEcho : public sc_core::sc_module {
public:
  sc_core::sc_in<S> in{"in"};
  sc_core::sc_out<S> out{"out"};
  SC_HAS_PROCESS(SystemCEcho);
  explicit SystemCEcho(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {
    SC_METHOD(echo);
    sensitive << in;
  }
  void echo() { out.write(in.read()); }
};

class TetraLane {
public:
  virtual ~TetraLane() = default;
  virtual void drive(std::size_t index) = 0;
  virtual void check(std::size_t index) = 0;
};

class SystemCEchoes : public SystemCModule {
public:
  using SystemCModule::connect;
  SystemCEchoes(Scope& parent, std::string_view name) : SystemCModule(parent, name) {}
};

template <class S, class T>
class TetraLaneOf final : public TetraLane {
public:
  TetraLaneOf(SystemCEchoes& owner, const std::string& name, std::uint64_t seed)
      : bits_(patterns(ValueTraits<T>::width, SystemCValue<S>::four_state, seed)),
        to_systemc_(owner.simulation(), name + "_to_systemc"),
        from_systemc_(owner.simulation(), name + "_from_systemc"),
        in_(owner, name + "_in"),
        out_(owner, name + "_out"),
        echo_(name.c_str()),
        name_(name) {
    in_(to_systemc_);
    out_(from_systemc_);
    owner.connect(in_, echo_.in);
    owner.connect(echo_.out, out_);
  }
  void drive(std::size_t index) override { to_systemc_.write(tetra_value<T>(bits_[index])); }
  void check(std::size_t index) override {
    const std::string& bits = bits_[index];
    EXPECT_EQ(systemc_bits(echo_.in.read()), bits) << name_ << " into SystemC";
    EXPECT_EQ(from_systemc_.read(), tetra_value<T>(bits)) << name_ << " back into Tetra";
  }

private:
  std::vector<std::string> bits_;
  Signal<T> to_systemc_;
  Signal<T> from_systemc_;
  In<T> in_;
  Out<T> out_;
  SystemCEcho<S> echo_;
  std::string name_;
};

template <class... P>
std::vector<std::unique_ptr<TetraLane>> tetra_lanes(SystemCEchoes& owner, Pairings<P...>) {
  std::vector<std::unique_ptr<TetraLane>> lanes;
  std::uint64_t seed = 0;
  auto add = [&]<class S, class T>(Pairing<S, T>) {
    ++seed;
    lanes.push_back(std::make_unique<TetraLaneOf<S, T>>(owner, fmt::format("lane{}", seed), seed));
  };
  (add(P{}), ...);
  return lanes;
}

void values_cross_into_systemc_and_back_unchanged() {
  Simulation sim;
  SystemCEchoes echoes(sim, "echoes");
  std::vector<std::unique_ptr<TetraLane>> lanes = tetra_lanes(echoes, AllPairings{});
  sim.thread("stimulus", [&] {
    for (std::size_t index = 0; index < kValuesPerLane; ++index) {
      for (const auto& lane : lanes) lane->drive(index);
      wait(1_ns);
      for (const auto& lane : lanes) lane->check(index);
    }
  });
  sim.run();
  EXPECT_EQ(sim.now(), Duration::femtoseconds(1'000'000) * kValuesPerLane);
  EXPECT_EQ(sc_core::sc_time_stamp(), sc_core::sc_time(kValuesPerLane - 1, sc_core::SC_NS));
}

TEST(RoundTrip, ValuesCrossIntoSystemCAndBackUnchanged) {
  RUN_SYSTEMC_SCENARIO(values_cross_into_systemc_and_back_unchanged());
}

}  // namespace
}  // namespace tetra::systemc
