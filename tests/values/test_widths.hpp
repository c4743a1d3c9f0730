#pragma once
// The widths every width-generic values test runs at: one bit, each narrow storage size
// full (8, 16, 32 bits) and just past it (33), inside one word, exactly one word, just
// past a word boundary, two full words, an odd multi-word size, and wide.

#include <gtest/gtest.h>

#include "sim/values/vec.hpp"

namespace tetra::test {

template <std::size_t N>
struct Width {
  static constexpr std::size_t value = N;
};

using AllWidths = ::testing::Types<Width<1>, Width<7>, Width<8>, Width<16>, Width<32>, Width<33>, Width<63>, Width<64>,
                                   Width<65>, Width<128>, Width<200>, Width<1024>>;

/// gtest names the typed cases by width: "W7", "W1024".
struct WidthNames {
  template <typename T>
  static std::string GetName(int) {
    std::string name = "W";  // appended, not "W" + ...: g++ 12 warns falsely on that form
    name += std::to_string(T::value);
    return name;
  }
};

}  // namespace tetra::test
