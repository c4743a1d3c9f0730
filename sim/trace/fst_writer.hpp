#pragma once
// FstWriter: waveforms as an FST file, GTKWave's compressed format, written by GTKWave's
// own fstapi (the copy Verilator ships). FST files of long runs are a fraction of the
// VCD's size and open faster in GTKWave; the values are the same.

#include "sim/trace/wave_writer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tetra {

/// Writes one FST file; see WaveWriter for the lifecycle.
class FstWriter final : public WaveWriter {
 public:
  /// Creates (truncates) `path`; throws std::system_error naming the path if it cannot.
  FstWriter(const std::filesystem::path& path, VcdTimescale timescale);
  /// Closes the file as close() does, but swallows I/O errors: destructors must not throw.
  ~FstWriter() override;

 private:
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

  void* context_ = nullptr;  // fstapi's writer context
  std::vector<std::uint32_t> handles_;  // fstapi's handle of each variable
  std::string digits_;  // scratch: one value as '0', '1', 'x', 'z', most significant bit first
};

}  // namespace tetra
