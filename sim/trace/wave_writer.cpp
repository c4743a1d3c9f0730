#include "sim/trace/wave_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace tetra {

namespace {

std::size_t words_for(std::size_t width) { return (width + 63) / 64; }

std::uint64_t top_word_mask(std::size_t width) {
  const std::size_t used = width % 64;
  return used == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << used) - 1;
}

bool printable_without_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c <= '~'; });
}

}  // namespace

WaveWriter::WaveWriter(const std::filesystem::path& path, std::string_view format, VcdTimescale timescale)
    : path_(path), format_(format), timescale_(timescale) {}

void WaveWriter::check_name(std::string_view name, std::string_view what) const {
  if (name.empty() || !printable_without_spaces(name)) {
    throw std::invalid_argument(
        fmt::format("{} {} name '{}' must be non-empty printable ASCII without spaces", format_, what, name));
  }
}

std::string WaveWriter::describe(const Variable& var) const {
  if (var.kind == WaveVarKind::string) return "a string";
  return fmt::format("{} bits wide", var.width);
}

void WaveWriter::throw_undeclared(WaveVarId var) const {
  throw std::out_of_range(fmt::format("{} variable #{} was not declared in '{}' ({} variables)", format_, var.index,
                                      path_.string(), vars_.size()));
}

std::size_t WaveWriter::NameInScopeHash::operator()(const NameInScope& key) const {
  return std::hash<std::string>{}(key.name) ^ (std::size_t{key.scope} * 0x9E3779B97F4A7C15U);
}

std::string WaveWriter::path_of(const Variable& var) const {
  std::size_t length = var.name.size();
  for (std::uint32_t scope = var.scope; scope != no_scope; scope = scopes_[scope].scope) {
    length += scopes_[scope].name.size() + 1;
  }
  std::string path(length, '.');
  std::size_t end = length - var.name.size();
  path.replace(end, var.name.size(), var.name);
  for (std::uint32_t scope = var.scope; scope != no_scope; scope = scopes_[scope].scope) {
    const std::string& name = scopes_[scope].name;
    end -= name.size() + 1;
    path.replace(end, name.size(), name);
  }
  return path;
}

std::string WaveWriter::variable_path(WaveVarId var) const { return path_of(variable(var)); }

void WaveWriter::require_phase(Phase phase, std::string_view action) const {
  if (phase_ == phase) return;
  static constexpr std::array<std::string_view, 3> phase_names{
      "while declaring", "after end_definitions()", "after close()"};
  throw std::logic_error(fmt::format("{} '{}': cannot {} {}", format_, path_.string(), action,
                                     phase_names[static_cast<std::size_t>(phase_)]));
}

void WaveWriter::open_scope(std::string_view name) {
  require_phase(Phase::declaring, "open a scope");
  check_name(name, "scope");
  NameInScope key{scope_stack_.empty() ? no_scope : scope_stack_.back(), std::string(name)};
  const auto [entry, added] = scope_index_.try_emplace(key, static_cast<std::uint32_t>(scopes_.size()));
  if (added) scopes_.push_back(std::move(key));
  scope_stack_.push_back(entry->second);
  write_scope(name);
}

void WaveWriter::close_scope() {
  require_phase(Phase::declaring, "close a scope");
  if (scope_stack_.empty()) {
    throw std::logic_error(fmt::format("{} '{}': close_scope() without an open scope", format_, path_.string()));
  }
  scope_stack_.pop_back();
  write_upscope();
}

WaveVarId WaveWriter::add_var(std::string_view name, std::size_t width, WaveVarKind kind) {
  require_phase(Phase::declaring, "declare a variable");
  check_name(name, "variable");
  if (scope_stack_.empty()) {
    throw std::logic_error(
        fmt::format("{} '{}': variable '{}' must be declared inside a scope", format_, path_.string(), name));
  }
  if (kind == WaveVarKind::string) width = 1;
  if (width == 0 || width > UINT32_MAX) {
    throw std::invalid_argument(fmt::format("{} variable '{}' cannot be {} bits wide", format_, name, width));
  }

  Variable var{};
  var.name = name;
  var.scope = scope_stack_.back();
  if (!declared_.insert(NameInScope{var.scope, var.name}).second) {
    throw std::invalid_argument(fmt::format("{} variable '{}' is declared twice", format_, path_of(var)));
  }
  var.width = static_cast<std::uint32_t>(width);
  var.kind = kind;
  if (kind == WaveVarKind::string) {
    var.value_slot = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back("x");
  } else {
    // Vec() is all-X, and so is every signal nobody has given a value yet.
    const std::size_t words = words_for(width);
    var.value_slot = static_cast<std::uint32_t>(planes_.size());
    planes_.resize(planes_.size() + 2 * words, ~std::uint64_t{0});
    planes_[var.value_slot + words - 1] = top_word_mask(width);
    planes_[var.value_slot + 2 * words - 1] = top_word_mask(width);
  }
  const auto index = static_cast<std::uint32_t>(vars_.size());
  vars_.push_back(std::move(var));
  write_declaration(index, vars_.back(), name);
  return WaveVarId{index};
}

