#pragma once
// WaveWriter: what every waveform file format shares. It declares nested scopes and
// variables, keeps each variable's last value, and hands a format only what changed,
// under a time only when something changed at it. VcdWriter and FstWriter put the
// result into their files; the kernel binding (sim/trace/tracer.hpp) feeds either.

#include "sim/trace/vcd_timescale.hpp"
#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tetra {

/// How a variable is declared, which decides how its values are written:
/// wire and reg carry four-state bits, string carries text (an enum's name, as GTKWave shows it).
enum class WaveVarKind : std::uint8_t { wire, reg, string };

/// Handle of a variable declared on one WaveWriter.
struct WaveVarId {
  std::uint32_t index = 0;
};

/// Writes one waveform file. Lifecycle: open_scope/add_var/close_scope, optionally set
/// the initial values with change(), end_definitions(), then advance_to() and change() per
/// time step, and close(). The formats' destructors close too, so a run that ends by an
/// exception still leaves a complete file. Misuse throws, naming the format and the file.
class WaveWriter {
 public:
  WaveWriter(const WaveWriter&) = delete;
  WaveWriter& operator=(const WaveWriter&) = delete;
  virtual ~WaveWriter() = default;

  /// Opens a nested module scope; declarations go into the innermost open scope.
  void open_scope(std::string_view name);
  /// Closes the innermost open scope; throws std::logic_error if none is open.
  void close_scope();
  /// Declares a variable in the innermost scope, initially all-X (strings: "x").
  /// Strings take width 1; throws std::invalid_argument on an empty or blank name, width 0
  /// or a path already declared.
  WaveVarId add_var(std::string_view name, std::size_t width, WaveVarKind kind);

  /// Ends the declarations and writes every variable's current value at `time`.
  void end_definitions(std::uint64_t time = 0);
  /// Moves to a later time; it is written only if a value then changes.
  void advance_to(std::uint64_t time);

  /// Sets a four-state value from VPI-style planes (aval, bval per 64-bit word; 0=(0,0),
  /// 1=(1,0), Z=(0,1), X=(1,1)); written only if it differs from the last one written.
  void change(WaveVarId var, std::span<const std::uint64_t> aval, std::span<const std::uint64_t> bval);
  /// Sets a vector variable declared N bits wide.
  template <std::size_t N>
  void change(WaveVarId var, const Vec<N>& value) {
    check_bit_width(var, N);
    std::array<std::uint64_t, Vec<N>::words> aval;
    std::array<std::uint64_t, Vec<N>::words> bval;
    for (std::size_t i = 0; i < Vec<N>::words; ++i) {
      aval[i] = value.aval(i);
      bval[i] = value.bval(i);
    }
    change(var, aval, bval);
  }
  /// Sets a one-bit variable.
  void change(WaveVarId var, Logic value);
  /// Sets a string variable; the text must be printable ASCII without spaces.
  void change_string(WaveVarId var, std::string_view text);

  /// Hands everything buffered so far to the operating system.
  void flush();
  /// Ends the definitions if that has not happened, flushes and closes; idempotent.
  void close();
  /// As close(), after moving to `end_time` so that viewers show the last values' duration.
  void close(std::uint64_t end_time);

  [[nodiscard]] bool is_open() const { return phase_ != Phase::closed; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// "VCD" or "FST", as messages name the format.
  [[nodiscard]] std::string_view format() const { return format_; }
  /// The full dotted path of a declared variable ("top.fifo.count"), for messages.
  [[nodiscard]] std::string variable_path(WaveVarId var) const;

 protected:
  struct Variable {
    std::string name;
    std::uint32_t scope;  // index into scopes_
    std::uint32_t width;
    WaveVarKind kind;
    std::uint32_t value_slot;  // offset into planes_ (bits) or index into strings_ (text)
  };

  WaveWriter(const std::filesystem::path& path, std::string_view format, VcdTimescale timescale);
  /// For the formats' destructors: close() without throwing.
  void close_quietly() noexcept;

  [[nodiscard]] const VcdTimescale& timescale() const { return timescale_; }
  [[nodiscard]] std::size_t variable_count() const { return vars_.size(); }

  // What a format writes, called in file order. Values arrive as the planes or text stored
  // for the variable; `index` is the variable's WaveVarId::index.
  virtual void write_scope(std::string_view name) = 0;
  virtual void write_upscope() = 0;
  virtual void write_declaration(std::uint32_t index, const Variable& var, std::string_view name) = 0;
  /// The declarations are complete; the initial values at `time` follow, then write_dump_end().
  virtual void write_dump_start(std::uint64_t time) = 0;
  virtual void write_dump_end() = 0;
  virtual void write_time(std::uint64_t time) = 0;
  virtual void write_bits(std::uint32_t index, const Variable& var, const std::uint64_t* aval,
                          const std::uint64_t* bval) = 0;
  virtual void write_text(std::uint32_t index, std::string_view text) = 0;
  virtual void write_flush() = 0;
  /// Releases the file; called once, also after a failed write.
  virtual void write_close() = 0;

 private:
  enum class Phase : std::uint8_t { declaring, dumping, closed };

  const Variable& variable(WaveVarId var) const {
    if (var.index >= vars_.size()) [[unlikely]] throw_undeclared(var);
    return vars_[var.index];
  }
  [[noreturn]] void throw_undeclared(WaveVarId var) const;
  void check_bit_width(WaveVarId var, std::size_t width) const;
  void check_name(std::string_view name, std::string_view what) const;
  std::string describe(const Variable& var) const;
  std::string path_of(const Variable& var) const;
  void require_phase(Phase phase, std::string_view action) const;
  void write_value(std::uint32_t index);
  void write_pending_time();

  std::filesystem::path path_;
  std::string_view format_;
  VcdTimescale timescale_;
  Phase phase_ = Phase::declaring;

  // A name within a scope: paths are kept as these links, never spelled out whole, so that
  // a deep hierarchy costs memory and time in proportion to its size, not its depth squared.
  struct NameInScope {
    std::uint32_t scope;
    std::string name;
    bool operator==(const NameInScope&) const = default;
  };
  struct NameInScopeHash {
    std::size_t operator()(const NameInScope& key) const;
  };
  static constexpr std::uint32_t no_scope = UINT32_MAX;

  std::vector<NameInScope> scopes_;  // each scope once, however often it is opened; .scope is its parent
  std::vector<std::uint32_t> scope_stack_;
  std::vector<Variable> vars_;
  std::vector<std::uint64_t> planes_;  // per bit variable: aval words, then bval words
  std::vector<std::string> strings_;
  // While declaring: a scope opened again is the same scope, and a second variable of one
  // path is refused.
  std::unordered_map<NameInScope, std::uint32_t, NameInScopeHash> scope_index_;
  std::unordered_set<NameInScope, NameInScopeHash> declared_;

  std::uint64_t time_ = 0;
  bool time_pending_ = false;  // time_ moved on but is not written yet
};

}  // namespace tetra
