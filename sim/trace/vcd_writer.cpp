#include "sim/trace/vcd_writer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fmt/format.h>
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

}  // namespace

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
    : WaveWriter(path, "VCD", timescale), buffer_(buffer_capacity) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot create VCD file '{}'", path.string()));
  }
}

VcdWriter::~VcdWriter() { close_quietly(); }

void VcdWriter::write_scope(std::string_view name) { declarations_ += fmt::format("$scope module {} $end\n", name); }

void VcdWriter::write_upscope() { declarations_ += "$upscope $end\n"; }

void VcdWriter::write_declaration(std::uint32_t index, const Variable& var, std::string_view name) {
  const std::string id = vcd_identifier(index);
  Identifier identifier{static_cast<std::uint8_t>(id.size()), {}};
  std::memcpy(identifier.code, id.data(), id.size());
  ids_.push_back(identifier);

  static constexpr std::array<std::string_view, 3> kind_names{"wire", "reg", "string"};
  declarations_ += fmt::format("$var {} {} {} {}", kind_names[static_cast<std::size_t>(var.kind)], var.width, id, name);
  if (var.width > 1) declarations_ += fmt::format(" [{}:0]", var.width - 1);
  declarations_ += " $end\n";
}

void VcdWriter::write_dump_start(std::uint64_t time) {
  append(fmt::format("$version Tetra $end\n$timescale {} $end\n", timescale().to_string()));
  append(declarations_);
  append("$enddefinitions $end\n");
  declarations_.clear();
  declarations_.shrink_to_fit();
  write_time(time);
  append("$dumpvars\n");
}

void VcdWriter::write_dump_end() { append("$end\n"); }

void VcdWriter::write_time(std::uint64_t time) {
  char* out = reserve(2 + 20);
  *out = '#';
  const auto [end, error] = std::to_chars(out + 1, out + 21, time);
  *end = '\n';
  buffered_ += static_cast<std::size_t>(end + 1 - out);
}

void VcdWriter::write_text(std::uint32_t index, std::string_view text) {
  const Identifier& id = ids_[index];
  char* out = reserve(text.size() + id.length + 3);
  char* const start = out;
  *out++ = 's';
  out = std::copy(text.begin(), text.end(), out);
  *out++ = ' ';
  out = std::copy_n(id.code, id.length, out);
  *out++ = '\n';
  buffered_ += static_cast<std::size_t>(out - start);
}

void VcdWriter::write_bits(std::uint32_t index, const Variable& var, const std::uint64_t* aval,
                           const std::uint64_t* bval) {
  const Identifier& id = ids_[index];
  const std::size_t words = (var.width + 63) / 64;
  char* out = reserve(var.width + id.length + 3);
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
  out = std::copy_n(id.code, id.length, out);
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

void VcdWriter::append(std::string_view text) {
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
                            fmt::format("cannot write VCD file '{}'", path().string()));
  }
}

void VcdWriter::write_flush() {
  write_buffer_to_file();
  if (std::fflush(file_) != 0) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot write VCD file '{}'", path().string()));
  }
}

void VcdWriter::write_close() {
  std::FILE* const file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot close VCD file '{}'", path().string()));
  }
}

}  // namespace tetra
