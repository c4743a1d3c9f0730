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

// The scopes from the top down to the signal's parent, without the simulation root.
std::vector<std::string_view> scope_chain(const SignalBase& signal) {
  std::vector<std::string_view> chain;
  for (const Scope* scope = signal.parent(); scope != nullptr && scope->parent() != nullptr; scope = scope->parent()) {
    chain.push_back(scope->name());
  }
  if (chain.empty()) chain.push_back(root_scope_name);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void collect(const Scope& scope, const std::vector<std::string>& globs, std::vector<bool>& glob_used,
             std::vector<const SignalBase*>& selected) {
  for (const Object* child : scope.children()) {
    if (is_signal(*child)) {
      const auto* signal = dynamic_cast<const SignalBase*>(child);
      if (signal == nullptr) continue;
      const std::string path = signal->path();
      bool chosen = globs.empty();
      for (std::size_t i = 0; i < globs.size(); ++i) {
        if (path_glob_match(globs[i], path)) {
          glob_used[i] = true;
          chosen = true;
        }
      }
      if (chosen) selected.push_back(signal);
    } else if (const auto* inner = dynamic_cast<const Scope*>(child)) {
      collect(*inner, globs, glob_used, selected);
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
  collect(simulation, globs, glob_used, selected);
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
  // Depth-first order keeps each scope's signals together, so every scope opens once.
  std::vector<std::string_view> open;
  std::size_t widest = 1;
  for (const SignalBase* signal : selected_) {
    const std::vector<std::string_view> chain = scope_chain(*signal);
    std::size_t shared = 0;
    while (shared < open.size() && shared < chain.size() && open[shared] == chain[shared]) ++shared;
    for (; open.size() > shared; open.pop_back()) writer_->close_scope();
    for (; open.size() < chain.size(); open.push_back(chain[open.size()])) writer_->open_scope(chain[open.size()]);

    const WaveVarKind kind = signal->kind() == ObjectKind::wire ? WaveVarKind::wire : WaveVarKind::reg;
    TracedSignal traced{signal, (signal->width() + 63) / 64, {}, value_namer_of(*signal), {},
                        static_cast<std::uint32_t>(fields_.size()), 0};
    if (const std::span<const PackedField> fields = signal->packed_fields(); fields.empty()) {
      traced.bits = writer_->add_var(signal->name(), signal->width(), kind);
    } else {
      writer_->open_scope(signal->name());
      declare_fields(fields, 0, kind);
      writer_->close_scope();
      traced.field_count = static_cast<std::uint32_t>(fields_.size()) - traced.first_field;
    }
    if (traced.namer != nullptr) {
      const std::string name_var = signal->name() + "_name";
      if (signal->parent()->find(name_var) != nullptr) {
        throw std::invalid_argument(fmt::format("{}: cannot trace the names of '{}' as '{}': {} exists",
                                                caller_of(format, path), signal->path(), name_var, signal->parent()->find(name_var)->path()));
      }
      traced.name = writer_->add_var(name_var, 1, WaveVarKind::string);
    }
    traced_index_.insert(signal, static_cast<std::uint32_t>(traced_.size()));
    traced_.push_back(traced);
    traced_paths_.push_back(signal->path());
    widest = std::max(widest, signal->width());
  }
  for (; !open.empty(); open.pop_back()) writer_->close_scope();
  selected_.clear();
  selected_.shrink_to_fit();

  aval_.resize((widest + 63) / 64);
  bval_.resize((widest + 63) / 64);
  field_aval_.resize((widest + 63) / 64);
  field_bval_.resize((widest + 63) / 64);
  for (const TracedSignal& traced : traced_) sample(traced);
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
