#pragma once
// A function whose one frame is `Bytes` long, for the thread stack tests.

#include <cstddef>

namespace tetra::testing {

/// Returns `seed` through a frame of `Bytes`, written at both ends so that it stays.
template <std::size_t Bytes>
[[gnu::noinline]] int through_large_frame(int seed) {
  volatile char frame[Bytes];
  frame[0] = static_cast<char>(seed);
  frame[Bytes - 1] = frame[0];
  return frame[Bytes - 1];
}

}  // namespace tetra::testing
