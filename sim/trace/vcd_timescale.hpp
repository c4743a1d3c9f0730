#pragma once
// The $timescale of a VCD file: how long one tick of a "#<time>" line lasts.

#include <cstdint>
#include <string>
#include <string_view>

namespace tetra {

/// Unit of a VCD $timescale, from seconds down to femtoseconds.
enum class VcdTimeUnit : std::uint8_t { s, ms, us, ns, ps, fs };

/// A VCD $timescale: 1, 10 or 100 of a unit (the only magnitudes IEEE 1364 allows).
struct VcdTimescale {
  unsigned magnitude = 1;
  VcdTimeUnit unit = VcdTimeUnit::ps;

  /// Throws std::invalid_argument unless magnitude is 1, 10 or 100.
  static VcdTimescale of(unsigned magnitude, VcdTimeUnit unit);
  /// The timescale as VCD text, e.g. "1ps" or "100ns".
  [[nodiscard]] std::string to_string() const;
  /// Parses "1ps", "10 ns", "100fs"; throws std::invalid_argument naming the text and the reason.
  static VcdTimescale parse(std::string_view text);

  friend bool operator==(const VcdTimescale&, const VcdTimescale&) = default;
};

}  // namespace tetra
