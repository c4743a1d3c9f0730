#include "sim/trace/pointer_index.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tetra {
namespace {

TEST(PointerIndex, FindsEveryInsertedPointerAndNothingElse) {
  std::vector<long> objects(5000);
  PointerIndex index(100);  // far too small: it must grow
  for (std::size_t i = 0; i < objects.size(); i += 2) index.insert(&objects[i], static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const std::uint32_t expected = i % 2 == 0 ? static_cast<std::uint32_t>(i) : PointerIndex::absent;
    ASSERT_EQ(index.find(&objects[i]), expected) << i;
  }
}

TEST(PointerIndex, AnEmptyIndexFindsNothing) {
  const PointerIndex index;
  int object = 0;
  EXPECT_EQ(index.find(&object), PointerIndex::absent);
}

}  // namespace
}  // namespace tetra
