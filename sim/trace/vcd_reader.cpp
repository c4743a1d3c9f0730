#include "sim/trace/vcd_reader.hpp"

#include "text/quoted_excerpt.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <new>
#include <optional>
#include <sstream>
#include <system_error>

namespace tetra {

namespace {

constexpr std::array<std::string_view, 10> scope_kinds{
    "module", "task", "function", "begin", "fork", "interface", "package", "program", "struct", "union"};

constexpr std::array<std::string_view, 26> variable_kinds{
    "event",   "integer", "parameter", "real",     "realtime", "reg",   "supply0", "supply1", "time",
    "tri",     "triand",  "trior",     "trireg",   "tri0",     "tri1",  "wand",    "wire",    "wor",
    "string",  "logic",   "bit",       "int",      "shortint", "longint", "byte",  "enum"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct Token {
  std::string_view text;
  std::size_t line = 0;
};

// Digits as stored: two bits each, in the order of digit_codes.
constexpr std::string_view digit_codes = "01xz";

std::uint8_t digit_code(char digit) { return static_cast<std::uint8_t>(digit_codes.find(digit)); }

}  // namespace

// Scopes as a tree: each node holds its own name only, and finds its children and
// variables by name.
class VcdScopeTree {
 public:
  static constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

  std::size_t child(std::size_t parent, std::string_view name) {
    auto& siblings = parent == no_parent ? roots_ : nodes_[parent].children;
    const auto [found, is_new] = siblings.try_emplace(std::string(name), nodes_.size());
    if (is_new) nodes_.push_back(Node{std::string(name), parent, {}, {}});
    return found->second;
  }

  // Adds a variable to a scope; returns the index of a variable already declared there
  // under the same name instead.
  std::optional<std::size_t> add_variable(std::size_t scope, std::string_view name, std::size_t variable) {
    const auto [found, is_new] = nodes_[scope].variables.try_emplace(std::string(name), variable);
    if (is_new) return std::nullopt;
    return found->second;
  }

  [[nodiscard]] std::vector<std::string> names(std::size_t node) const {
    std::vector<std::string> names;
    for (; node != no_parent; node = nodes_[node].parent) names.push_back(nodes_[node].name);
    std::reverse(names.begin(), names.end());
    return names;
  }

  [[nodiscard]] std::string path(std::size_t node) const {
    std::string path;
    for (const std::string& name : names(node)) {
      if (!path.empty()) path += '.';
      path += name;
    }
    return path;
  }

  // The variable at a dotted path. Names may contain dots themselves, so every split of
  // the path into scope names is tried, depth first. The search keeps its own stack: a
  // hierarchy tens of thousands of scopes deep must not exhaust the thread's.
  [[nodiscard]] std::optional<std::size_t> find_variable(std::string_view path) const {
    struct Attempt {
      std::size_t node;          // the scope entered; no_parent above the roots
      std::size_t rest;          // where the part of the path below that scope starts
      std::size_t next_split;    // where to look for the next dot to split at
    };
    std::vector<Attempt> attempts{{no_parent, 0, 0}};
    while (!attempts.empty()) {
      Attempt& attempt = attempts.back();
      if (attempt.next_split == attempt.rest && attempt.node != no_parent) {
        const auto& variables = nodes_[attempt.node].variables;
        if (const auto found = variables.find(std::string(path.substr(attempt.rest))); found != variables.end()) {
          return found->second;
        }
      }
      const std::size_t dot = path.find('.', attempt.next_split);
      if (dot == std::string_view::npos) {
        attempts.pop_back();
        continue;
      }
      attempt.next_split = dot + 1;
      const auto& scopes = attempt.node == no_parent ? roots_ : nodes_[attempt.node].children;
      const auto scope = scopes.find(std::string(path.substr(attempt.rest, dot - attempt.rest)));
      if (scope != scopes.end()) attempts.push_back({scope->second, dot + 1, dot + 1});
    }
    return std::nullopt;
  }

