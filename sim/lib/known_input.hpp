#pragma once
// Reading control inputs that a block cannot act on when unknown (a FIFO's push, a
// memory's address): X or Z there is an error naming the port, never a guess.

#include <cstddef>
#include <cstdint>

#include <fmt/format.h>

#include "sim/module/port.hpp"
#include "sim/values/errors.hpp"
#include "sim/values/format.hpp"
#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

namespace tetra {

/// True if `port` reads 1, false if 0; throws UnknownValueError naming the port on X/Z.
inline bool known_bit(const In<Logic>& port) {
  const Logic value = port.read();
  if (!value.is_known()) throw UnknownValueError(fmt::format("1'b{}", value.to_char()), port.path());
  return value == L1;
}

/// The unsigned value of `port`; throws UnknownValueError naming the port on X/Z bits.
template <std::size_t N>
std::uint64_t known_uint(const In<Vec<N>>& port) {
  const Vec<N>& value = port.read();
  if (!value.is_known()) throw UnknownValueError(fmt::format("{}", value), port.path());
  return value.to_uint64();
}

}  // namespace tetra
