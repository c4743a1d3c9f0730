#include "sim/module/instance_array.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/simulation.hpp"
#include "sim/module/port.hpp"
#include "sim/values/arithmetic.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {

// A stage of a shift ring: on each rising edge, q takes previous + step. Its clocked
// process captures `this`, so a stage moved after construction would run on a dead one.
class Stage : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Vec<8>> previous{*this, "previous"};
  Out<Vec<8>> q{*this, "q"};

  Stage(Scope& parent, std::string_view name, std::size_t index, std::vector<std::string>* destroyed = nullptr)
      : Module(parent, name), step_(static_cast<std::uint64_t>(index)), destroyed_(destroyed) {
    method("tick", [this] { q.write(previous.read() + step_); }).sensitive(clk.posedge());
  }
  ~Stage() override {
    if (destroyed_ != nullptr) destroyed_->push_back(name());
  }

private:
  Vec<8> step_;
  std::vector<std::string>* destroyed_;
};

std::vector<std::string> child_names(const Scope& scope) {
  std::vector<std::string> names;
  for (const Object* child : scope.children()) names.push_back(child->name());
  return names;
}

}  // namespace

TEST(InstanceArray, BuildsNamedInstancesInIndexOrderSideBySide) {
  Simulation sim;
  InstanceArray<Stage> stages(sim, "stage", 3,
                              [](Scope& parent, std::string_view name, std::size_t i) { return Stage(parent, name, i); });
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(child_names(sim), (std::vector<std::string>{"stage_0", "stage_1", "stage_2"}));
  for (std::size_t i = 0; i < stages.size(); ++i) {
    EXPECT_EQ(sim.find(fmt::format("stage_{}", i)), &stages[i]);
    EXPECT_EQ(&stages[i], stages.begin() + i);
  }
  EXPECT_EQ(stages[1].q.path(), "stage_1.q");
}

TEST(InstanceArray, ElementsMadeAlikeNeedNoFactory) {
  Simulation sim;
  InstanceArray<Signal<Vec<8>>> lanes(sim, "lane", 3, Vec<8>(0x5A));
  InstanceArray<Signal<Logic>> flags(sim, "flag", 2);
  EXPECT_EQ(lanes.size(), 3U);
  EXPECT_EQ(lanes[2].path(), "lane_2");
  EXPECT_EQ(lanes[1].read(), Vec<8>(0x5A));
  EXPECT_EQ(flags[1].path(), "flag_1");
  EXPECT_EQ(flags[0].read(), LX);  // a signal's default: unknown until written
}

TEST(InstanceArray, InstancesBuiltInPlaceSimulate) {
  Simulation sim;
  Signal<Logic> clk(sim, "clk", L0);
  InstanceArray<Signal<Vec<8>>> registers(sim, "r", 4, [](Scope& parent, std::string_view name, std::size_t i) {
    return Signal<Vec<8>>(parent, name, Vec<8>(static_cast<std::uint64_t>(10 * i)));
  });
  InstanceArray<Stage> stages(sim, "stage", 4,
                              [](Scope& parent, std::string_view name, std::size_t i) { return Stage(parent, name, i); });
  for (std::size_t i = 0; i < 4; ++i) {
    stages[i].clk(clk);
    stages[i].previous(registers[(i + 3) % 4]);
    stages[i].q(registers[i]);
  }
  sim.thread("clock", [&] {
    for (int edge = 0; edge < 2; ++edge) {
      wait(5_ns);
      clk.write(L1);
      wait(5_ns);
      clk.write(L0);
    }
  });
  sim.run();
  // Two edges of r[i] <= r[i-1] + i, from r = {0, 10, 20, 30}: {30, 1, 12, 23}, then
  // {23, 31, 3, 15}.
  EXPECT_EQ(registers[0].read(), Vec<8>(23));
  EXPECT_EQ(registers[1].read(), Vec<8>(31));
  EXPECT_EQ(registers[2].read(), Vec<8>(3));
  EXPECT_EQ(registers[3].read(), Vec<8>(15));
}

TEST(InstanceArray, DestroysInstancesInReverseOrder) {
  Simulation sim;
  std::vector<std::string> destroyed;
  {
    InstanceArray<Stage> stages(sim, "stage", 3, [&](Scope& parent, std::string_view name, std::size_t i) {
      return Stage(parent, name, i, &destroyed);
    });
  }
  EXPECT_EQ(destroyed, (std::vector<std::string>{"stage_2", "stage_1", "stage_0"}));
  EXPECT_TRUE(sim.children().empty());
}

TEST(InstanceArray, AFailingConstructionDestroysTheInstancesBuilt) {
  Simulation sim;
  std::vector<std::string> destroyed;
  const auto build = [&] {
    InstanceArray<Stage> stages(sim, "stage", 4, [&](Scope& parent, std::string_view name, std::size_t i) {
      if (i == 2) throw std::runtime_error("no third stage");
      return Stage(parent, name, i, &destroyed);
    });
  };
  EXPECT_THROW(build(), std::runtime_error);
  EXPECT_EQ(destroyed, (std::vector<std::string>{"stage_1", "stage_0"}));
  EXPECT_TRUE(sim.children().empty());
}

TEST(InstanceArray, ACountTooLargeToAllocateThrowsBeforeBuildingAny) {
  Simulation sim;
  const auto build = [&] {
    InstanceArray<Stage> stages(sim, "stage", std::numeric_limits<std::size_t>::max() / 2,
                                [](Scope& parent, std::string_view name, std::size_t i) { return Stage(parent, name, i); });
  };
  EXPECT_THROW(build(), std::bad_array_new_length);
  EXPECT_TRUE(sim.children().empty());
}
