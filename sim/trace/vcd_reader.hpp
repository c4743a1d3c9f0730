#pragma once
// VcdReader: a strict VCD parser for tests and tools. It accepts what IEEE 1364 §18
// describes (plus GTKWave's string variables) and rejects anything malformed with the
// file, the line and the reason, so that a test reading back a trace checks the writer.

#include "sim/trace/vcd_timescale.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tetra {

/// A malformed VCD: what() reads "<file>:<line>: <reason>".
class VcdParseError : public std::runtime_error {
 public:
  VcdParseError(std::string file, std::size_t line, const std::string& reason);
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

/// One value change: bits MSB first as '0', '1', 'x', 'z' (left-extended to the declared
/// width as IEEE 1364 prescribes), or the text of a string variable.
struct VcdChange {
  std::uint64_t time = 0;
  std::string value;
  bool in_dumpvars = false;  // written inside $dumpvars (or $dumpall ...), i.e. an initial value
  friend bool operator==(const VcdChange&, const VcdChange&) = default;
};

class VcdScopeTree;

/// One declared variable. Variables that share an identifier code share their changes.
/// Its scopes are a node of the reader's scope tree, so that a deep hierarchy costs
/// memory in proportion to the file, not to the sum of its path lengths.
class VcdVariable {
 public:
  std::string kind;  // as declared: "wire", "reg", "string", ...
  std::size_t width = 0;
  std::string id;    // identifier code
  std::size_t line = 0;
  std::string name;

  /// Scopes and name joined by '.', e.g. "top.fifo.count".
  [[nodiscard]] std::string path() const;
  /// The names of the enclosing scopes, outermost first, e.g. {"top", "fifo"}.
  [[nodiscard]] std::vector<std::string> scopes() const;

 private:
  friend class VcdParser;
  std::shared_ptr<const VcdScopeTree> tree_;
  std::size_t scope_ = 0;
};

/// The changes of one identifier code, as written: per change, the index of its
/// timestamp (and whether it lies in $dumpvars), and its digits packed two bits each
/// (or a string's bytes), without the left extension, which is applied when read.
struct VcdSignalHistory {
  std::vector<std::uint32_t> stamps;  // timestamp index << 1 | in_dumpvars
  std::string data;                   // packed digits (four to a byte) or string bytes
  std::vector<std::uint64_t> ends;    // end of each change in data (digits or bytes); not for scalars
};

/// A parsed VCD file: scopes, variables and each variable's time-ordered changes.
/// Memory stays within a small multiple of the file's size (docs/waveforms.md):
/// widths are capped at max_width, scopes form a tree, and changes are stored packed.
class VcdReader {
 public:
  /// The widest variable a VCD may declare (bits); wider ones are a VcdParseError.
  static constexpr std::uint64_t max_width = std::uint64_t{1} << 24;
  /// The most timestamps a VCD may hold (a file of at least 6 GB would be needed).
  static constexpr std::uint64_t max_timestamps = std::uint64_t{1} << 31;

  /// Parses text; `file` only names it in errors. Throws VcdParseError, also when memory
  /// runs out.
  static VcdReader parse(std::string_view text, std::string file = "<vcd>");
  /// Reads and parses a file; throws VcdParseError (std::system_error if it cannot be
  /// opened, std::invalid_argument if it is not a regular file: a directory, a FIFO, a device).
  static VcdReader read(const std::filesystem::path& path);

  [[nodiscard]] const VcdTimescale& timescale() const { return timescale_; }
  [[nodiscard]] const std::vector<VcdVariable>& variables() const { return variables_; }
  /// Every "#<time>" line, in file order.
  [[nodiscard]] const std::vector<std::uint64_t>& timestamps() const { return timestamps_; }
  /// Paths of the scopes in declaration order, e.g. "top", "top.fifo". Joined on the first
  /// call and kept, so that callers may take begin() and end() of separate calls; the
  /// first call is not safe to race with another.
  [[nodiscard]] const std::vector<std::string>& scopes() const;

  /// The variable at a dotted path; throws std::out_of_range naming it if there is none.
  [[nodiscard]] const VcdVariable& variable(std::string_view path) const;
  [[nodiscard]] bool has_variable(std::string_view path) const;
  /// The changes of a variable in time order, each value at the declared width.
  [[nodiscard]] std::vector<VcdChange> changes(std::string_view path) const;
  /// The value a variable holds at `time` (its last change at or before it); throws
  /// std::out_of_range if it has none yet.
  [[nodiscard]] std::string value_at(std::string_view path, std::uint64_t time) const;

 private:
  friend class VcdParser;
  [[nodiscard]] const VcdSignalHistory& history(const VcdVariable& var) const;
  [[nodiscard]] VcdChange change(const VcdVariable& var, const VcdSignalHistory& history, std::size_t index) const;

  VcdTimescale timescale_;
  std::vector<VcdVariable> variables_;
  std::vector<std::uint64_t> timestamps_;
  std::shared_ptr<VcdScopeTree> tree_;
  std::vector<std::size_t> scope_declarations_;  // tree node of each $scope, in file order
  mutable std::vector<std::string> scope_paths_;  // scopes(), joined when first asked for
  std::unordered_map<std::string, std::size_t> signal_by_id_;
  std::vector<VcdSignalHistory> signals_;
};

}  // namespace tetra