 private:
  struct Node {
    std::string name;
    std::size_t parent;
    std::unordered_map<std::string, std::size_t> children;
    std::unordered_map<std::string, std::size_t> variables;
  };

  std::vector<Node> nodes_;
  std::unordered_map<std::string, std::size_t> roots_;
};

std::string VcdVariable::path() const { return tree_->path(scope_) + '.' + name; }

std::vector<std::string> VcdVariable::scopes() const { return tree_->names(scope_); }

VcdParseError::VcdParseError(std::string file, std::size_t line, const std::string& reason)
    : std::runtime_error(fmt::format("{}:{}: {}", file, line, reason)), file_(std::move(file)), line_(line) {}

// Splits the text into whitespace-separated tokens and builds a VcdReader from them.
class VcdParser {
 public:
  VcdParser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

  VcdReader parse() {
    // A file may ask for more than the machine has (a million wide variables, say):
    // that is a property of the input, reported as such at the line reached.
    try {
      result_.tree_ = std::make_shared<VcdScopeTree>();
      parse_definitions();
      parse_changes();
    } catch (const std::bad_alloc&) {
      out_of_memory();
    } catch (const std::length_error&) {
      out_of_memory();
    }
    return std::move(result_);
  }

 private:
  [[noreturn]] void out_of_memory() {
    result_ = VcdReader();  // what was read so far is freed first, so that the message fits
    fail(line_, "not enough memory to read the VCD");
  }

  [[noreturn]] void fail(std::size_t line, const std::string& reason) const {
    throw VcdParseError(file_, line, reason);
  }

  // Free text ($comment, $date, $version) may hold any non-control byte, UTF-8 included.
  std::optional<Token> next_token(bool free_text = false) {
    while (pos_ < text_.size() && is_blank(text_[pos_])) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
    if (pos_ == text_.size()) return std::nullopt;
    const std::size_t start = pos_;
    for (; pos_ < text_.size() && !is_blank(text_[pos_]); ++pos_) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      const bool allowed = (byte > ' ' && byte < 0x7F) || (free_text && byte >= 0x80);
      if (!allowed) fail(line_, fmt::format("bad character 0x{:02X}", byte));
    }
    return Token{text_.substr(start, pos_ - start), line_};
  }

  Token expect_token(std::string_view inside, std::size_t opened_at) {
    const std::optional<Token> token = next_token();
    if (!token) fail(line_, fmt::format("{} opened at line {} is not closed by $end", inside, opened_at));
    return *token;
  }

  void expect_end(std::string_view inside, std::size_t opened_at) {
    const Token token = expect_token(inside, opened_at);
    if (token.text != "$end") fail(token.line, fmt::format("expected $end to close {}, found {}", inside, quoted(token.text)));
  }

  // The words of a section up to its $end, each passed to `use`.
  template <typename Use>
  void section_words(const Token& keyword, bool free_text, Use use) {
    for (;;) {
      const std::optional<Token> token = next_token(free_text);
      if (!token) fail(line_, fmt::format("{} opened at line {} is not closed by $end", keyword.text, keyword.line));
      if (token->text == "$end") return;
      use(*token);
    }
  }

  void skip_free_text(const Token& keyword) {
    section_words(keyword, true, [](const Token&) {});
  }

  void parse_definitions() {
    bool have_timescale = false;
    for (;;) {
      const std::optional<Token> token = next_token();
      if (!token) fail(line_, "missing $enddefinitions: the file ends inside the header");
      const std::string_view word = token->text;
      if (word == "$date" || word == "$version" || word == "$comment") {
        skip_free_text(*token);
      } else if (word == "$timescale") {
        if (have_timescale) fail(token->line, "second $timescale");
        parse_timescale(*token);
        have_timescale = true;
      } else if (word == "$scope") {
        parse_scope(*token);
      } else if (word == "$upscope") {
        if (scope_stack_.empty()) fail(token->line, "$upscope without an open $scope");
        scope_stack_.pop_back();
        expect_end("$upscope", token->line);
      } else if (word == "$var") {
        parse_variable(*token);
      } else if (word == "$enddefinitions") {
        expect_end("$enddefinitions", token->line);
        if (!scope_stack_.empty()) {
          fail(token->line, fmt::format("$enddefinitions with scope {} still open",
                                        quoted(result_.tree_->path(scope_stack_.back()))));
        }
        if (!have_timescale) fail(token->line, "missing $timescale before $enddefinitions");
        return;
      } else if (word.starts_with('#') || word == "$dumpvars") {
        fail(token->line, fmt::format("{} before $enddefinitions", quoted(word)));
      } else {
        fail(token->line, fmt::format("unexpected {} in the header", quoted(word)));
      }
    }
  }

