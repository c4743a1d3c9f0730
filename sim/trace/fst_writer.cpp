#include "sim/trace/fst_writer.hpp"

#include <gtkwave/fstapi.h>

#include <array>
#include <cerrno>
#include <fmt/format.h>
#include <string>
#include <system_error>

namespace tetra {

namespace {

// Indexed by aval | bval << 1, the VPI encoding.
constexpr std::array<char, 4> four_state_digit{'0', '1', 'z', 'x'};

}  // namespace

FstWriter::FstWriter(const std::filesystem::path& path, VcdTimescale timescale)
    : WaveWriter(path, "FST", timescale) {
  // fstapi cannot say why it failed; opening the file first gets errno's reason.
  if (std::FILE* probe = std::fopen(path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    throw std::system_error(errno, std::generic_category(),
                            fmt::format("cannot create FST file '{}'", path.string()));
  }
  context_ = fstWriterCreate(path.c_str(), 1);
  if (context_ == nullptr) {
    throw std::system_error(EIO, std::generic_category(), fmt::format("cannot create FST file '{}'", path.string()));
  }
  fstWriterSetPackType(context_, FST_WR_PT_LZ4);
  fstWriterSetTimescaleFromString(context_, timescale.to_string().c_str());
  fstWriterSetVersion(context_, "Tetra");
}

FstWriter::~FstWriter() { close_quietly(); }

void FstWriter::write_scope(std::string_view name) {
  fstWriterSetScope(context_, FST_ST_VCD_MODULE, std::string(name).c_str(), nullptr);
}

void FstWriter::write_upscope() { fstWriterSetUpscope(context_); }

void FstWriter::write_declaration(std::uint32_t /*index*/, const Variable& var, std::string_view name) {
  static constexpr std::array<fstVarType, 3> types{FST_VT_VCD_WIRE, FST_VT_VCD_REG, FST_VT_GEN_STRING};
  const fstVarType type = types[static_cast<std::size_t>(var.kind)];
  const std::uint32_t length = var.kind == WaveVarKind::string ? 0 : var.width;
  handles_.push_back(fstWriterCreateVar(context_, type, FST_VD_IMPLICIT, length, std::string(name).c_str(), 0));
}

void FstWriter::write_dump_start(std::uint64_t time) { write_time(time); }

void FstWriter::write_dump_end() {}

void FstWriter::write_time(std::uint64_t time) { fstWriterEmitTimeChange(context_, time); }

void FstWriter::write_bits(std::uint32_t index, const Variable& var, const std::uint64_t* aval,
                           const std::uint64_t* bval) {
  digits_.resize(var.width);
  for (std::size_t bit = 0; bit < var.width; ++bit) {
    const std::uint64_t a = aval[bit / 64] >> (bit % 64);
    const std::uint64_t b = bval[bit / 64] >> (bit % 64);
    digits_[var.width - 1 - bit] = four_state_digit[(a & 1U) | (b & 1U) << 1];
  }
  fstWriterEmitValueChange(context_, handles_[index], digits_.data());
}

void FstWriter::write_text(std::uint32_t index, std::string_view text) {
  fstWriterEmitVariableLengthValueChange(context_, handles_[index], text.data(), static_cast<std::uint32_t>(text.size()));
}

void FstWriter::write_flush() { fstWriterFlushContext(context_); }

void FstWriter::write_close() {
  void* const context = context_;
  context_ = nullptr;
  fstWriterClose(context);
}

}  // namespace tetra
