#include "sim/trace/tracer.hpp"

#include "sim/trace/fst_writer.hpp"
#include "sim/trace/path_glob.hpp"
#include "sim/trace/vcd_writer.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <stdexcept>

namespace tetra {

namespace {

// Signals that sit directly in the simulation root need a scope: VCD has no variables
// outside one. Verilator's name for it is familiar to GTKWave users.
constexpr std::string_view root_scope_name = "TOP";

bool is_signal(const Object& object) { return object.kind() == ObjectKind::signal || object.kind() == ObjectKind::wire; }

// Visits the signals under `root` depth first, children in construction order, calling
// enter(scope) and leave() around each scope below the root. It keeps its own stack, so
// that any depth is walked, and each object is visited once.
template <class Enter, class Visit, class Leave>
void walk_signals(const Scope& root, Enter&& enter, Visit&& visit, Leave&& leave) {
  struct Frame {
    ChildRange::iterator next;
    ChildRange::iterator end;
  };
  std::vector<Frame> stack{{root.children().begin(), root.children().end()}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.end) {
      stack.pop_back();
      if (!stack.empty()) leave();
      continue;
    }
    const Object* child = *frame.next;
    ++frame.next;
    if (is_signal(*child)) {
      if (const auto* signal = dynamic_cast<const SignalBase*>(child)) visit(*signal);
    } else if (const auto* inner = dynamic_cast<const Scope*>(child)) {
      enter(*inner);
      stack.push_back({inner->children().begin(), inner->children().end()});
    }
  }
}

// Copies to.size() words of `from`'s bits from `lsb` up; the writer ignores the bits
// above the field's width.
void copy_bits(std::span<const std::uint64_t> from, std::size_t lsb, std::span<std::uint64_t> to) {
  for (std::size_t w = 0; w < to.size(); ++w) {
    const std::size_t word = lsb / 64 + w;
    const std::size_t shift = lsb % 64;
    std::uint64_t bits = from[word] >> shift;
    if (shift != 0 && word + 1 < from.size()) bits |= from[word + 1] << (64 - shift);
    to[w] = bits;
  }
}

// The call that made a tracer, as its errors name it: "trace_vcd('run.vcd')".
std::string caller_of(WaveFormat format, const std::filesystem::path& path) {
  return fmt::format("trace_{}('{}')", format == WaveFormat::fst ? "fst" : "vcd", path.string());
}

}  // namespace

VcdTimescale vcd_timescale_of(Duration resolution) {
  constexpr std::array<std::int64_t, 6> femtoseconds_per_unit{1'000'000'000'000'000, 1'000'000'000'000,
                                                               1'000'000'000, 1'000'000, 1'000, 1};
  const Femtoseconds fs = resolution.in_femtoseconds();
  for (std::size_t unit = 0; unit < femtoseconds_per_unit.size() && fs > 0; ++unit) {
    if (fs % femtoseconds_per_unit[unit] != 0) continue;
    const Femtoseconds magnitude = fs / femtoseconds_per_unit[unit];
    if (magnitude == 1 || magnitude == 10 || magnitude == 100) {
      return VcdTimescale::of(static_cast<unsigned>(magnitude), static_cast<VcdTimeUnit>(unit));
    }
  }
  throw std::invalid_argument(fmt::format(
      "a resolution of {} has no VCD timescale: VCD needs 1, 10 or 100 of s, ms, us, ns, ps or fs", resolution));
}

std::unique_ptr<WaveWriter> make_wave_writer(WaveFormat format, const std::filesystem::path& path,
                                             VcdTimescale timescale) {
  if (format == WaveFormat::fst) return std::make_unique<FstWriter>(path, timescale);
  return std::make_unique<VcdWriter>(path, timescale);
}

