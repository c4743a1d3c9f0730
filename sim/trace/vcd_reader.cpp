#include "sim/trace/vcd_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
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

}  // namespace

VcdParseError::VcdParseError(std::string file, std::size_t line, const std::string& reason)
    : std::runtime_error(fmt::format("{}:{}: {}", file, line, reason)), file_(std::move(file)), line_(line) {}

// Splits the text into whitespace-separated tokens and builds a VcdReader from them.
class VcdParser {
 public:
  VcdParser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

  VcdReader parse() {
    parse_definitions();
    parse_changes();
    return std::move(result_);
  }

 private:
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
    if (token.text != "$end") fail(token.line, fmt::format("expected $end to close {}, found '{}'", inside, token.text));
  }

  // The words of a section up to its $end.
  std::vector<Token> section_words(const Token& keyword, bool free_text) {
    std::vector<Token> words;
    for (;;) {
      const std::optional<Token> token = next_token(free_text);
      if (!token) fail(line_, fmt::format("{} opened at line {} is not closed by $end", keyword.text, keyword.line));
      if (token->text == "$end") return words;
      words.push_back(*token);
    }
  }

  void parse_definitions() {
    bool have_timescale = false;
    for (;;) {
      const std::optional<Token> token = next_token();
      if (!token) fail(line_, "missing $enddefinitions: the file ends inside the header");
      const std::string_view word = token->text;
      if (word == "$date" || word == "$version" || word == "$comment") {
        section_words(*token, true);
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
          fail(token->line, fmt::format("$enddefinitions with scope '{}' still open", scope_stack_.back()));
        }
        if (!have_timescale) fail(token->line, "missing $timescale before $enddefinitions");
        return;
      } else if (word.starts_with('#') || word == "$dumpvars") {
        fail(token->line, fmt::format("'{}' before $enddefinitions", word));
      } else {
        fail(token->line, fmt::format("unexpected '{}' in the header", word));
      }
    }
  }

  void parse_timescale(const Token& keyword) {
    std::string text;
    for (const Token& word : section_words(keyword, false)) text += word.text;
    try {
      result_.timescale_ = VcdTimescale::parse(text);
    } catch (const std::invalid_argument& error) {
      fail(keyword.line, error.what());
    }
  }

  void parse_scope(const Token& keyword) {
    const Token kind = expect_token("$scope", keyword.line);
    if (!is_one_of(kind.text, scope_kinds)) fail(kind.line, fmt::format("unknown scope type '{}'", kind.text));
    const Token name = expect_token("$scope", keyword.line);
    if (name.text == "$end") fail(name.line, "$scope without a name");
    expect_end("$scope", keyword.line);
    scope_stack_.emplace_back(name.text);
    result_.scopes_.push_back(dotted(scope_stack_));
  }

  static std::string dotted(const std::vector<std::string>& parts) {
    std::string path;
    for (const std::string& part : parts) {
      if (!path.empty()) path += '.';
      path += part;
    }
    return path;
  }

  void parse_variable(const Token& keyword) {
    const Token kind = expect_token("$var", keyword.line);
    if (!is_one_of(kind.text, variable_kinds)) fail(kind.line, fmt::format("unknown variable type '{}'", kind.text));
    const Token width_token = expect_token("$var", keyword.line);
    const std::optional<std::uint64_t> width = parse_unsigned(width_token.text);
    const bool is_string = kind.text == "string";
    if (!width || (*width == 0 && !is_string)) {
      fail(width_token.line, fmt::format("bad variable width '{}'", width_token.text));
    }
    const Token id = expect_token("$var", keyword.line);
    const Token name = expect_token("$var", keyword.line);
    if (id.text == "$end" || name.text == "$end") fail(keyword.line, "$var needs a type, a width, an identifier code and a name");
    Token after = expect_token("$var", keyword.line);
    if (after.text.starts_with('[')) {
      if (!is_string) check_range(after, *width);
      after = expect_token("$var", keyword.line);
    }
    if (after.text != "$end") fail(after.line, fmt::format("expected $end to close $var, found '{}'", after.text));
    if (scope_stack_.empty()) fail(keyword.line, fmt::format("variable '{}' is declared outside any $scope", name.text));

    VcdVariable var;
    var.scopes = scope_stack_;
    var.name = std::string(name.text);
    var.path = dotted(scope_stack_) + '.' + var.name;
    var.kind = std::string(kind.text);
    var.width = static_cast<std::size_t>(*width);
    var.id = std::string(id.text);
    var.line = keyword.line;

    if (const auto existing = result_.variable_by_path_.find(var.path); existing != result_.variable_by_path_.end()) {
      fail(keyword.line, fmt::format("variable '{}' is declared twice (first at line {})", var.path,
                                     result_.variables_[existing->second].line));
    }
    const auto [signal, is_new] = result_.signal_by_id_.try_emplace(var.id, result_.signal_changes_.size());
    if (is_new) {
      result_.signal_changes_.emplace_back();
      signal_variable_.push_back(result_.variables_.size());
    } else {
      const VcdVariable& first = result_.variables_[signal_variable_[signal->second]];
      if (first.width != var.width || (first.kind == "string") != is_string) {
        fail(keyword.line, fmt::format("identifier code '{}' is declared as {} {} bits wide ('{}', line {}) and now as {} {}",
                                       var.id, first.kind, first.width, first.path, first.line, var.kind, var.width));
      }
    }
    result_.variable_by_path_.emplace(var.path, result_.variables_.size());
    result_.variables_.push_back(std::move(var));
  }

  void check_range(const Token& range, std::uint64_t width) {
    const std::string_view text = range.text;
    const auto bad = [&] { fail(range.line, fmt::format("bad bit range '{}'", text)); };
    if (!text.ends_with(']')) bad();
    const std::string_view inside = text.substr(1, text.size() - 2);
    const std::size_t colon = inside.find(':');
    std::optional<std::uint64_t> msb = parse_unsigned(inside.substr(0, colon));
    std::optional<std::uint64_t> lsb = colon == std::string_view::npos ? msb : parse_unsigned(inside.substr(colon + 1));
    if (!msb || !lsb) bad();
    const std::uint64_t range_width = (*msb > *lsb ? *msb - *lsb : *lsb - *msb) + 1;
    if (range_width != width) {
      fail(range.line, fmt::format("bit range '{}' covers {} bits but the variable is declared {} bits wide", text,
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
        if (!next) fail(token->line, fmt::format("bad timestamp '{}'", word));
        if (dump_opened_at != 0) fail(token->line, fmt::format("timestamp inside {} opened at line {}", dump_keyword, dump_opened_at));
        if (have_time && *next < time) fail(token->line, fmt::format("time goes backwards from {} to {}", time, *next));
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
        section_words(*token, true);
      } else if (word.starts_with('$')) {
        fail(token->line, fmt::format("unexpected '{}' after $enddefinitions", word));
      } else {
        if (!have_time) fail(token->line, fmt::format("value change '{}' before the first timestamp", word));
        parse_value_change(*token, time, dump_opened_at != 0);
      }
    }
    if (dump_opened_at != 0) {
      fail(line_, fmt::format("{} opened at line {} is not closed by $end", dump_keyword, dump_opened_at));
    }
  }

  void parse_value_change(const Token& token, std::uint64_t time, bool in_dumpvars) {
    const char kind = token.text.front();
    std::string_view value;
    std::string_view id;
    if (kind == 'b' || kind == 'B' || kind == 's' || kind == 'S') {
      value = token.text.substr(1);
      const std::optional<Token> id_token = next_token();
      if (!id_token) fail(token.line, fmt::format("value '{}' has no identifier code", token.text));
      id = id_token->text;
    } else if (kind == 'r' || kind == 'R') {
      fail(token.line, fmt::format("real value '{}' is not supported", token.text));
    } else if (std::string_view("01xXzZ").find(kind) != std::string_view::npos) {
      value = token.text.substr(0, 1);
      id = token.text.substr(1);
      if (id.empty()) fail(token.line, fmt::format("scalar value '{}' has no identifier code", token.text));
    } else {
      fail(token.line, fmt::format("bad value change '{}'", token.text));
    }

    const auto signal = result_.signal_by_id_.find(std::string(id));
    if (signal == result_.signal_by_id_.end()) fail(token.line, fmt::format("unknown identifier code '{}'", id));
    const VcdVariable& var = result_.variables_[signal_variable_[signal->second]];
    const bool is_string = var.kind == "string";
    const bool is_text_value = kind == 's' || kind == 'S';
    if (is_string != is_text_value) {
      fail(token.line, fmt::format("{} value '{}' for {} variable '{}'", is_text_value ? "string" : "bit", token.text,
                                   var.kind, var.path));
    }

    VcdChange change{time, std::string(value), in_dumpvars};
    if (!is_string) {
      const bool is_scalar = kind != 'b' && kind != 'B';
      if (is_scalar && var.width != 1) {
        fail(token.line, fmt::format("scalar value '{}' for '{}', which is {} bits wide", token.text, var.path, var.width));
      }
      if (value.empty() || value.size() > var.width) {
        fail(token.line, fmt::format("value '{}' has {} bits but '{}' is declared {} bits wide", token.text,
                                     value.size(), var.path, var.width));
      }
      for (char& digit : change.value) {
        if (digit == 'X') digit = 'x';
        if (digit == 'Z') digit = 'z';
        if (std::string_view("01xz").find(digit) == std::string_view::npos) {
          fail(token.line, fmt::format("bad digit '{}' in value '{}' for '{}'", digit, token.text, var.path));
        }
      }
      // IEEE 1364 left-extension: 1 extends with 0, x and z extend with themselves.
      const char fill = change.value.front() == '1' ? '0' : change.value.front();
      change.value.insert(0, var.width - change.value.size(), fill);
    }
    result_.signal_changes_[signal->second].push_back(std::move(change));
  }

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::vector<std::string> scope_stack_;
  std::vector<std::size_t> signal_variable_;  // first variable declared for each signal
  VcdReader result_;
};

