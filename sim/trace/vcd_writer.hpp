#pragma once
// VcdWriter: the tracing engine. It knows nothing of the kernel: it declares nested
// scopes and variables, writes the header and a $dumpvars block of initial values, then
// writes only the values that changed, under a "#<time>" line only when something did.
// The kernel binding (sim/trace/tracer.hpp) feeds it; tests can drive it directly.

#include "sim/trace/vcd_timescale.hpp"
#include "sim/values/logic.hpp"
#include "sim/values/vec.hpp"

#include <array>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tetra {

/// How a variable is declared, which decides how its values are written:
/// wire and reg carry four-state bits, string carries text (an enum's name, as GTKWave shows it).
enum class VcdVarKind : std::uint8_t { wire, reg, string };

/// Handle of a variable declared on one VcdWriter.
struct VcdVarId {
  std::uint32_t index = 0;
};

/// The VCD identifier code of the index-th variable: base-94 over printable ASCII
/// ('!' to '~'), shortest codes first ("!", ..., "~", "!!", "\"!", ...).
std::string vcd_identifier(std::size_t index);

/// Writes one VCD file. Lifecycle: open_scope/add_var/close_scope, optionally set the
/// initial values with change(), end_definitions(), then advance_to() and change() per
/// time step, and close(). The destructor closes too, so a run that ends by an
/// exception still leaves a complete file.
class VcdWriter {
 public:
  /// Creates (truncates) `path`; throws std::system_error naming the path if it cannot.
  VcdWriter(const std::filesystem::path& path, VcdTimescale timescale);
  VcdWriter(const VcdWriter&) = delete;
  VcdWriter& operator=(const VcdWriter&) = delete;
  /// Closes the file as close() does, but swallows I/O errors: destructors must not throw.
  ~VcdWriter();

  /// Opens a nested $scope module; declarations go into the innermost open scope.
  void open_scope(std::string_view name);
  /// Closes the innermost open scope; throws std::logic_error if none is open.
  void close_scope();
  /// Declares a variable in the innermost scope, initially all-X (strings: "x").
  /// Strings take width 1; throws std::invalid_argument on an empty or blank name, width 0
  /// or a path already declared.
  VcdVarId add_var(std::string_view name, std::size_t width, VcdVarKind kind);

  /// Writes the header, "#<time>" and the $dumpvars block with every variable's current value.
  void end_definitions(std::uint64_t time = 0);
  /// Moves to a later time; its "#<time>" line is written only if a value then changes.
  void advance_to(std::uint64_t time);

  /// Sets a four-state value from VPI-style planes (aval, bval per 64-bit word; 0=(0,0),
  /// 1=(1,0), Z=(0,1), X=(1,1)); written only if it differs from the last one written.
  void change(VcdVarId var, std::span<const std::uint64_t> aval, std::span<const std::uint64_t> bval);
  /// Sets a vector variable declared N bits wide.
  template <std::size_t N>
  void change(VcdVarId var, const Vec<N>& value) {
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
  void change(VcdVarId var, Logic value);
  /// Sets a string variable; the text must be printable ASCII without spaces.
  void change_string(VcdVarId var, std::string_view text);

  /// Hands everything buffered so far to the operating system.
  void flush();
  /// Ends the definitions if that has not happened, flushes and closes; idempotent.
  void close();
  /// As close(), after writing "#<end_time>" so that viewers show the last values' duration.
  void close(std::uint64_t end_time);

  [[nodiscard]] bool is_open() const { return file_ != nullptr; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// The full dotted path of a declared variable ("top.fifo.count"), for messages.
  [[nodiscard]] const std::string& variable_path(VcdVarId var) const;

 private:
  struct Variable {
    std::string path;
    std::uint32_t width;
    VcdVarKind kind;
    std::uint32_t value_slot;  // offset into planes_ (bits) or index into strings_ (text)
    std::uint8_t id_length;
    char id[7];
  };
  enum class Phase : std::uint8_t { declaring, dumping, closed };

  const Variable& variable(VcdVarId var) const {
    if (var.index >= vars_.size()) [[unlikely]] throw_undeclared(var);
    return vars_[var.index];
  }
  [[noreturn]] void throw_undeclared(VcdVarId var) const;
  void check_bit_width(VcdVarId var, std::size_t width) const;
  static std::string describe(const Variable& var);
  void require_phase(Phase phase, std::string_view action) const;
  void write_header();
  void write_value(const Variable& var);
  void write_pending_time();
  char* reserve(std::size_t bytes);
  void write_text(std::string_view text);
  void write_buffer_to_file();

  std::filesystem::path path_;
  VcdTimescale timescale_;
  std::FILE* file_ = nullptr;
  Phase phase_ = Phase::declaring;

  std::vector<Variable> vars_;
  std::vector<std::uint64_t> planes_;  // per bit variable: aval words, then bval words
  std::vector<std::string> strings_;
  std::string declarations_;  // $scope/$var lines, written out at end_definitions
  std::unordered_set<std::string> declared_paths_;  // to refuse a second variable of one path
  std::vector<std::string> scope_stack_;

  std::uint64_t time_ = 0;
  bool time_pending_ = false;  // time_ moved on but its "#" line is not written yet

  std::vector<char> buffer_;
  std::size_t buffered_ = 0;
};

}  // namespace tetra
