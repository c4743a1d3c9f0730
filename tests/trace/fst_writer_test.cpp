// FstWriter's own errors. What its files hold is checked against GTKWave's fst2vcd in
// gtkwave_round_trip_test.cpp; the rules shared with VcdWriter are tested there and in
// vcd_writer_test.cpp.

#include "sim/trace/fst_writer.hpp"
#include "tests/support/expect_error.hpp"
#include "tests/trace/temp_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <fmt/format.h>
#include <system_error>

namespace tetra {
namespace {

using testing::expect_error;
using testing::TempFile;

TEST(FstWriter, ReportsAFileItCannotCreate) {
  const std::filesystem::path path = "/nonexistent-tetra-dir/trace.fst";
  try {
    FstWriter writer(path, VcdTimescale{});
    ADD_FAILURE() << "opened " << path;
  } catch (const std::system_error& error) {
    EXPECT_THAT(error.what(), ::testing::StartsWith("cannot create FST file '/nonexistent-tetra-dir/trace.fst'"));
  }
}

TEST(FstWriter, NamesItsFormatWhenMisused) {
  TempFile file("trace.fst");
  FstWriter writer(file.path(), VcdTimescale::of(1, VcdTimeUnit::ns));
  writer.open_scope("top");
  const WaveVarId data = writer.add_var("data", 8, WaveVarKind::wire);
  writer.close_scope();
  writer.end_definitions();
  expect_error<std::logic_error>([&] { writer.open_scope("late"); },
                                 fmt::format("FST '{}': cannot open a scope after end_definitions()", file.path().string()));
  expect_error<std::invalid_argument>([&] { writer.change(data, Vec<9>::zeros()); },
                                      "FST variable 'top.data' is 8 bits wide: it cannot take a 9-bit value");
  writer.change(data, Vec<8>::from_uint(5));
  writer.close(10);
  EXPECT_FALSE(writer.is_open());
  EXPECT_GT(std::filesystem::file_size(file.path()), 0U);
}

// Enough changes that fstapi compresses and writes value blocks (here also under the
// sanitizers, which gtkwave_round_trip_test does not run under).
TEST(FstWriter, WritesManyChangesOfWideAndStringVariables) {
  TempFile file("trace.fst");
  FstWriter writer(file.path(), VcdTimescale::of(1, VcdTimeUnit::ps));
  writer.open_scope("top");
  const WaveVarId wide = writer.add_var("wide", 100, WaveVarKind::reg);
  const WaveVarId name = writer.add_var("state", 1, WaveVarKind::string);
  writer.close_scope();
  writer.end_definitions();
  for (std::uint64_t step = 1; step <= 5000; ++step) {
    writer.advance_to(step);
    const std::array<std::uint64_t, 2> aval{step * 0x9E3779B97F4A7C15ULL, step};
    const std::array<std::uint64_t, 2> bval{step % 7 == 0 ? 0xF0ULL : 0, 0};
    writer.change(wide, aval, bval);
    writer.change_string(name, step % 2 == 0 ? "EVEN" : "ODD");
  }
  writer.close(5001);
  EXPECT_GT(std::filesystem::file_size(file.path()), 1000U);
}

}  // namespace
}  // namespace tetra