void WaveWriter::end_definitions(std::uint64_t time) {
  require_phase(Phase::declaring, "end the definitions");
  if (!scope_stack_.empty()) {
    throw std::logic_error(fmt::format("{} '{}': end_definitions() with scope '{}' still open", format_,
                                       path_.string(), scopes_[scope_stack_.back()].name));
  }
  scope_index_ = {};
  declared_ = {};
  time_ = time;
  time_pending_ = false;
  write_dump_start(time);
  for (std::uint32_t index = 0; index < vars_.size(); ++index) write_value(index);
  write_dump_end();
  phase_ = Phase::dumping;
}

void WaveWriter::advance_to(std::uint64_t time) {
  require_phase(Phase::dumping, "advance time");
  if (time < time_) {
    throw std::logic_error(
        fmt::format("{} '{}': time cannot go back from {} to {}", format_, path_.string(), time_, time));
  }
  if (time > time_) {
    time_ = time;
    time_pending_ = true;
  }
}

void WaveWriter::change(WaveVarId id, std::span<const std::uint64_t> aval, std::span<const std::uint64_t> bval) {
  if (phase_ == Phase::closed) require_phase(Phase::dumping, "change a value");
  const Variable& var = variable(id);
  const std::size_t words = words_for(var.width);
  if (var.kind == WaveVarKind::string || aval.size() != words || bval.size() != words) {
    throw std::invalid_argument(fmt::format("{} variable '{}' is {}: it cannot take planes of {} and {} words",
                                            format_, path_of(var), describe(var), aval.size(), bval.size()));
  }
  std::uint64_t* stored = &planes_[var.value_slot];
  const std::uint64_t mask = top_word_mask(var.width);
  bool same = true;
  for (std::size_t w = 0; w < words; ++w) {
    const std::uint64_t keep = w + 1 == words ? mask : ~std::uint64_t{0};
    const std::uint64_t a = aval[w] & keep;
    const std::uint64_t b = bval[w] & keep;
    same = same && stored[w] == a && stored[words + w] == b;
    stored[w] = a;
    stored[words + w] = b;
  }
  if (same || phase_ == Phase::declaring) return;
  write_pending_time();
  write_bits(id.index, var, stored, stored + words);
}

void WaveWriter::check_bit_width(WaveVarId id, std::size_t width) const {
  const Variable& var = variable(id);
  if (var.kind == WaveVarKind::string || var.width != width) {
    throw std::invalid_argument(fmt::format("{} variable '{}' is {}: it cannot take a {}-bit value", format_,
                                            path_of(var), describe(var), width));
  }
}

void WaveWriter::change(WaveVarId var, Logic value) {
  check_bit_width(var, 1);
  const char digit = value.to_char();
  const std::array<std::uint64_t, 1> aval{digit == '1' || digit == 'x' ? 1U : 0U};
  const std::array<std::uint64_t, 1> bval{digit == 'z' || digit == 'x' ? 1U : 0U};
  change(var, aval, bval);
}

void WaveWriter::change_string(WaveVarId id, std::string_view text) {
  if (phase_ == Phase::closed) require_phase(Phase::dumping, "change a value");
  const Variable& var = variable(id);
  if (var.kind != WaveVarKind::string) {
    throw std::invalid_argument(
        fmt::format("{} variable '{}' holds bits: it cannot take the text '{}'", format_, path_of(var), text));
  }
  if (text.empty() || !printable_without_spaces(text)) {
    throw std::invalid_argument(fmt::format(
        "{} string variable '{}' cannot take '{}': it needs printable ASCII without spaces", format_, path_of(var), text));
  }
  std::string& stored = strings_[var.value_slot];
  if (stored == text) return;
  stored.assign(text);
  if (phase_ == Phase::declaring) return;
  write_pending_time();
  write_text(id.index, stored);
}

void WaveWriter::write_value(std::uint32_t index) {
  const Variable& var = vars_[index];
  if (var.kind == WaveVarKind::string) {
    write_text(index, strings_[var.value_slot]);
    return;
  }
  const std::uint64_t* aval = &planes_[var.value_slot];
  write_bits(index, var, aval, aval + words_for(var.width));
}

void WaveWriter::write_pending_time() {
  if (!time_pending_) return;
  write_time(time_);
  time_pending_ = false;
}

void WaveWriter::flush() {
  require_phase(Phase::dumping, "flush");
  write_flush();
}

void WaveWriter::close(std::uint64_t end_time) {
  if (phase_ == Phase::closed) return;
  if (phase_ == Phase::dumping) {
    advance_to(std::max(end_time, time_));
    write_pending_time();
  }
  close();
}

void WaveWriter::close() {
  if (phase_ == Phase::closed) return;
  try {
    if (phase_ == Phase::declaring) {
      // A run that failed during elaboration still leaves a file that viewers open.
      while (!scope_stack_.empty()) close_scope();
      end_definitions(time_);
    }
    write_flush();
  } catch (...) {
    phase_ = Phase::closed;
    try {
      write_close();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
    }
    throw;
  }
  phase_ = Phase::closed;
  write_close();
}

void WaveWriter::close_quietly() noexcept {
  try {
    close();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the file is closed either way; nowhere to report
  }
}

}  // namespace tetra
