#pragma once
// VcdReader: a strict VCD parser for tests and tools. It accepts what IEEE 1364 §18
// describes (plus GTKWave's string variables) and rejects anything malformed with the
// file, the line and the reason, so that a test reading back a trace checks the writer.

#include "sim/trace/vcd_timescale.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
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

/// One declared variable. Variables that share an identifier code share their changes.
struct VcdVariable {
  std::string path;  // scopes and name joined by '.', e.g. "top.fifo.count"
  std::string kind;  // as declared: "wire", "reg", "string", ...
  std::size_t width = 0;
  std::string id;    // identifier code
  std::size_t line = 0;
  std::vector<std::string> scopes;
  std::string name;
};

/// A parsed VCD file: scopes, variables and each variable's time-ordered changes.
class VcdReader {
 public:
  /// Parses text; `file` only names it in errors. Throws VcdParseError.
  static VcdReader parse(std::string_view text, std::string file = "<vcd>");
  /// Reads and parses a file; throws VcdParseError (std::system_error if it cannot be read).
  static VcdReader read(const std::filesystem::path& path);

  [[nodiscard]] const VcdTimescale& timescale() const { return timescale_; }
  [[nodiscard]] const std::vector<VcdVariable>& variables() const { return variables_; }
  /// Every "#<time>" line, in file order.
  [[nodiscard]] const std::vector<std::uint64_t>& timestamps() const { return timestamps_; }
  /// Paths of the scopes in declaration order, e.g. "top", "top.fifo".
  [[nodiscard]] const std::vector<std::string>& scopes() const { return scopes_; }

  /// The variable at a dotted path; throws std::out_of_range naming it if there is none.
  [[nodiscard]] const VcdVariable& variable(std::string_view path) const;
  [[nodiscard]] bool has_variable(std::string_view path) const;
  /// The changes of a variable in time order.
  [[nodiscard]] const std::vector<VcdChange>& changes(std::string_view path) const;
  /// The value a variable holds at `time` (its last change at or before it); throws
  /// std::out_of_range if it has none yet.
  [[nodiscard]] const std::string& value_at(std::string_view path, std::uint64_t time) const;

 private:
  friend class VcdParser;
  VcdTimescale timescale_;
  std::vector<VcdVariable> variables_;
  std::vector<std::uint64_t> timestamps_;
  std::vector<std::string> scopes_;
  std::unordered_map<std::string, std::size_t> variable_by_path_;
  std::unordered_map<std::string, std::size_t> signal_by_id_;
  std::vector<std::vector<VcdChange>> signal_changes_;
};

}  // namespace tetra
