#pragma once
// Seeded random stimulus: integers in a range, chances, weighted choices, and four-state
// values with X and Z injected at a chosen rate. Built on std::mt19937_64, whose output the
// standard fixes, with distributions written here, so a seed gives the same stimulus with
// every compiler and standard library.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

namespace tetra::testbench {

/// How often a random four-state bit is X, and how often Z (each in 0..1; the rest 0 or 1).
struct UnknownRate {
  double x = 0;
  double z = 0;
};

/// One choice of a weighted pick: `value` comes up in proportion to `weight`.
template <class T>
struct Weighted {
  T value;
  std::uint64_t weight;
};

/// A seeded source of stimulus. Each test has one (current_test().random(), or random()).
class Random {
public:
  /// A source starting from `seed`.
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// 64 uniformly random bits.
  std::uint64_t bits() { return engine_(); }
  /// A uniform integer in [0, bound); throws std::invalid_argument if bound is 0.
  std::uint64_t below(std::uint64_t bound);
  /// A uniform integer in [low, high] (both included); throws std::invalid_argument if low > high.
  std::int64_t range(std::int64_t low, std::int64_t high);
  /// True with probability `probability` (0..1; throws std::invalid_argument outside).
  bool chance(double probability);

  /// One of `choices`, each in proportion to its weight; throws std::invalid_argument if
  /// the list is empty or every weight is 0.
  template <class T>
  T weighted(std::initializer_list<Weighted<T>> choices) {
    std::uint64_t total = 0;
    for (const Weighted<T>& choice : choices) total += choice.weight;
    if (total == 0) throw std::invalid_argument("weighted(): no choice has a weight above 0");
    std::uint64_t ticket = below(total);
    for (const Weighted<T>& choice : choices) {
      if (ticket < choice.weight) return choice.value;
      ticket -= choice.weight;
    }
    throw std::logic_error("weighted(): unreachable");
  }

  /// A random bit: X with probability rate.x, Z with rate.z, else 0 or 1 evenly.
  Logic logic(UnknownRate rate = {});
  /// A random N-bit value, each bit drawn as logic(rate).
  template <std::size_t N>
  Vec<N> vec(UnknownRate rate = {}) {
    Vec<N> value = Vec<N>::zeros();
    for (std::size_t word = 0; word < Vec<N>::words; ++word) value.set_words(word, bits(), 0);
    if (rate.x > 0 || rate.z > 0) {
      for (std::size_t i = 0; i < N; ++i) {
        const Logic unknown = unknown_bit(rate);
        if (!unknown.is_known()) value.set_bit(i, unknown);
      }
    }
    return value;
  }
  /// A random N-bit value in [low, high], fully known; throws std::invalid_argument if
  /// low > high, std::out_of_range if high does not fit in N bits.
  template <std::size_t N>
  Vec<N> vec_in(std::uint64_t low, std::uint64_t high) {
    if (low > high) throw std::invalid_argument("vec_in(): low " + std::to_string(low) + " > high " + std::to_string(high));
    if (N < 64 && (high >> (N < 64 ? N : 0)) != 0) {
      throw std::out_of_range("vec_in(): high " + std::to_string(high) + " does not fit in " + std::to_string(N) + " bits");
    }
    return Vec<N>(low + (high - low == UINT64_MAX ? bits() : below(high - low + 1)));
  }

private:
  // X with rate.x, Z with rate.z, otherwise a known bit (returned as 0: the caller keeps its own).
  Logic unknown_bit(UnknownRate rate);
  double unit();  // uniform in [0, 1)

  std::mt19937_64 engine_;
};

/// The current test's random source; throws std::logic_error outside a test.
Random& test_random();

}  // namespace tetra::testbench