VcdReader VcdReader::parse(std::string_view text, std::string file) { return VcdParser(text, std::move(file)).parse(); }

VcdReader VcdReader::read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::system_error(errno, std::generic_category(), fmt::format("cannot open VCD file '{}'", path.string()));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return parse(contents.str(), path.string());
}

const VcdVariable& VcdReader::variable(std::string_view path) const {
  const auto found = variable_by_path_.find(std::string(path));
  if (found == variable_by_path_.end()) throw std::out_of_range(fmt::format("the VCD has no variable '{}'", path));
  return variables_[found->second];
}

bool VcdReader::has_variable(std::string_view path) const { return variable_by_path_.contains(std::string(path)); }

const std::vector<VcdChange>& VcdReader::changes(std::string_view path) const {
  return signal_changes_[signal_by_id_.at(variable(path).id)];
}

const std::string& VcdReader::value_at(std::string_view path, std::uint64_t time) const {
  const std::vector<VcdChange>& history = changes(path);
  const auto after = std::upper_bound(history.begin(), history.end(), time,
                                      [](std::uint64_t t, const VcdChange& change) { return t < change.time; });
  if (after == history.begin()) {
    throw std::out_of_range(fmt::format("VCD variable '{}' has no value at time {}", path, time));
  }
  return std::prev(after)->value;
}

}  // namespace tetra
