#include "apps/sweep_progress.hpp"

#include <fmt/format.h>

#include <iostream>
#include <string>

#include <unistd.h>

namespace tetra::apps {

namespace {

constexpr std::size_t kBarWidth = 30;

std::string duration_text(double seconds) {
  const auto whole = static_cast<std::uint64_t>(seconds + 0.5);
  return whole < 60 ? fmt::format("{} s", whole) : fmt::format("{}:{:02}", whole / 60, whole % 60);
}

}  // namespace

bool is_terminal(const std::ostream& stream) {
  if (stream.rdbuf() == std::cerr.rdbuf()) return isatty(STDERR_FILENO) == 1;
  if (stream.rdbuf() == std::cout.rdbuf()) return isatty(STDOUT_FILENO) == 1;
  return false;
}

SweepProgressDisplay::SweepProgressDisplay(std::ostream& stream, bool terminal)
    : stream_(stream), terminal_(terminal) {}

SweepProgressDisplay::~SweepProgressDisplay() {
  if (bar_shown_) stream_ << '\n' << std::flush;
}

void SweepProgressDisplay::update(const SweepProgress& progress) {
  const Clock::time_point now = Clock::now();
  const bool last = progress.simulations_done == progress.simulations;
  const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(10);
  if (!last && now - last_shown_ < interval) return;
  last_shown_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? static_cast<double>(progress.points_done) / elapsed : 0.0;
  // Time left from the simulations, which cost alike; points come unevenly (K = 0 rows
  // come with their baselines).
  const double left = progress.simulations_done == 0
                          ? 0.0
                          : elapsed * static_cast<double>(progress.simulations - progress.simulations_done) /
                                static_cast<double>(progress.simulations_done);
  const std::string counts = fmt::format("{}/{} points, {:.1f} points/s, {} left", progress.points_done,
                                         progress.points, rate, duration_text(left));
  if (!terminal_) {
    stream_ << "tetra sweep: " << counts << '\n' << std::flush;
    return;
  }
  const std::size_t filled = progress.simulations == 0
                                 ? kBarWidth
                                 : kBarWidth * progress.simulations_done / progress.simulations;
  stream_ << fmt::format("\r[{}{}] {}", std::string(filled, '#'), std::string(kBarWidth - filled, '.'), counts)
          << std::flush;
  bar_shown_ = true;
}

}  // namespace tetra::apps
