#pragma once
// The binding of the waveform writers to the kernel: trace_vcd() and trace_fst() select
// signals of a simulation by glob on their hierarchical paths, declare them in scopes
// mirroring the module hierarchy, and record what changed at the end of every time slot.
// The file is completed and closed when the simulation ends, also when it ends by an
// exception. One Tracer serves both formats; only the WaveWriter behind it differs.

#include "sim/kernel/simulation.hpp"
#include "sim/trace/pointer_index.hpp"
#include "sim/trace/value_names.hpp"
#include "sim/trace/wave_writer.hpp"

#include <concepts>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tetra {

/// The file formats a Tracer writes.
enum class WaveFormat : std::uint8_t { vcd, fst };

/// A writer of `format` for `path`.
std::unique_ptr<WaveWriter> make_wave_writer(WaveFormat format, const std::filesystem::path& path,
                                             VcdTimescale timescale);

/// Records selected signals of one simulation into a waveform file. Made by trace_vcd() or trace_fst(); the
/// simulation owns it (through its step observer and end hook). A signal whose value
/// type has names (see value_names.hpp) gets a string variable "<signal>_name" beside its
/// bits, holding the name, or the bits themselves when they name nothing. A signal whose
/// value is a packed struct is a scope named after it, with one variable per field
/// (nested structs nest their scopes).
class Tracer {
 public:
  /// Use trace_vcd() or trace_fst(); this is public only so that it can be made shared.
  Tracer(Simulation& simulation, WaveFormat format, const std::filesystem::path& path,
         const std::vector<std::string>& globs);
  Tracer(const Tracer&) = delete;
  Tracer& operator=(const Tracer&) = delete;

  /// Hierarchical paths of the traced signals, in declaration order, spelled out on each
  /// call (while the design exists).
  [[nodiscard]] std::vector<std::string> traced_paths() const;
  /// The file being written.
  [[nodiscard]] const std::filesystem::path& path() const { return writer_->path(); }
  /// Hands what is buffered to the OS, e.g. to look at the file between run(duration) calls.
  void flush();

  /// Step observer: records the signals that changed in the time slot that settled at `time`.
  void record(Ticks time, std::span<SignalBase* const> changed);
  /// End hook: completes and closes the file at the simulation's current time.
  void finish(bool failed);

 private:
  struct TracedSignal {
    const SignalBase* signal;
    std::size_t words;  // per plane
    WaveVarId bits;     // unless the value is a packed struct
    ValueNamer namer;  // nullptr unless the value type has names
    WaveVarId name;     // the string variable "<signal>_name", when namer is set
    std::uint32_t first_field;  // a packed struct's fields: fields_[first_field, + field_count)
    std::uint32_t field_count;
  };
  // One variable per field of a packed struct, innermost fields of nested structs.
  struct TracedField {
    WaveVarId var;
    std::size_t lsb;  // in the signal's bits
    std::size_t width;
  };

  static std::vector<const SignalBase*> select(const Simulation& simulation, std::string_view caller,
                                               const std::vector<std::string>& globs);
  void declare(const SignalBase& signal, std::string_view caller);
  void declare_fields(std::span<const PackedField> fields, std::size_t lsb, WaveVarKind kind);
  void sample(const TracedSignal& traced);
  void start_dump();

  Simulation& simulation_;
  std::vector<const SignalBase*> selected_;  // chosen before the file is created
  std::unique_ptr<WaveWriter> writer_;
  Ticks start_time_;
  bool dumping_ = false;
  PointerIndex traced_index_;  // signal -> position in traced_
  std::vector<TracedSignal> traced_;
  std::vector<TracedField> fields_;
  std::vector<std::uint64_t> aval_;  // scratch planes, sized for the widest signal
  std::vector<std::uint64_t> bval_;
  std::vector<std::uint64_t> field_aval_;  // scratch planes of one field
  std::vector<std::uint64_t> field_bval_;
  std::string unnamed_bits_;  // scratch text for values that name nothing
};

/// The VCD (and FST) $timescale equal to a simulation resolution; throws
/// std::invalid_argument if the resolution is not 1, 10 or 100 of a unit from fs to s.
VcdTimescale vcd_timescale_of(Duration resolution);

/// Traces the signals of `simulation` whose paths match any of `globs` (every signal when
/// none is given) into the waveform file `path`, from now until the simulation ends. Call
/// it after building the design. A glob that matches no signal is an error (a typo, surely).
Tracer& trace_waves(Simulation& simulation, WaveFormat format, const std::filesystem::path& path,
                    std::vector<std::string> globs = {});

/// trace_waves() into a VCD file.
inline Tracer& trace_vcd(Simulation& simulation, const std::filesystem::path& path, std::vector<std::string> globs = {}) {
  return trace_waves(simulation, WaveFormat::vcd, path, std::move(globs));
}

/// trace_waves() into an FST file (GTKWave's compressed format).
inline Tracer& trace_fst(Simulation& simulation, const std::filesystem::path& path, std::vector<std::string> globs = {}) {
  return trace_waves(simulation, WaveFormat::fst, path, std::move(globs));
}

/// trace_vcd() with globs as separate arguments: trace_vcd(sim, "run.vcd", "top.fifo.*", "*.count").
template <class... Globs>
  requires(sizeof...(Globs) > 0 && (std::convertible_to<const Globs&, std::string_view> && ...))
Tracer& trace_vcd(Simulation& simulation, const std::filesystem::path& path, const Globs&... globs) {
  return trace_vcd(simulation, path, std::vector<std::string>{std::string(std::string_view(globs))...});
}

/// trace_fst() with globs as separate arguments: trace_fst(sim, "run.fst", "top.fifo.*", "*.count").
template <class... Globs>
  requires(sizeof...(Globs) > 0 && (std::convertible_to<const Globs&, std::string_view> && ...))
Tracer& trace_fst(Simulation& simulation, const std::filesystem::path& path, const Globs&... globs) {
  return trace_fst(simulation, path, std::vector<std::string>{std::string(std::string_view(globs))...});
}

}  // namespace tetra