  void parse_timescale(const Token& keyword) {
    std::string text;
    section_words(keyword, false, [&](const Token& word) {
      if (text.size() + word.text.size() > kExcerptLength) fail(word.line, "$timescale is too long");
      text += word.text;
    });
    try {
      result_.timescale_ = VcdTimescale::parse(text);
    } catch (const std::invalid_argument& error) {
      fail(keyword.line, error.what());
    }
  }

  void parse_scope(const Token& keyword) {
    const Token kind = expect_token("$scope", keyword.line);
    if (!is_one_of(kind.text, scope_kinds)) fail(kind.line, fmt::format("unknown scope type {}", quoted(kind.text)));
    const Token name = expect_token("$scope", keyword.line);
    if (name.text == "$end") fail(name.line, "$scope without a name");
    expect_end("$scope", keyword.line);
    const std::size_t parent = scope_stack_.empty() ? VcdScopeTree::no_parent : scope_stack_.back();
    scope_stack_.push_back(result_.tree_->child(parent, name.text));
    result_.scope_declarations_.push_back(scope_stack_.back());
  }

  void parse_variable(const Token& keyword) {
    const Token kind = expect_token("$var", keyword.line);
    if (!is_one_of(kind.text, variable_kinds)) fail(kind.line, fmt::format("unknown variable type {}", quoted(kind.text)));
    const Token width_token = expect_token("$var", keyword.line);
    const std::optional<std::uint64_t> width = parse_unsigned(width_token.text);
    const bool is_string = kind.text == "string";
    if (!width || (*width == 0 && !is_string)) {
      fail(width_token.line, fmt::format("bad variable width {}", quoted(width_token.text)));
    }
    if (*width > VcdReader::max_width) {
      fail(width_token.line, fmt::format("variable width {} is above the maximum, {} bits", *width, VcdReader::max_width));
    }
    const Token id = expect_token("$var", keyword.line);
    const Token name = expect_token("$var", keyword.line);
    if (id.text == "$end" || name.text == "$end") fail(keyword.line, "$var needs a type, a width, an identifier code and a name");
    Token after = expect_token("$var", keyword.line);
    if (after.text.starts_with('[')) {
      if (!is_string) check_range(after, *width);
      after = expect_token("$var", keyword.line);
    }
    if (after.text != "$end") fail(after.line, fmt::format("expected $end to close $var, found {}", quoted(after.text)));
    if (scope_stack_.empty()) fail(keyword.line, fmt::format("variable {} is declared outside any $scope", quoted(name.text)));

    VcdVariable var;
    var.tree_ = result_.tree_;
    var.scope_ = scope_stack_.back();
    var.name = std::string(name.text);
    var.kind = std::string(kind.text);
    var.width = static_cast<std::size_t>(*width);
    var.id = std::string(id.text);
    var.line = keyword.line;

    if (const auto existing = result_.tree_->add_variable(var.scope_, var.name, result_.variables_.size())) {
      fail(keyword.line, fmt::format("variable {} is declared twice (first at line {})", quoted(var.path()),
                                     result_.variables_[*existing].line));
    }
    const auto [signal, is_new] = result_.signal_by_id_.try_emplace(var.id, result_.signals_.size());
    if (is_new) {
      result_.signals_.emplace_back();
      signal_variable_.push_back(result_.variables_.size());
    } else {
      const VcdVariable& first = result_.variables_[signal_variable_[signal->second]];
      if (first.width != var.width || (first.kind == "string") != is_string) {
        fail(keyword.line, fmt::format("identifier code {} is declared as {} {} bits wide ({}, line {}) and now as {} {}",
                                       quoted(var.id), first.kind, first.width, quoted(first.path()), first.line,
                                       var.kind, var.width));
      }
    }
    result_.variables_.push_back(std::move(var));
  }

