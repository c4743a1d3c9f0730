#pragma once
// The lockstep comparator: two implementations of one design (a Tetra model and its
// Verilated RTL, say) run in one simulation on the same stimulus, and chosen signal pairs
// are compared every cycle of a clock. Each pair is sampled in the read-only region of
// the time slot of every rising clock edge, when everything that edge caused has settled
// (a model's outputs included), so both sides show the same cycle whatever the number
// of delta cycles each took.
//
// Per bit, the first signal of a pair (the reference, normally the four-state Tetra
// side) and the second (normally the two-state RTL) are:
//   - equal when identical (X equals X, as ===);
//   - "resolved by RTL" when the reference bit is X or Z and the other is known: the
//     reference did not know, the RTL chose (an uninitialised register, don't-care
//     data); whether that is an error or a note is an option;
//   - a mismatch otherwise (known bits that differ, or a known reference bit against
//     an unknown one).
// A divergence stops the run with DivergenceError (or is counted, by option), with a
// report: the cycle, the time, the signal paths, both values, and the last cycles of
// every compared signal.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/kernel/signal.hpp"
#include "sim/kernel/time.hpp"
#include "sim/module/port.hpp"

namespace tetra {

/// What the comparator does at a divergence.
enum class OnDivergence : std::uint8_t {
  stop,   ///< throw DivergenceError: the run stops at the first one
  count,  ///< record it and go on (the first ones are kept in full)
};

/// What a bit X or Z in the reference and known in the other signal is.
enum class ResolvedByRtl : std::uint8_t {
  error,  ///< a divergence
  note,   ///< counted apart, not a divergence
};

/// How a LockstepComparator compares.
struct LockstepOptions {
  /// How reports name the first signal of each pair.
  std::string reference_name = "tetra";
  /// How reports name the second.
  std::string candidate_name = "rtl";
  /// Stop at the first divergence, or count them.
  OnDivergence on_divergence = OnDivergence::stop;
  /// Reference bits X or Z where the other side is known: an error, or a note.
  ResolvedByRtl resolved_by_rtl = ResolvedByRtl::error;
  /// Cycles of history in a report (the divergent one included).
  std::size_t history = 8;
  /// Divergences kept in full when counting (the count goes on).
  std::size_t kept_divergences = 10;
};

/// One pair found different at one cycle.
struct Divergence {
  /// A known-bit mismatch, or unknown reference bits made known by the RTL.
  enum class Kind : std::uint8_t { mismatch, resolved_by_rtl };
  Kind kind = Kind::mismatch;
  std::uint64_t cycle = 0;  ///< the rising edge's number, from 0
  Duration time;            ///< the rising edge's time
  std::string reference_path;
  std::string candidate_path;
  std::string reference_value;  ///< as a sized literal: 8'h3c, or 8'b0011xx00
  std::string candidate_value;
  std::string report;  ///< the whole report, history included
};

/// What a comparison found so far, for a command to print.
struct LockstepSummary {
  std::uint64_t cycles = 0;             ///< rising edges compared
  std::size_t signals = 0;              ///< signal pairs compared each cycle
  std::uint64_t divergences = 0;        ///< (cycle, pair) divergences
  std::uint64_t resolved_by_rtl = 0;    ///< (cycle, pair) notes (ResolvedByRtl::note)
  std::optional<Divergence> first_divergence;
  std::optional<Divergence> first_resolved_by_rtl;  ///< the first note

  /// One line: "1000 cycles, 4 signal pairs: 0 divergences, 12 resolved by RTL (first at cycle 0: top.rtl.count)".
  [[nodiscard]] std::string to_string() const;
};

/// Compares signal pairs of two implementations every rising edge of `clk`.
///
/// **Example**
///
///     LockstepComparator lockstep{top, "lockstep", {.resolved_by_rtl = ResolvedByRtl::note}};
///     lockstep.clk(clk);
///     lockstep.compare(tetra_fifo.count, rtl_fifo.count);   // ports or signals, same value type
///     sim.run();                                          // throws DivergenceError at the first one
///     fmt::print("{}\n", lockstep.summary().to_string());
class LockstepComparator : public Module {
public:
  In<Logic> clk{*this, "clk"};

  /// A comparator named `name` in `parent`.
  LockstepComparator(Scope& parent, std::string_view name, LockstepOptions options = {});

  /// Compares `reference` with `candidate` every cycle: signals or ports (read through
  /// the signal they are bound to) of the same value type. Call before the run.
  template <class Reference, class Candidate>
    requires std::same_as<typename Reference::value_type, typename Candidate::value_type> &&
             (std::derived_from<Reference, SignalBase> || std::derived_from<Reference, PortBase>) &&
             (std::derived_from<Candidate, SignalBase> || std::derived_from<Candidate, PortBase>)
  void compare(const Reference& reference, const Candidate& candidate) {
    add_pair(reference, candidate, ValueTraits<typename Reference::value_type>::width);
  }

  /// What the comparison found so far.
  [[nodiscard]] const LockstepSummary& summary() const { return summary_; }
  /// The divergences kept in full (all of them up to kept_divergences), in order.
  [[nodiscard]] const std::vector<Divergence>& divergences() const { return kept_; }
  /// The options.
  [[nodiscard]] const LockstepOptions& options() const { return options_; }

private:
  struct Pair {
    const Object* reference;
    const Object* candidate;
    const SignalBase* reference_signal = nullptr;  // found at the first sample
    const SignalBase* candidate_signal = nullptr;
    std::size_t width;
    std::size_t words;
    std::size_t history_offset;  // into history_: per cycle slot, 4 planes of `words`
  };

  void add_pair(const Object& reference, const Object& candidate, std::size_t width);
  void sample();
  Divergence describe(const Pair& pair, Divergence::Kind kind, std::size_t slot) const;
  std::string history_table(const Pair& divergent) const;
  std::uint64_t* planes(const Pair& pair, std::size_t slot) { return &history_[slot * history_stride_ + pair.history_offset]; }
  const std::uint64_t* planes(const Pair& pair, std::size_t slot) const {
    return &history_[slot * history_stride_ + pair.history_offset];
  }

  LockstepOptions options_;
  std::vector<Pair> pairs_;
  std::vector<std::uint64_t> history_;  // a ring of `history` cycle slots
  std::size_t history_stride_ = 0;      // words per cycle slot
  std::vector<std::uint64_t> history_cycles_;
  std::vector<Duration> history_times_;
  LockstepSummary summary_;
  std::vector<Divergence> kept_;
  bool edge_seen_ = false;
};

}  // namespace tetra
