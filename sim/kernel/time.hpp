#pragma once
// Simulated time: typed durations with unit literals, and the integer tick count a
// simulation advances at its resolution.

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace tetra {

/// Integer tick count of one simulation, at that simulation's resolution.
using Ticks = std::uint64_t;

/// A signed count of femtoseconds wide enough for every tick count (2^64) at every
/// resolution a simulation accepts (up to 2^63 fs), with room to add and subtract them.
__extension__ using Femtoseconds = __int128;

/// A span of simulated time, exact to the femtosecond. Arithmetic that leaves the
/// femtosecond range (about ±1.7e23 s) throws std::overflow_error instead of wrapping.
class Duration {
public:
  constexpr Duration() = default;

  /// The duration of `count` femtoseconds.
  static constexpr Duration femtoseconds(Femtoseconds count) { return Duration{count}; }
  /// The number of whole femtoseconds in this duration.
  [[nodiscard]] constexpr Femtoseconds in_femtoseconds() const { return fs_; }

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration other) const { return Duration{checked(fs_, other.fs_, '+')}; }
  constexpr Duration operator-(Duration other) const { return Duration{checked(fs_, other.fs_, '-')}; }
  constexpr Duration operator*(std::int64_t factor) const { return Duration{checked(fs_, factor, '*')}; }
  friend constexpr Duration operator*(std::int64_t factor, Duration duration) { return duration * factor; }
  constexpr Duration operator/(std::int64_t divisor) const {
    if (divisor == 0) throw std::domain_error("duration divided by zero");
    return Duration{fs_ / divisor};
  }
  constexpr Duration& operator+=(Duration other) { return *this = *this + other; }

private:
  constexpr explicit Duration(Femtoseconds fs) : fs_(fs) {}
  static constexpr Femtoseconds checked(Femtoseconds left, Femtoseconds right, char operation) {
    Femtoseconds result = 0;
    const bool overflow = operation == '+'   ? __builtin_add_overflow(left, right, &result)
                          : operation == '-' ? __builtin_sub_overflow(left, right, &result)
                                             : __builtin_mul_overflow(left, right, &result);
    if (overflow) throw std::overflow_error("duration arithmetic beyond the femtosecond range (about 1.7e23 s)");
    return result;
  }
  Femtoseconds fs_ = 0;
};

/// Printed form with the largest unit that divides the duration exactly: "250 ps", "1 ns".
std::string to_string(Duration duration);

namespace literals {
// Unit literals; every 64-bit count of every unit fits the femtosecond range.
consteval Duration scaled_duration(unsigned long long count, std::int64_t fs_per_unit) {
  return Duration::femtoseconds(static_cast<Femtoseconds>(count) * fs_per_unit);
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
