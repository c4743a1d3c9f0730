// Tracing a deep hierarchy, measured by counting this program's heap (heap_watch.hpp):
// the tracer and the writers keep names, never whole paths, so a design 10,000 levels
// deep costs memory (and time) in proportion to its size, not its depth squared.

#include "sim/module/module.hpp"
#include "sim/trace/tracer.hpp"
#include "tests/trace/heap_watch.hpp"
#include "tests/trace/temp_file.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace tetra {
namespace {

using namespace tetra::literals;
using testing::HeapWatch;
using testing::TempFile;

constexpr int depth = 10'000;

// Modules "level0" to "level<depth - 1>", each inside the last, each with a signal "s".
struct DeepDesign {
  Simulation sim;
  std::vector<std::unique_ptr<Module>> levels;
  std::vector<std::unique_ptr<Signal<Logic>>> signals;

  DeepDesign() {
    Scope* parent = &sim;
    for (int level = 0; level < depth; ++level) {
      levels.push_back(std::make_unique<Module>(*parent, "level" + std::to_string(level)));
      parent = levels.back().get();
      signals.push_back(std::make_unique<Signal<Logic>>(*parent, "s", L0));
    }
    sim.thread("toggle", [this] {
      for (int step = 0; step < 3; ++step) {
        wait(1_ns);
        signals.back()->write(~signals.back()->read());
      }
    });
  }
  DeepDesign(const DeepDesign&) = delete;
  DeepDesign& operator=(const DeepDesign&) = delete;
  // Children leave their parents as they go, so the deepest go first.
  ~DeepDesign() {
    while (!levels.empty()) {
      signals.pop_back();
      levels.pop_back();
    }
  }
};

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++found;
  return found;
}

// A whole path kept per signal makes this quadratic in the depth; the limit turns that
// into a quick failure instead of a long swap.
constexpr std::size_t bytes_per_level = 1024;

TEST(TracerMemory, ADesignTenThousandLevelsDeepCostsInProportionToItsSize) {
  TempFile file("deep.vcd");
  DeepDesign design;
  {
    const HeapWatch heap(64 * bytes_per_level * depth);
    trace_vcd(design.sim, file.path());
    design.sim.run();
    EXPECT_LT(heap.peak(), bytes_per_level * depth);
  }
  const std::string vcd = file.contents();
  EXPECT_EQ(count(vcd, "$scope module level"), std::size_t{depth});
  EXPECT_EQ(count(vcd, "$upscope $end"), std::size_t{depth});
  EXPECT_EQ(count(vcd, " s $end\n"), std::size_t{depth});
  EXPECT_NE(vcd.find("$scope module level9999 $end\n$var reg 1 "), std::string::npos);
  EXPECT_NE(vcd.find("#3000\n1"), std::string::npos) << "the deepest signal's last change";
}

TEST(TracerMemory, AGlobOverTenThousandLevelsIsMatchedAScopeAtATime) {
  TempFile file("deep.vcd");
  DeepDesign design;
  {
    const HeapWatch heap(64 * bytes_per_level * depth);
    trace_vcd(design.sim, file.path(), "*.level999?.s", "level0.level1.s");
    design.sim.run();
    EXPECT_LT(heap.peak(), bytes_per_level * depth);
  }
  const std::string vcd = file.contents();
  EXPECT_EQ(count(vcd, " s $end\n"), 11U);  // levels 1 and 9990 to 9999
  EXPECT_EQ(count(vcd, "$scope module level"), std::size_t{depth});
  EXPECT_EQ(count(vcd, "$scope module level0 $end\n$scope module level1 $end\n$var reg 1 ! s $end\n"), 1U);
}

}  // namespace
}  // namespace tetra
