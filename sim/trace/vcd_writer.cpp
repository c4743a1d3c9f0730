#include "sim/trace/vcd_writer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>
#include <system_error>

namespace tetra {

namespace {

// Large enough that a busy trace reaches the OS in few, big writes.
constexpr std::size_t buffer_capacity = std::size_t{1} << 20;

constexpr char first_id_char = '!';
constexpr std::size_t id_radix = '~' - '!' + 1;  // 94 printable characters

// The eight VCD digits of each byte of a fully known word, most significant bit first.
constexpr auto known_byte_digits = [] {
  std::array<std::array<char, 8>, 256> table{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    for (std::size_t bit = 0; bit < 8; ++bit) {
      table[byte][7 - bit] = ((byte >> bit) & 1U) != 0 ? '1' : '0';
    }
  }
  return table;
}();

// Indexed by aval | bval << 1, the VPI encoding.
constexpr std::array<char, 4> four_state_digit{'0', '1', 'z', 'x'};

std::size_t words_for(std::size_t width) { return (width + 63) / 64; }

std::uint64_t top_word_mask(std::size_t width) {
  const std::size_t used = width % 64;
  return used == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << used) - 1;
}

void check_name(std::string_view name, std::string_view what) {
  const bool printable = std::all_of(name.begin(), name.end(), [](char c) { return c > ' ' && c <= '~'; });
  if (name.empty() || !printable) {
    throw std::invalid_argument(
        fmt::format("VCD {} name '{}' must be non-empty printable ASCII without spaces", what, name));
  }
}

}  // namespace

std::string VcdWriter::describe(const Variable& var) {
  if (var.kind == VcdVarKind::string) return "a string";
  return fmt::format("{} bits wide", var.width);
}

std::string vcd_identifier(std::size_t index) {
  // Bijective base 94: every length is used up before the next one starts.
  std::string id;
  std::size_t rest = index + 1;
  while (rest > 0) {
    --rest;
    id.push_back(static_cast<char>(first_id_char + static_cast<char>(rest % id_radix)));
    rest /= id_radix;
  }
  return id;
}

VcdWriter::VcdWriter(const std::filesystem::path& path, VcdTimescale timescale)
    : path_(path), timescale_(timescale), buffer_(buffer_capacity) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot create VCD file '{}'", path.string()));
  }
}

VcdWriter::~VcdWriter() {
  try {
    close();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the file is closed either way; nowhere to report
  }
}

void VcdWriter::throw_undeclared(VcdVarId var) const {
  throw std::out_of_range(fmt::format("VCD variable #{} was not declared in '{}' ({} variables)", var.index,
                                      path_.string(), vars_.size()));
}

const std::string& VcdWriter::variable_path(VcdVarId var) const { return variable(var).path; }

void VcdWriter::require_phase(Phase phase, std::string_view action) const {
  if (phase_ == phase) return;
  static constexpr std::array<std::string_view, 3> phase_names{
      "while declaring", "after end_definitions()", "after close()"};
  throw std::logic_error(fmt::format("VCD '{}': cannot {} {}", path_.string(), action,
                                     phase_names[static_cast<std::size_t>(phase_)]));
}

void VcdWriter::open_scope(std::string_view name) {
  require_phase(Phase::declaring, "open a scope");
  check_name(name, "scope");
  scope_stack_.emplace_back(name);
  declarations_ += fmt::format("$scope module {} $end\n", name);
}

void VcdWriter::close_scope() {
  require_phase(Phase::declaring, "close a scope");
  if (scope_stack_.empty()) {
    throw std::logic_error(fmt::format("VCD '{}': close_scope() without an open scope", path_.string()));
  }
  scope_stack_.pop_back();
  declarations_ += "$upscope $end\n";
}