  void check_range(const Token& range, std::uint64_t width) {
    const std::string_view text = range.text;
    const auto bad = [&] { fail(range.line, fmt::format("bad bit range {}", quoted(text))); };
    if (!text.ends_with(']')) bad();
    const std::string_view inside = text.substr(1, text.size() - 2);
    const std::size_t colon = inside.find(':');
    std::optional<std::uint64_t> msb = parse_unsigned(inside.substr(0, colon));
    std::optional<std::uint64_t> lsb = colon == std::string_view::npos ? msb : parse_unsigned(inside.substr(colon + 1));
    if (!msb || !lsb) bad();
    const std::uint64_t range_width = (*msb > *lsb ? *msb - *lsb : *lsb - *msb) + 1;
    if (range_width != width) {
      fail(range.line, fmt::format("bit range {} covers {} bits but the variable is declared {} bits wide", quoted(text),
                                   range_width, width));
    }
  }

  void parse_changes() {
    std::size_t dump_opened_at = 0;  // line of the open $dumpvars-like section, 0 when none
    std::string_view dump_keyword;
    bool have_time = false;
    std::uint64_t time = 0;
    while (const std::optional<Token> token = next_token()) {
      const std::string_view word = token->text;
      if (word.starts_with('#')) {
        const std::optional<std::uint64_t> next = parse_unsigned(word.substr(1));
        if (!next) fail(token->line, fmt::format("bad timestamp {}", quoted(word)));
        if (dump_opened_at != 0) fail(token->line, fmt::format("timestamp inside {} opened at line {}", dump_keyword, dump_opened_at));
        if (have_time && *next < time) fail(token->line, fmt::format("time goes backwards from {} to {}", time, *next));
        if (result_.timestamps_.size() == VcdReader::max_timestamps) {
          fail(token->line, fmt::format("more than {} timestamps", VcdReader::max_timestamps));
        }
        time = *next;
        have_time = true;
        result_.timestamps_.push_back(time);
      } else if (word == "$dumpvars" || word == "$dumpall" || word == "$dumpon" || word == "$dumpoff") {
        if (dump_opened_at != 0) fail(token->line, fmt::format("{} inside {} opened at line {}", word, dump_keyword, dump_opened_at));
        dump_opened_at = token->line;
        dump_keyword = word;
      } else if (word == "$end") {
        if (dump_opened_at == 0) fail(token->line, "$end without an open section");
        dump_opened_at = 0;
      } else if (word == "$comment") {
        skip_free_text(*token);
      } else if (word.starts_with('$')) {
        fail(token->line, fmt::format("unexpected {} after $enddefinitions", quoted(word)));
      } else {
        if (!have_time) fail(token->line, fmt::format("value change {} before the first timestamp", quoted(word)));
        parse_value_change(*token, dump_opened_at != 0);
      }
    }
    if (dump_opened_at != 0) {
      fail(line_, fmt::format("{} opened at line {} is not closed by $end", dump_keyword, dump_opened_at));
    }
  }

