#pragma once
// Simulated time: typed durations with unit literals, and the integer tick count a
// simulation advances at its resolution.

#include <compare>
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace tetra {

/// Integer tick count of one simulation, at that simulation's resolution.
using Ticks = std::uint64_t;

/// A span of simulated time, exact to the femtosecond.
class Duration {
public:
  constexpr Duration() = default;

  /// The duration of `count` femtoseconds.
  static constexpr Duration femtoseconds(std::int64_t count) { return Duration{count}; }
  /// The number of whole femtoseconds in this duration.
  [[nodiscard]] constexpr std::int64_t in_femtoseconds() const { return fs_; }

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration other) const { return Duration{fs_ + other.fs_}; }
  constexpr Duration operator-(Duration other) const { return Duration{fs_ - other.fs_}; }
  constexpr Duration operator*(std::int64_t factor) const { return Duration{fs_ * factor}; }
  constexpr Duration operator/(std::int64_t divisor) const { return Duration{fs_ / divisor}; }
  constexpr Duration& operator+=(Duration other) { fs_ += other.fs_; return *this; }

private:
  constexpr explicit Duration(std::int64_t fs) : fs_(fs) {}
  std::int64_t fs_ = 0;
};

/// Printed form with the largest unit that divides the duration exactly: "250 ps", "1 ns".
std::string to_string(Duration duration);

namespace literals {
// Unit literals; a literal that overflows the femtosecond range is a compile error.
consteval Duration scaled_duration(unsigned long long count, std::int64_t fs_per_unit) {
  if (count > static_cast<unsigned long long>(INT64_MAX / fs_per_unit)) throw "duration literal out of range";
  return Duration::femtoseconds(static_cast<std::int64_t>(count) * fs_per_unit);
}
/// Femtoseconds.
consteval Duration operator""_fs(unsigned long long n) { return scaled_duration(n, 1); }
/// Picoseconds.
consteval Duration operator""_ps(unsigned long long n) { return scaled_duration(n, 1'000); }
/// Nanoseconds.
consteval Duration operator""_ns(unsigned long long n) { return scaled_duration(n, 1'000'000); }
/// Microseconds.
consteval Duration operator""_us(unsigned long long n) { return scaled_duration(n, 1'000'000'000); }
/// Milliseconds.
consteval Duration operator""_ms(unsigned long long n) { return scaled_duration(n, 1'000'000'000'000); }
/// Seconds.
consteval Duration operator""_s(unsigned long long n) { return scaled_duration(n, 1'000'000'000'000'000); }
}  // namespace literals

}  // namespace tetra

/// Formats a Duration with its unit, e.g. "250 ps".
template <>
struct fmt::formatter<tetra::Duration> : fmt::formatter<std::string> {
  auto format(tetra::Duration duration, fmt::format_context& ctx) const {
    return fmt::formatter<std::string>::format(tetra::to_string(duration), ctx);
  }
};
