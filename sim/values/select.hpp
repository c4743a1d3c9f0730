#pragma once
// The conditional operator (IEEE 1800 11.4.11): a known condition picks an operand; an
// unknown one merges them, keeping bits where both agree on 0 or 1 and giving X elsewhere.

#include "sim/values/vec.hpp"

namespace tetra {

/// Verilog condition ? if_true : if_false.
template <std::size_t N>
constexpr Vec<N> select(Logic condition, const Vec<N>& if_true, const Vec<N>& if_false) noexcept {
  if (condition == L1) return if_true;
  if (condition == L0) return if_false;
  return detail::zip_words(if_true, if_false, [](detail::Word ta, detail::Word tb, detail::Word fa, detail::Word fb) {
    const detail::Word agree = ~tb & ~fb & ~(ta ^ fa);
    return detail::Planes{(ta & agree) | ~agree, ~agree};
  });
}

/// Verilog condition ? if_true : if_false on single bits.
constexpr Logic select(Logic condition, Logic if_true, Logic if_false) noexcept {
  if (condition == L1) return if_true;
  if (condition == L0) return if_false;
  return if_true == if_false && if_true.is_known() ? if_true : LX;
}

}  // namespace tetra