  void parse_value_change(const Token& token, bool in_dumpvars) {
    const char kind = token.text.front();
    std::string_view value;
    std::string_view id;
    if (kind == 'b' || kind == 'B' || kind == 's' || kind == 'S') {
      value = token.text.substr(1);
      const std::optional<Token> id_token = next_token();
      if (!id_token) fail(token.line, fmt::format("value {} has no identifier code", quoted(token.text)));
      id = id_token->text;
    } else if (kind == 'r' || kind == 'R') {
      fail(token.line, fmt::format("real value {} is not supported", quoted(token.text)));
    } else if (std::string_view("01xXzZ").find(kind) != std::string_view::npos) {
      value = token.text.substr(0, 1);
      id = token.text.substr(1);
      if (id.empty()) fail(token.line, fmt::format("scalar value {} has no identifier code", quoted(token.text)));
    } else {
      fail(token.line, fmt::format("bad value change {}", quoted(token.text)));
    }

    const auto signal = result_.signal_by_id_.find(std::string(id));
    if (signal == result_.signal_by_id_.end()) fail(token.line, fmt::format("unknown identifier code {}", quoted(id)));
    const VcdVariable& var = result_.variables_[signal_variable_[signal->second]];
    const bool is_string = var.kind == "string";
    const bool is_text_value = kind == 's' || kind == 'S';
    if (is_string != is_text_value) {
      fail(token.line, fmt::format("{} value {} for {} variable {}", is_text_value ? "string" : "bit", quoted(token.text),
                                   var.kind, quoted(var.path())));
    }

    VcdSignalHistory& history = result_.signals_[signal->second];
    const auto stamp = static_cast<std::uint32_t>(((result_.timestamps_.size() - 1) << 1) | (in_dumpvars ? 1 : 0));
    if (is_string) {
      history.data += value;
      history.ends.push_back(history.data.size());
      history.stamps.push_back(stamp);
      return;
    }
    const bool is_scalar = kind != 'b' && kind != 'B';
    if (is_scalar && var.width != 1) {
      fail(token.line, fmt::format("scalar value {} for {}, which is {} bits wide", quoted(token.text), quoted(var.path()),
                                   var.width));
    }
    if (value.empty() || value.size() > var.width) {
      fail(token.line, fmt::format("value {} has {} bits but {} is declared {} bits wide", quoted(token.text),
                                   value.size(), quoted(var.path()), var.width));
    }
    // Stored as written; the left extension to the declared width is applied when read.
    // A one-bit variable's changes are one digit each, so they need no ends.
    std::uint64_t digit_index = var.width == 1 ? history.stamps.size() : history.ends.empty() ? 0 : history.ends.back();
    if (var.width != 1) history.ends.push_back(digit_index + value.size());
    history.data.resize((digit_index + value.size() + 3) / 4);
    for (const char written : value) {
      const char digit = written == 'X' ? 'x' : written == 'Z' ? 'z' : written;
      if (digit_codes.find(digit) == std::string_view::npos) {
        fail(token.line, fmt::format("bad digit {} in value {} for {}", quoted({&written, 1}), quoted(token.text),
                                     quoted(var.path())));
      }
      auto& byte = reinterpret_cast<std::uint8_t&>(history.data[digit_index / 4]);
      byte = static_cast<std::uint8_t>(byte | (digit_code(digit) << (2 * (digit_index % 4))));
      ++digit_index;
    }
    history.stamps.push_back(stamp);
  }

