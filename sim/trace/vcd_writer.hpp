#pragma once
// VcdWriter: waveforms as a VCD file (IEEE 1364 §18, with GTKWave's string variables).
// The header and a $dumpvars block of initial values come first, then only the values
// that changed, under a "#<time>" line only when something did.

#include "sim/trace/wave_writer.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tetra {

/// The VCD identifier code of the index-th variable: base-94 over printable ASCII
/// ('!' to '~'), shortest codes first ("!", ..., "~", "!!", "\"!", ...).
std::string vcd_identifier(std::size_t index);

/// Writes one VCD file; see WaveWriter for the lifecycle.
class VcdWriter final : public WaveWriter {
 public:
  /// Creates (truncates) `path`; throws std::system_error naming the path if it cannot.
  VcdWriter(const std::filesystem::path& path, VcdTimescale timescale);
  /// Closes the file as close() does, but swallows I/O errors: destructors must not throw.
  ~VcdWriter() override;

 private:
  struct Identifier {
    std::uint8_t length;
    char code[7];
  };

  void write_scope(std::string_view name) override;
  void write_upscope() override;
  void write_declaration(std::uint32_t index, const Variable& var, std::string_view name) override;
  void write_dump_start(std::uint64_t time) override;
  void write_dump_end() override;
  void write_time(std::uint64_t time) override;
  void write_bits(std::uint32_t index, const Variable& var, const std::uint64_t* aval,
                  const std::uint64_t* bval) override;
  void write_text(std::uint32_t index, std::string_view text) override;
  void write_flush() override;
  void write_close() override;

  char* reserve(std::size_t bytes);
  void append(std::string_view text);
  void write_buffer_to_file();

  std::FILE* file_ = nullptr;
  std::vector<Identifier> ids_;
  std::string declarations_;  // $scope/$var lines, written out at write_dump_start
  std::vector<char> buffer_;
  std::size_t buffered_ = 0;
};

}  // namespace tetra