VcdVarId VcdWriter::add_var(std::string_view name, std::size_t width, VcdVarKind kind) {
  require_phase(Phase::declaring, "declare a variable");
  check_name(name, "variable");
  if (scope_stack_.empty()) {
    throw std::logic_error(
        fmt::format("VCD '{}': variable '{}' must be declared inside a scope", path_.string(), name));
  }
  if (kind == VcdVarKind::string) width = 1;
  if (width == 0 || width > UINT32_MAX) {
    throw std::invalid_argument(fmt::format("VCD variable '{}' cannot be {} bits wide", name, width));
  }

  Variable var{};
  for (const std::string& scope : scope_stack_) var.path += scope + '.';
  var.path += name;
  if (!declared_paths_.insert(var.path).second) {
    throw std::invalid_argument(fmt::format("VCD variable '{}' is declared twice", var.path));
  }
  var.width = static_cast<std::uint32_t>(width);
  var.kind = kind;
  const std::string id = vcd_identifier(vars_.size());
  var.id_length = static_cast<std::uint8_t>(id.size());
  std::memcpy(var.id, id.data(), id.size());

  if (kind == VcdVarKind::string) {
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

  static constexpr std::array<std::string_view, 3> kind_names{"wire", "reg", "string"};
  declarations_ += fmt::format("$var {} {} {} {}", kind_names[static_cast<std::size_t>(kind)], width, id, name);
  if (width > 1) declarations_ += fmt::format(" [{}:0]", width - 1);
  declarations_ += " $end\n";

  vars_.push_back(std::move(var));
  return VcdVarId{static_cast<std::uint32_t>(vars_.size() - 1)};
}

void VcdWriter::end_definitions(std::uint64_t time) {
  require_phase(Phase::declaring, "end the definitions");
  if (!scope_stack_.empty()) {
    throw std::logic_error(fmt::format("VCD '{}': end_definitions() with scope '{}' still open",
                                       path_.string(), scope_stack_.back()));
  }
  write_header();
  time_ = time;
  time_pending_ = true;
  write_pending_time();
  write_text("$dumpvars\n");
  for (const Variable& var : vars_) write_value(var);
  write_text("$end\n");
  phase_ = Phase::dumping;
}

void VcdWriter::write_header() {
  write_text(fmt::format("$version Tetra $end\n$timescale {} $end\n", timescale_.to_string()));
  write_text(declarations_);
  write_text("$enddefinitions $end\n");
  declarations_.clear();
  declarations_.shrink_to_fit();
  declared_paths_.clear();
}

void VcdWriter::advance_to(std::uint64_t time) {
  require_phase(Phase::dumping, "advance time");
  if (time < time_) {
    throw std::logic_error(
        fmt::format("VCD '{}': time cannot go back from {} to {}", path_.string(), time_, time));
  }
  if (time > time_) {
    time_ = time;
    time_pending_ = true;
  }
}

void VcdWriter::change(VcdVarId id, std::span<const std::uint64_t> aval, std::span<const std::uint64_t> bval) {
  if (phase_ == Phase::closed) require_phase(Phase::dumping, "change a value");
  const Variable& var = variable(id);
  const std::size_t words = words_for(var.width);
  if (var.kind == VcdVarKind::string || aval.size() != words || bval.size() != words) {
    throw std::invalid_argument(fmt::format("VCD variable '{}' is {}: it cannot take planes of {} and {} words",
                                            var.path, describe(var), aval.size(), bval.size()));
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
  write_value(var);
}

void VcdWriter::check_bit_width(VcdVarId id, std::size_t width) const {
  const Variable& var = variable(id);
  if (var.kind == VcdVarKind::string || var.width != width) {
    throw std::invalid_argument(fmt::format("VCD variable '{}' is {}: it cannot take a {}-bit value", var.path,
                                            describe(var), width));
  }
}

void VcdWriter::change(VcdVarId var, Logic value) {
  check_bit_width(var, 1);
  const char digit = value.to_char();
  const std::array<std::uint64_t, 1> aval{digit == '1' || digit == 'x' ? 1U : 0U};
  const std::array<std::uint64_t, 1> bval{digit == 'z' || digit == 'x' ? 1U : 0U};
  change(var, aval, bval);
}

void VcdWriter::change_string(VcdVarId id, std::string_view text) {
  if (phase_ == Phase::closed) require_phase(Phase::dumping, "change a value");
  const Variable& var = variable(id);
  if (var.kind != VcdVarKind::string) {
    throw std::invalid_argument(
        fmt::format("VCD variable '{}' holds bits: it cannot take the text '{}'", var.path, text));
  }
  const bool printable = std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c <= '~'; });
  if (text.empty() || !printable) {
    throw std::invalid_argument(fmt::format(
        "VCD string variable '{}' cannot take '{}': it needs printable ASCII without spaces", var.path, text));
  }
  std::string& stored = strings_[var.value_slot];
  if (stored == text) return;
  stored.assign(text);
  if (phase_ == Phase::declaring) return;
  write_pending_time();
  write_value(var);
}