  static std::string quoted(std::string_view text) { return quoted_excerpt(text); }

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::vector<std::size_t> scope_stack_;      // tree nodes of the open scopes, outermost first
  std::vector<std::size_t> signal_variable_;  // first variable declared for each signal
  VcdReader result_;
};

VcdReader VcdReader::parse(std::string_view text, std::string file) { return VcdParser(text, std::move(file)).parse(); }

namespace {

std::string_view file_kind(std::filesystem::file_type type) {
  switch (type) {
    case std::filesystem::file_type::directory: return "a directory";
    case std::filesystem::file_type::fifo: return "a FIFO";
    case std::filesystem::file_type::character: return "a character device";
    case std::filesystem::file_type::block: return "a block device";
    case std::filesystem::file_type::socket: return "a socket";
    default: return "a special file";
  }
}

}  // namespace

VcdReader VcdReader::read(const std::filesystem::path& path) {
  // Checked before opening: a FIFO would block the open, and a directory or a device
  // would read as an empty or an endless file.
  std::error_code no_status;
  const std::filesystem::file_status status = std::filesystem::status(path, no_status);
  if (!no_status && status.type() != std::filesystem::file_type::regular &&
      status.type() != std::filesystem::file_type::not_found) {
    throw std::invalid_argument(
        fmt::format("cannot read VCD file '{}': it is {}, not a regular file", path.string(), file_kind(status.type())));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::system_error(errno, std::generic_category(), fmt::format("cannot open VCD file '{}'", path.string()));
  }
  std::string contents;
  try {
    contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::bad_alloc&) {
    throw VcdParseError(path.string(), 1, "not enough memory to read the VCD");
  } catch (const std::length_error&) {
    throw VcdParseError(path.string(), 1, "not enough memory to read the VCD");
  }
  return parse(contents, path.string());
}

const std::vector<std::string>& VcdReader::scopes() const {
  if (scope_paths_.size() != scope_declarations_.size()) {
    scope_paths_.clear();
    scope_paths_.reserve(scope_declarations_.size());
    for (const std::size_t node : scope_declarations_) scope_paths_.push_back(tree_->path(node));
  }
  return scope_paths_;
}

const VcdVariable& VcdReader::variable(std::string_view path) const {
  const std::optional<std::size_t> found = tree_ ? tree_->find_variable(path) : std::nullopt;
  if (!found) throw std::out_of_range(fmt::format("the VCD has no variable {}", quoted_excerpt(path)));
  return variables_[*found];
}

bool VcdReader::has_variable(std::string_view path) const { return tree_ && tree_->find_variable(path).has_value(); }

const VcdSignalHistory& VcdReader::history(const VcdVariable& var) const { return signals_[signal_by_id_.at(var.id)]; }

VcdChange VcdReader::change(const VcdVariable& var, const VcdSignalHistory& history, std::size_t index) const {
  const std::uint32_t stamp = history.stamps[index];
  VcdChange change{timestamps_[stamp >> 1], {}, (stamp & 1) != 0};
  const bool is_scalar = var.width == 1 && var.kind != "string";
  const std::uint64_t begin = is_scalar ? index : index == 0 ? 0 : history.ends[index - 1];
  const std::uint64_t end = is_scalar ? index + 1 : history.ends[index];
  if (var.kind == "string") {
    change.value = history.data.substr(begin, end - begin);
    return change;
  }
  change.value.reserve(var.width);
  for (std::uint64_t i = begin; i < end; ++i) {
    const auto byte = static_cast<std::uint8_t>(history.data[i / 4]);
    change.value += digit_codes[(byte >> (2 * (i % 4))) & 3];
  }
  // IEEE 1364 left-extension: 1 extends with 0, x and z extend with themselves.
  const char fill = change.value.front() == '1' ? '0' : change.value.front();
  change.value.insert(0, var.width - change.value.size(), fill);
  return change;
}

std::vector<VcdChange> VcdReader::changes(std::string_view path) const {
  const VcdVariable& var = variable(path);
  const VcdSignalHistory& signal = history(var);
  std::vector<VcdChange> changes;
  changes.reserve(signal.stamps.size());
  for (std::size_t i = 0; i < signal.stamps.size(); ++i) changes.push_back(change(var, signal, i));
  return changes;
}

std::string VcdReader::value_at(std::string_view path, std::uint64_t time) const {
  const VcdVariable& var = variable(path);
  const VcdSignalHistory& signal = history(var);
  const auto after = std::upper_bound(signal.stamps.begin(), signal.stamps.end(), time,
                                      [&](std::uint64_t t, std::uint32_t stamp) { return t < timestamps_[stamp >> 1]; });
  if (after == signal.stamps.begin()) {
    throw std::out_of_range(fmt::format("VCD variable {} has no value at time {}", quoted_excerpt(path), time));
  }
  return change(var, signal, static_cast<std::size_t>(after - signal.stamps.begin() - 1)).value;
}

}  // namespace tetra