std::vector<const SignalBase*> Tracer::select(const Simulation& simulation, std::string_view caller,
                                              const std::vector<std::string>& globs) {
  std::vector<bool> glob_used(globs.size(), false);
  std::vector<const SignalBase*> selected;
  const std::vector<PathGlob> patterns(globs.begin(), globs.end());
  // Per scope being walked, the state of each pattern after "<scope's path>." (nothing at the root).
  std::vector<std::vector<PathGlob::State>> scope_states(1);
  for (const PathGlob& pattern : patterns) scope_states.back().push_back(pattern.start());
  walk_signals(
      simulation,
      [&](const Scope& scope) {
        std::vector<PathGlob::State> states;
        states.reserve(patterns.size());
        for (std::size_t i = 0; i < patterns.size(); ++i) {
          states.push_back(patterns[i].advance(patterns[i].advance(scope_states.back()[i], scope.name()), "."));
        }
        scope_states.push_back(std::move(states));
      },
      [&](const SignalBase& signal) {
        bool chosen = globs.empty();
        for (std::size_t i = 0; i < patterns.size(); ++i) {
          if (patterns[i].matches(patterns[i].advance(scope_states.back()[i], signal.name()))) {
            glob_used[i] = true;
            chosen = true;
          }
        }
        if (chosen) selected.push_back(&signal);
      },
      [&] { scope_states.pop_back(); });
  for (std::size_t i = 0; i < globs.size(); ++i) {
    if (!glob_used[i]) {
      throw std::invalid_argument(fmt::format("{}: no signal matches '{}'", caller, globs[i]));
    }
  }
  if (selected.empty()) {
    throw std::invalid_argument(fmt::format("{}: the design has no signals", caller));
  }
  return selected;
}

Tracer::Tracer(Simulation& simulation, WaveFormat format, const std::filesystem::path& path,
               const std::vector<std::string>& globs)
    : simulation_(simulation),
      selected_(select(simulation, caller_of(format, path), globs)),
      writer_(make_wave_writer(format, path, vcd_timescale_of(simulation.resolution()))),
      start_time_(simulation.now_ticks()),
      traced_index_(selected_.size()) {
  // The same walk as select()'s meets the selected signals in the same order. A scope is
  // opened when the first selected signal under it is met, and stays open while the walk
  // is inside it; signals directly in the root go into a scope of their own (the root
  // stands for it in `open`).
  const std::string caller = caller_of(format, path);
  std::vector<const Scope*> walked;  // the scopes the walk is in, below the root
  std::vector<const Scope*> open;    // the scopes open in the file
  std::size_t open_and_walked = 0;   // how many leading scopes the two have in common
  std::size_t next = 0;
  walk_signals(
      simulation, [&](const Scope& scope) { walked.push_back(&scope); },
      [&](const SignalBase& signal) {
        if (next == selected_.size() || selected_[next] != &signal) return;
        ++next;
        const bool in_root = walked.empty();
        const std::size_t shared = in_root ? static_cast<std::size_t>(!open.empty() && open.front() == &simulation)
                                           : open_and_walked;
        for (; open.size() > shared; open.pop_back()) writer_->close_scope();
        if (in_root && open.empty()) {
          writer_->open_scope(root_scope_name);
          open.push_back(&simulation);
        }
        for (; !in_root && open.size() < walked.size(); open.push_back(walked[open.size()])) {
          writer_->open_scope(walked[open.size()]->name());
        }
        open_and_walked = in_root ? 0 : walked.size();
        declare(signal, caller);
      },
      [&] {
        walked.pop_back();
        open_and_walked = std::min(open_and_walked, walked.size());
      });
  for (; !open.empty(); open.pop_back()) writer_->close_scope();
  selected_.clear();
  selected_.shrink_to_fit();

  std::size_t widest = 1;
  for (const TracedSignal& traced : traced_) widest = std::max(widest, traced.signal->width());
  aval_.resize((widest + 63) / 64);
  bval_.resize((widest + 63) / 64);
  field_aval_.resize((widest + 63) / 64);
  field_bval_.resize((widest + 63) / 64);
  for (const TracedSignal& traced : traced_) sample(traced);
}

void Tracer::declare(const SignalBase& signal, std::string_view caller) {
  const WaveVarKind kind = signal.kind() == ObjectKind::wire ? WaveVarKind::wire : WaveVarKind::reg;
  TracedSignal traced{&signal, (signal.width() + 63) / 64, {}, value_namer_of(signal), {},
                      static_cast<std::uint32_t>(fields_.size()), 0};
  if (const std::span<const PackedField> fields = signal.packed_fields(); fields.empty()) {
    traced.bits = writer_->add_var(signal.name(), signal.width(), kind);
  } else {
    writer_->open_scope(signal.name());
    declare_fields(fields, 0, kind);
    writer_->close_scope();
    traced.field_count = static_cast<std::uint32_t>(fields_.size()) - traced.first_field;
  }
  if (traced.namer != nullptr) {
    const std::string name_var = signal.name() + "_name";
    if (const Object* clash = signal.parent()->find(name_var)) {
      throw std::invalid_argument(fmt::format("{}: cannot trace the names of '{}' as '{}': {} exists", caller,
                                              signal.path(), name_var, clash->path()));
    }
    traced.name = writer_->add_var(name_var, 1, WaveVarKind::string);
  }
  traced_index_.insert(&signal, static_cast<std::uint32_t>(traced_.size()));
  traced_.push_back(traced);
}

