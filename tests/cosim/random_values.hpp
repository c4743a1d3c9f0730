#pragma once
// Random known values of any width, for traffic through the bridge.

#include <cstddef>
#include <random>

#include "sim/values/vec.hpp"

namespace tetra::test {

/// A known Vec<N> with every bit drawn from `random`.
template <std::size_t N>
Vec<N> random_vec(std::mt19937_64& random) {
  Vec<N> value = Vec<N>::zeros();
  for (std::size_t i = 0; i < Vec<N>::words; ++i) value.set_words(i, random(), 0);
  return value;
}

}  // namespace tetra::test
