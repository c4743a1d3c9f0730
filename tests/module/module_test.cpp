#include "sim/module/module.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "sim/module/port.hpp"
#include "sim/values/vec.hpp"

using namespace tetra;
using namespace tetra::literals;

namespace {

// A counter as users write it: ports, a parameter, one clocked process.
template <std::size_t Width>
class Counter : public Module {
public:
  In<Logic> clk{*this, "clk"};
  In<Logic> rst{*this, "rst"};
  Out<Vec<Width>> count{*this, "count"};

  Counter(Scope& parent, std::string_view name) : Module(parent, name) {
    method("tick", [this] {
      count.write(rst.read() == L1 ? Vec<Width>::zeros() : count.read() + Vec<Width>(1));
    }).sensitive(clk.posedge());
  }
};

class Top : public Module {
public:
  Signal<Logic> clk{*this, "clk", L0};
  Signal<Logic> rst{*this, "rst", L1};
  Signal<Vec<4>> count{*this, "count"};
  Counter<4> counter{*this, "counter"};

  explicit Top(Scope& parent) : Module(parent, "top") {
    counter.clk(clk);
    counter.rst(rst);
    counter.count(count);
    thread("clockgen", [this] {
      while (true) {
        wait(5_ns);
        clk.write(~clk.read());
      }
    });
  }
};

}  // namespace

TEST(Module, CounterModuleCountsAfterReset) {
  Simulation sim;
  Top top(sim);
  sim.thread("stimulus", [&] {
    wait_count(top.clk.posedge(), 2);
    top.rst.write(L0);
  });
  sim.run(100_ns);
  // Posedges at 5, 15, ..., 95 ns: two in reset, the write lands after the second, then 8 counts.
  EXPECT_EQ(top.count.read(), Vec<4>(8));
}

TEST(Module, PathsAreDotted) {
  Simulation sim;
  Top top(sim);
  EXPECT_EQ(top.path(), "top");
  EXPECT_EQ(top.counter.path(), "top.counter");
  EXPECT_EQ(top.counter.count.path(), "top.counter.count");
}

TEST(Module, ChildrenAreListedInConstructionOrder) {
  Simulation sim;
  Top top(sim);
  std::vector<std::string> names;
  for (const Object* child : top.children()) names.push_back(child->name());
  EXPECT_EQ(names, (std::vector<std::string>{"clk", "rst", "count", "counter"}));
  ASSERT_EQ(top.submodules().size(), 1u);
  EXPECT_EQ(top.submodules()[0], &top.counter);
  EXPECT_EQ(top.counter.clk.kind(), ObjectKind::port);
  EXPECT_EQ(top.counter.kind(), ObjectKind::module);
}

TEST(Module, FindsObjectsAndSignalsByPath) {
  Simulation sim;
  Top top(sim);
  EXPECT_EQ(sim.find("top.counter.rst"), &top.counter.rst);
  EXPECT_EQ(top.find("counter"), &top.counter);
  EXPECT_EQ(sim.find_signal("top.count"), &top.count);
  EXPECT_EQ(sim.find_signal("top.counter"), nullptr);  // a module, not a signal
  EXPECT_EQ(sim.find("top.nothing"), nullptr);
  EXPECT_EQ(sim.find("top.clk.deeper"), nullptr);
}

TEST(Module, DuplicateNamesFailAtElaboration) {
  Simulation sim;
  Module top(sim, "top");
  Signal<Logic> a(top, "a"), again(top, "a");
  try {
    sim.elaborate();
    FAIL() << "expected an ElaborationError";
  } catch (const ElaborationError& error) {
    EXPECT_EQ(std::string(error.what()), "two objects are named \"a\" in top");
  }
}

TEST(Module, NamesMustBeNonEmptyAndDotFree) {
  Simulation sim;
  Module top(sim, "top");
  EXPECT_THROW(Signal<Logic>(top, "a.b"), ElaborationError);
  EXPECT_THROW(Signal<Logic>(top, ""), ElaborationError);
}

TEST(Module, ProcessesAreNamedByTheirModulesPath) {
  Simulation sim;
  Top top(sim);
  std::string path;
  sim.thread("probe", [&] { path = Scheduler::current()->process_path(Scheduler::current()->current_process()); });
  top.method("named", [] {});
  sim.run(1_ns);
  EXPECT_EQ(path, "probe");
  EXPECT_EQ(sim.process_path(0), "top.counter.tick");
}

TEST(Module, ObjectsLeaveTheHierarchyInAnyOrder) {
  Simulation sim;
  Module top(sim, "top");
  auto a = std::make_unique<Signal<Logic>>(top, "a");
  auto b = std::make_unique<Signal<Logic>>(top, "b");
  auto c = std::make_unique<Signal<Logic>>(top, "c");
  auto names = [&] {
    std::string joined;
    for (const Object* child : top.children()) joined += child->name();
    return joined;
  };
  b.reset();
  EXPECT_EQ(names(), "ac");
  a.reset();
  EXPECT_EQ(names(), "c");
  auto d = std::make_unique<Signal<Logic>>(top, "d");
  EXPECT_EQ(names(), "cd");
  EXPECT_EQ(top.children().size(), 2u);
  EXPECT_EQ(sim.find("top.b"), nullptr);
  EXPECT_EQ(sim.find("top.d"), d.get());
}

TEST(Module, AHierarchyAHundredThousandLevelsDeep) {
  // Paths, lookups and elaboration walk the hierarchy without recursion: a recursive
  // path() overflowed the stack between 30,000 and 50,000 levels.
  constexpr int levels = 100'000;
  Simulation sim;
  std::vector<std::unique_ptr<Module>> chain;
  chain.reserve(levels);
  std::string expected_path;
  Scope* parent = &sim;
  for (int i = 0; i < levels; ++i) {
    const char name[] = {'m', static_cast<char>('0' + i % 10), '\0'};
    chain.push_back(std::make_unique<Module>(*parent, name));
    parent = chain.back().get();
    if (i > 0) expected_path += '.';
    expected_path += chain.back()->name();
  }
  auto leaf_owner = std::make_unique<Signal<Logic>>(*parent, "leaf", L0);
  Signal<Logic>& leaf = *leaf_owner;
  EXPECT_EQ(leaf.path(), expected_path + ".leaf");
  EXPECT_EQ(sim.find_signal(expected_path + ".leaf"), &leaf);
  EXPECT_EQ(sim.find(expected_path + ".nothing"), nullptr);
  int runs = 0;
  chain.back()->method("watch", [&] { ++runs; }).sensitive(leaf);
  sim.run(1_ns);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(sim.process_path(0), expected_path + ".watch");
  leaf_owner.reset();  // children before their parents
  while (!chain.empty()) chain.pop_back();
}
