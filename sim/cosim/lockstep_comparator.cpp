#include "sim/cosim/lockstep_comparator.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"

namespace tetra {

namespace {

// A value as a sized literal: hex when every bit is known ("8'h3c"), else binary with
// x and z digits ("8'b0011xz00").
std::string literal(const std::uint64_t* aval, const std::uint64_t* bval, std::size_t width) {
  const std::size_t words = (width + 63) / 64;
  bool known = true;
  for (std::size_t i = 0; i < words; ++i) known = known && bval[i] == 0;
  auto bit = [](const std::uint64_t* plane, std::size_t i) { return (plane[i / 64] >> (i % 64)) & 1u; };
  std::string text = fmt::format("{}'{}", width, known ? 'h' : 'b');
  if (known) {
    for (std::size_t digit = (width + 3) / 4; digit-- > 0;) {
      std::uint64_t value = 0;
      for (std::size_t i = std::min(width, 4 * digit + 4); i-- > 4 * digit;) value = (value << 1) | bit(aval, i);
      text.push_back("0123456789abcdef"[value]);
    }
  } else {
    for (std::size_t i = width; i-- > 0;) text.push_back("01zx"[bit(aval, i) | (bit(bval, i) << 1)]);
  }
  return text;
}

const SignalBase& signal_of(const Object& object) {
  if (object.kind() == ObjectKind::port) {
    const SignalBase* bound = static_cast<const PortBase&>(object).bound_signal();
    if (bound == nullptr) throw std::logic_error(fmt::format("lockstep: port {} is not bound", object.path()));
    return *bound;
  }
  return static_cast<const SignalBase&>(object);
}

}  // namespace

std::string LockstepSummary::to_string() const {
  std::string text = fmt::format("{} cycles, {} signal pairs: {} divergences", cycles, signals, divergences);
  if (first_divergence) {
    text += fmt::format(" (first at cycle {}: {})", first_divergence->cycle, first_divergence->candidate_path);
  }
  text += fmt::format(", {} resolved by RTL", resolved_by_rtl);
  if (first_resolved_by_rtl) {
    text += fmt::format(" (first at cycle {}: {})", first_resolved_by_rtl->cycle, first_resolved_by_rtl->candidate_path);
  }
  return text;
}

LockstepComparator::LockstepComparator(Scope& parent, std::string_view name, LockstepOptions options)
    : Module(parent, name), options_(std::move(options)) {
  if (options_.history == 0) {
    throw std::invalid_argument(fmt::format("lockstep {}: the history must hold at least the divergent cycle", path()));
  }
  history_cycles_.resize(options_.history);
  history_times_.resize(options_.history);
  method("edge", [this] { edge_seen_ = true; }).sensitive(clk.posedge());
  method("sample", [this] { sample(); }).sensitive(simulation().read_only_event()).run_at_start(false);
}

void LockstepComparator::add_pair(const Object& reference, const Object& candidate, std::size_t width) {
  if (summary_.cycles != 0) {
    throw std::logic_error(fmt::format("lockstep {}: pairs are added before the first compared cycle", path()));
  }
  const std::size_t words = (width + 63) / 64;
  pairs_.push_back(Pair{&reference, &candidate, nullptr, nullptr, width, words, history_stride_});
  history_stride_ += 4 * words;
  history_.assign(history_stride_ * options_.history, 0);
  summary_.signals = pairs_.size();
}

void LockstepComparator::sample() {
  if (!edge_seen_) return;
  edge_seen_ = false;
  const std::uint64_t cycle = summary_.cycles++;
  const std::size_t slot = cycle % options_.history;
  history_cycles_[slot] = cycle;
  history_times_[slot] = simulation().now();

  for (Pair& pair : pairs_) {
    if (pair.reference_signal == nullptr) {
      pair.reference_signal = &signal_of(*pair.reference);
      pair.candidate_signal = &signal_of(*pair.candidate);
    }
    std::uint64_t* stored = planes(pair, slot);
    const std::size_t words = pair.words;
    pair.reference_signal->read_planes({stored, words}, {stored + words, words});
    pair.candidate_signal->read_planes({stored + 2 * words, words}, {stored + 3 * words, words});
  }

  std::optional<Divergence> stopping;
  for (const Pair& pair : pairs_) {
    const std::uint64_t* stored = planes(pair, slot);
    const std::size_t words = pair.words;
    std::uint64_t mismatch = 0;
    std::uint64_t resolved = 0;
    for (std::size_t i = 0; i < words; ++i) {
      const std::uint64_t ref_a = stored[i], ref_b = stored[words + i];
      const std::uint64_t cand_a = stored[2 * words + i], cand_b = stored[3 * words + i];
      const std::uint64_t differ = (ref_a ^ cand_a) | (ref_b ^ cand_b);
      const std::uint64_t made_known = ref_b & ~cand_b;
      resolved |= differ & made_known;
      mismatch |= differ & ~made_known;
    }
    if (mismatch == 0 && resolved == 0) continue;
    const bool is_mismatch = mismatch != 0;
    if (!is_mismatch && options_.resolved_by_rtl == ResolvedByRtl::note) {
      ++summary_.resolved_by_rtl;
      if (!summary_.first_resolved_by_rtl) {
        summary_.first_resolved_by_rtl = describe(pair, Divergence::Kind::resolved_by_rtl, slot);
      }
      continue;
    }
    ++summary_.divergences;
    const bool stops_here = options_.on_divergence == OnDivergence::stop && !stopping;
    const bool kept = kept_.size() < options_.kept_divergences;
    if (summary_.first_divergence && !kept && !stops_here) continue;  // counted only: no report to build
    Divergence divergence =
        describe(pair, is_mismatch ? Divergence::Kind::mismatch : Divergence::Kind::resolved_by_rtl, slot);
    if (!summary_.first_divergence) summary_.first_divergence = divergence;
    if (stops_here) stopping = divergence;
    if (kept) kept_.push_back(std::move(divergence));
  }
  if (stopping) throw DivergenceError(stopping->time, stopping->candidate_path, stopping->report);
}

Divergence LockstepComparator::describe(const Pair& pair, Divergence::Kind kind, std::size_t slot) const {
  const std::uint64_t* stored = planes(pair, slot);
  const std::size_t words = pair.words;
  Divergence divergence;
  divergence.kind = kind;
  divergence.cycle = history_cycles_[slot];
  divergence.time = history_times_[slot];
  divergence.reference_path = pair.reference->path();
  divergence.candidate_path = pair.candidate->path();
  divergence.reference_value = literal(stored, stored + words, pair.width);
  divergence.candidate_value = literal(stored + 2 * words, stored + 3 * words, pair.width);
  const std::size_t name_width = std::max(options_.reference_name.size(), options_.candidate_name.size());
  divergence.report = fmt::format(
      "lockstep {}: cycle {} (at {}): {}\n  {:<{}} {} = {}\n  {:<{}} {} = {}\n{}", path(), divergence.cycle,
      divergence.time,
      kind == Divergence::Kind::mismatch ? "known bits differ" : "bits X or Z in the reference are known in the RTL",
      options_.reference_name, name_width, divergence.reference_path, divergence.reference_value,
      options_.candidate_name, name_width, divergence.candidate_path, divergence.candidate_value, history_table(pair));
  return divergence;
}

// The last cycles of every compared signal, oldest first, one row per signal.
std::string LockstepComparator::history_table(const Pair& divergent) const {
  const std::uint64_t last = summary_.cycles - 1;
  const std::uint64_t count = std::min<std::uint64_t>(summary_.cycles, options_.history);
  const std::size_t name_width = std::max(options_.reference_name.size(), options_.candidate_name.size());
  std::vector<std::vector<std::string>> rows;  // label, then one cell per cycle
  std::vector<std::string> header{"cycle"};
  for (std::uint64_t cycle = last + 1 - count; cycle <= last; ++cycle) header.push_back(fmt::format("{}", cycle));
  rows.push_back(std::move(header));
  for (const Pair& pair : pairs_) {
    for (int side = 0; side < 2; ++side) {
      std::vector<std::string> row{fmt::format("{:<{}} {}", side == 0 ? options_.reference_name : options_.candidate_name,
                                               name_width, (side == 0 ? pair.reference : pair.candidate)->path())};
      for (std::uint64_t cycle = last + 1 - count; cycle <= last; ++cycle) {
        const std::uint64_t* stored = planes(pair, cycle % options_.history) + 2 * side * pair.words;
        row.push_back(literal(stored, stored + pair.words, pair.width));
      }
      rows.push_back(std::move(row));
    }
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) widths[column] = std::max(widths[column], row[column].size());
  }
  std::string table = fmt::format("the last {} cycles, oldest first:\n", count);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = "  ";
    for (std::size_t column = 0; column < rows[r].size(); ++column) {
      line += column == 0 ? fmt::format("{:<{}}", rows[r][column], widths[column])
                          : fmt::format("  {:>{}}", rows[r][column], widths[column]);
    }
    const bool candidate_row = r > 0 && r % 2 == 0;
    if (candidate_row && &pairs_[(r - 1) / 2] == &divergent) line += "  <- differs";
    table += line + "\n";
  }
  return table;
}

}  // namespace tetra