void VcdWriter::write_pending_time() {
  if (!time_pending_) return;
  char* out = reserve(2 + 20);
  *out = '#';
  const auto [end, error] = std::to_chars(out + 1, out + 21, time_);
  *end = '\n';
  buffered_ += static_cast<std::size_t>(end + 1 - out);
  time_pending_ = false;
}

void VcdWriter::write_value(const Variable& var) {
  if (var.kind == VcdVarKind::string) {
    const std::string& text = strings_[var.value_slot];
    char* out = reserve(text.size() + var.id_length + 3);
    char* const start = out;
    *out++ = 's';
    out = std::copy(text.begin(), text.end(), out);
    *out++ = ' ';
    out = std::copy_n(var.id, var.id_length, out);
    *out++ = '\n';
    buffered_ += static_cast<std::size_t>(out - start);
    return;
  }
  const std::size_t words = words_for(var.width);
  const std::uint64_t* aval = &planes_[var.value_slot];
  const std::uint64_t* bval = aval + words;
  char* out = reserve(var.width + var.id_length + 3);
  char* const start = out;
  if (var.width == 1) {
    *out++ = four_state_digit[(aval[0] & 1U) | (bval[0] & 1U) << 1];
  } else {
    *out++ = 'b';
    for (std::size_t w = words; w-- > 0;) {
      const std::uint64_t a = aval[w];
      const std::uint64_t b = bval[w];
      unsigned bit = w + 1 == words ? static_cast<unsigned>(var.width - 64 * w) : 64U;
      if (b == 0) {
        for (; bit % 8 != 0; --bit) *out++ = ((a >> (bit - 1)) & 1U) != 0 ? '1' : '0';
        for (; bit > 0; bit -= 8, out += 8) std::memcpy(out, known_byte_digits[(a >> (bit - 8)) & 0xFFU].data(), 8);
      } else {
        for (; bit > 0; --bit) *out++ = four_state_digit[((a >> (bit - 1)) & 1U) | ((b >> (bit - 1)) & 1U) << 1];
      }
    }
    *out++ = ' ';
  }
  out = std::copy_n(var.id, var.id_length, out);
  *out++ = '\n';
  buffered_ += static_cast<std::size_t>(out - start);
}

char* VcdWriter::reserve(std::size_t bytes) {
  if (buffered_ + bytes > buffer_.size()) {
    write_buffer_to_file();
    if (bytes > buffer_.size()) buffer_.resize(bytes);
  }
  return buffer_.data() + buffered_;
}

void VcdWriter::write_text(std::string_view text) {
  char* out = reserve(text.size());
  std::memcpy(out, text.data(), text.size());
  buffered_ += text.size();
}

void VcdWriter::write_buffer_to_file() {
  if (buffered_ == 0) return;
  const std::size_t written = std::fwrite(buffer_.data(), 1, buffered_, file_);
  const bool complete = written == buffered_;
  buffered_ = 0;
  if (!complete) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot write VCD file '{}'", path_.string()));
  }
}

void VcdWriter::flush() {
  require_phase(Phase::dumping, "flush");
  write_buffer_to_file();
  if (std::fflush(file_) != 0) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot write VCD file '{}'", path_.string()));
  }
}

void VcdWriter::close(std::uint64_t end_time) {
  if (phase_ == Phase::closed) return;
  if (phase_ == Phase::dumping) {
    advance_to(std::max(end_time, time_));
    write_pending_time();
  }
  close();
}

void VcdWriter::close() {
  if (phase_ == Phase::closed) return;
  std::FILE* const file = file_;
  try {
    if (phase_ == Phase::declaring) {
      // A run that failed during elaboration still leaves a file that viewers open.
      while (!scope_stack_.empty()) close_scope();
      end_definitions(time_);
    }
    write_buffer_to_file();
  } catch (...) {
    phase_ = Phase::closed;
    file_ = nullptr;
    std::fclose(file);
    throw;
  }
  phase_ = Phase::closed;
  file_ = nullptr;
  if (std::fclose(file) != 0) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot close VCD file '{}'", path_.string()));
  }
}

}  // namespace tetra
