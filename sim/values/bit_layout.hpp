#pragma once
// Rearranging bits: concatenation and replication (IEEE 1800 11.4.12), constant slices,
// dynamic bit- and part-selects (11.5.1: an out-of-range or unknown index reads X), and
// explicit width changes. Widths are computed at compile time from the operands, and
// out-of-range constant bounds are constraint failures (compile errors), not runtime checks.

#include <optional>

#include "sim/values/vec.hpp"

namespace tetra {

/// Verilog {parts...}: the first argument lands in the most significant bits.
template <std::size_t... Ns>
constexpr Vec<(Ns + ...)> concat(const Vec<Ns>&... parts) noexcept {
  constexpr std::size_t total = (Ns + ...);
  Vec<total> result = Vec<total>::zeros();
  std::size_t lsb = total;
  ((lsb -= Ns, detail::deposit(result, lsb, parts)), ...);
  return result;
}

/// Verilog {K{v}}.
template <std::size_t K, std::size_t N>
constexpr Vec<K * N> replicate(const Vec<N>& v) noexcept {
  static_assert(K >= 1, "replicate at least once");
  Vec<K * N> result = Vec<K * N>::zeros();
  for (std::size_t i = 0; i < K; ++i) detail::deposit(result, i * N, v);
  return result;
}

/// A one-bit Vec holding `bit`, to concatenate or replicate single bits.
constexpr Vec<1> to_vec(Logic bit) noexcept {
  Vec<1> result = Vec<1>::zeros();
  result.set_words(0, bit.aval(), bit.bval());
  return result;
}

/// Verilog v[Hi:Lo] with constant bounds, checked at compile time.
template <std::size_t Hi, std::size_t Lo, std::size_t N>
  requires(Lo <= Hi && Hi < N)
constexpr Vec<Hi - Lo + 1> slice(const Vec<N>& v) noexcept {
  return detail::extract<Hi - Lo + 1>(v, Lo);
}

/// Verilog v[Hi:Lo] = part, with constant bounds checked at compile time.
template <std::size_t Hi, std::size_t Lo, std::size_t N>
  requires(Lo <= Hi && Hi < N)
constexpr void assign_slice(Vec<N>& v, const Vec<Hi - Lo + 1>& part) noexcept {
  detail::deposit(v, Lo, part);
}

namespace detail {
/// A known index as an integer; nullopt if it has X/Z bits, SIZE_MAX if it exceeds size_t.
template <std::size_t M>
constexpr std::optional<std::size_t> known_index(const Vec<M>& index) noexcept {
  if (!index.is_known()) return std::nullopt;
  for (std::size_t i = 1; i < Vec<M>::words; ++i) {
    if (index.aval(i) != 0) return static_cast<std::size_t>(-1);
  }
  return static_cast<std::size_t>(index.aval(0));
}
}  // namespace detail

/// Verilog v[index]: X if index >= N.
template <std::size_t N>
constexpr Logic bit_select(const Vec<N>& v, std::size_t index) noexcept {
  return index < N ? Logic::from_planes(detail::word_at(v, index).aval, detail::word_at(v, index).bval) : LX;
}
/// Verilog v[index] with a four-state index: X if it is unknown or out of range.
template <std::size_t N, std::size_t M>
constexpr Logic bit_select(const Vec<N>& v, const Vec<M>& index) noexcept {
  const auto i = detail::known_index(index);
  return i ? bit_select(v, *i) : LX;
}

/// Verilog v[base +: W]: bits at or beyond N read X.
template <std::size_t W, std::size_t N>
constexpr Vec<W> part_select(const Vec<N>& v, std::size_t base) noexcept {
  if (base >= N) return Vec<W>::xs();
  const std::size_t in_range = N - base;
  const Vec<W> bits = detail::extract<W>(v, base);
  return in_range >= W ? bits : detail::fill_top(bits, W - in_range, LX);
}
/// Verilog v[base +: W] with a four-state base: all X if it is unknown.
template <std::size_t W, std::size_t N, std::size_t M>
constexpr Vec<W> part_select(const Vec<N>& v, const Vec<M>& base) noexcept {
  const auto b = detail::known_index(base);
  return b ? part_select<W>(v, *b) : Vec<W>::xs();
}

/// Zero extension to M >= N bits.
template <std::size_t M, std::size_t N>
  requires(M >= N)  // zext widens: trunc narrows
constexpr Vec<M> zext(const Vec<N>& v) noexcept {
  Vec<M> result = Vec<M>::zeros();
  detail::deposit(result, 0, v);
  return result;
}

/// Sign extension to M >= N bits: the new bits copy bit N-1, whatever its state.
template <std::size_t M, std::size_t N>
  requires(M >= N)  // sext widens: trunc narrows
constexpr Vec<M> sext(const Vec<N>& v) noexcept {
  return detail::fill_top(zext<M>(v), M - N, v.bit(N - 1));
}

/// Keeps the low M <= N bits.
template <std::size_t M, std::size_t N>
  requires(M <= N)  // trunc narrows: zext and sext widen
constexpr Vec<M> trunc(const Vec<N>& v) noexcept {
  return detail::extract<M>(v, 0);
}

}  // namespace tetra
