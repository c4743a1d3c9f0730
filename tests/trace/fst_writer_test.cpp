// FstWriter's own errors. What its files hold is checked against GTKWave's fst2vcd in
// gtkwave_round_trip_test.cpp; the rules shared with VcdWriter are tested there and in
// vcd_writer_test.cpp.

#include "sim/trace/fst_writer.hpp"
#include "tests/support/expect_error.hpp"
#include "tests/trace/temp_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tetra