std::vector<std::string> Tracer::traced_paths() const {
  std::vector<std::string> paths;
  paths.reserve(traced_.size());
  for (const TracedSignal& traced : traced_) paths.push_back(traced.signal->path());
  return paths;
}

void Tracer::declare_fields(std::span<const PackedField> fields, std::size_t lsb, WaveVarKind kind) {
  for (const PackedField& field : fields) {
    if (field.fields.empty()) {
      fields_.push_back(TracedField{writer_->add_var(field.name, field.width, kind), lsb + field.lsb, field.width});
    } else {
      writer_->open_scope(field.name);
      declare_fields(field.fields, lsb + field.lsb, kind);
      writer_->close_scope();
    }
  }
}

void Tracer::sample(const TracedSignal& traced) {
  const std::span<std::uint64_t> aval(aval_.data(), traced.words);
  const std::span<std::uint64_t> bval(bval_.data(), traced.words);
  traced.signal->read_planes(aval, bval);
  if (traced.field_count == 0) {
    writer_->change(traced.bits, aval, bval);
  } else {
    for (std::uint32_t i = traced.first_field; i < traced.first_field + traced.field_count; ++i) {
      const TracedField& field = fields_[i];
      const std::size_t words = (field.width + 63) / 64;
      const std::span<std::uint64_t> field_aval(field_aval_.data(), words);
      const std::span<std::uint64_t> field_bval(field_bval_.data(), words);
      copy_bits(aval, field.lsb, field_aval);
      copy_bits(bval, field.lsb, field_bval);
      writer_->change(field.var, field_aval, field_bval);
    }
  }
  if (traced.namer == nullptr) return;
  if (const std::optional<std::string_view> name = traced.namer(*traced.signal)) {
    writer_->change_string(traced.name, *name);
    return;
  }
  unnamed_bits_.clear();
  for (std::size_t bit = traced.signal->width(); bit-- > 0;) {
    unnamed_bits_ += Logic::from_planes(aval[bit / 64] >> (bit % 64), bval[bit / 64] >> (bit % 64)).to_char();
  }
  writer_->change_string(traced.name, unnamed_bits_);
}

void Tracer::start_dump() {
  writer_->end_definitions(start_time_);
  dumping_ = true;
}

void Tracer::record(Ticks time, std::span<SignalBase* const> changed) {
  // The first settled slot at the start time becomes the $dumpvars block itself.
  if (!dumping_ && time > start_time_) start_dump();
  if (dumping_) writer_->advance_to(time);
  for (const SignalBase* signal : changed) {
    const std::uint32_t index = traced_index_.find(signal);
    if (index != PointerIndex::absent) sample(traced_[index]);
  }
  if (!dumping_) start_dump();
}

void Tracer::flush() {
  if (dumping_ && writer_->is_open()) writer_->flush();
}

void Tracer::finish(bool failed) {
  // Only the writer's own state is used here: the end hook may run from the
  // Simulation's destructor, after the design's signals are gone.
  try {
    if (!dumping_) start_dump();
    writer_->close(simulation_.now_ticks());
  } catch (...) {
    if (!failed) throw;  // on a failed run, the error that stopped it is the one to report
  }
}

Tracer& trace_waves(Simulation& simulation, WaveFormat format, const std::filesystem::path& path,
                    std::vector<std::string> globs) {
  auto tracer = std::make_shared<Tracer>(simulation, format, path, globs);
  simulation.add_step_observer(
      [tracer](Ticks time, std::span<SignalBase* const> changed) { tracer->record(time, changed); });
  simulation.add_end_hook([tracer](bool failed) { tracer->finish(failed); });
  return *tracer;
}

}  // namespace tetra
