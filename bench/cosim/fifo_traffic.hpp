#pragma once
// The FIFO traffic every co-simulation benchmark drives, so that each implementation
// sees the same pushes and pops: a xorshift generator decides, from full and empty,
// whether to push (3 times in 4 when not full) and pop (3 times in 4 when not empty),
// and folds every popped word into a checksum that each run prints.

#include <cstdint>
#include <ctime>

namespace tetra::bench {

/// One cycle's inputs.
struct FifoStep {
  bool push;
  bool pop;
  std::uint16_t data;
};

/// The traffic: call next() once per cycle with the outputs the cycle starts with.
class FifoTraffic {
public:
  /// The inputs for a cycle that starts with `full`, `empty` and `pop_data`.
  FifoStep next(bool full, bool empty, std::uint64_t pop_data) {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    const FifoStep step{!full && (state_ & 3u) != 0, !empty && ((state_ >> 2) & 3u) != 0,
                        static_cast<std::uint16_t>(state_ >> 16)};
    if (step.pop) checksum_ = checksum_ * 31 + pop_data;
    return step;
  }
  /// The fold of every popped word.
  [[nodiscard]] std::uint64_t checksum() const { return checksum_; }

private:
  std::uint64_t state_ = 0x9e37'79b9'7f4a'7c15u;
  std::uint64_t checksum_ = 0;
};

/// CPU time of this process, in seconds.
inline double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace tetra::bench
