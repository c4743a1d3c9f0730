#include "models/replacement_file.hpp"

#include "tests/support/file_size_limit.hpp"
#include "tests/support/temp_directory.hpp"
#include "tests/support/unprivileged_file_access.hpp"
#include "tests/support/written_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace tetra::models {
namespace {

using test_support::file_contents;
using test_support::file_names;

class ReplacementFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::ofstream(first_) << "old first";
    std::ofstream(second_) << "old second";
  }

  // The names in the directory: the two destinations and nothing left behind.
  std::set<std::string> names() const { return file_names(directory_.path()); }

  test_support::TempDirectory directory_;
  std::filesystem::path first_ = directory_.path() / "first.hex";
  std::filesystem::path second_ = directory_.path() / "second.hex";
};

TEST_F(ReplacementFileTest, ReplacesTheFileWhenCommitted) {
  ReplacementFile file(first_, "model file");
  EXPECT_EQ(file_contents(first_), "old first");
  file.write("new first");
  EXPECT_EQ(file_contents(first_), "old first");
  file.commit();
  EXPECT_EQ(file_contents(first_), "new first");
  EXPECT_EQ(names(), (std::set<std::string>{"first.hex", "second.hex"}));
}

TEST_F(ReplacementFileTest, CreatesAFileThatDidNotExist) {
  const std::filesystem::path fresh = directory_.path() / "fresh.hex";
  ReplacementFile file(fresh, "model file");
  file.write("fresh");
  file.commit();
  EXPECT_EQ(file_contents(fresh), "fresh");
}

TEST_F(ReplacementFileTest, MakesNoFileUntilWrittenSoThatAnInterruptedRunLeavesNothing) {
  const ReplacementFile file(first_, "model file");
  EXPECT_EQ(names(), (std::set<std::string>{"first.hex", "second.hex"}));
}

TEST_F(ReplacementFileTest, LeavesTheOldFileAndNoTemporaryWhenNotCommitted) {
  {
    ReplacementFile file(first_, "model file");
    file.write("new first");
  }
  EXPECT_EQ(file_contents(first_), "old first");
  EXPECT_EQ(names(), (std::set<std::string>{"first.hex", "second.hex"}));
}

TEST_F(ReplacementFileTest, AFullDiskOnTheSecondOfAPairLeavesBothOldFiles) {
  try {
    ReplacementFile first(first_, "model file");
    ReplacementFile second(second_, "model file");
    const test_support::FileSizeLimit full_after(100);
    first.write(std::string(100, 'a'));
    second.write(std::string(101, 'b'));
    ADD_FAILURE() << "the second write fitted";
  } catch (const FileWriteError& error) {
    EXPECT_EQ(error.what(), second_.string() + ": cannot write the model file: File too large");
  }
  EXPECT_EQ(file_contents(first_), "old first");
  EXPECT_EQ(file_contents(second_), "old second");
  EXPECT_EQ(names(), (std::set<std::string>{"first.hex", "second.hex"}));
}

TEST_F(ReplacementFileTest, RefusesADirectoryThatCannotTakeTheFileAtOnce) {
  std::filesystem::permissions(directory_.path(), std::filesystem::perms::owner_read |
                                                      std::filesystem::perms::owner_exec);
  const test_support::UnprivilegedFileAccess unprivileged;
  try {
    ReplacementFile file(first_, "model file");
    ADD_FAILURE() << "created a file in a read-only directory";
  } catch (const FileWriteError& error) {
    EXPECT_EQ(error.what(), first_.string() + ": cannot create the model file: Permission denied");
  }
}

TEST_F(ReplacementFileTest, RefusesToReplaceADirectoryBeforeWriting) {
  std::filesystem::remove(first_);
  std::filesystem::create_directory(first_);
  try {
    ReplacementFile file(first_, "model file");
    ADD_FAILURE() << "accepted a directory as the destination";
  } catch (const FileWriteError& error) {
    EXPECT_EQ(error.what(), first_.string() + ": cannot replace the model file: it is a directory");
  }
  EXPECT_EQ(names(), (std::set<std::string>{"first.hex", "second.hex"}));
}

}  // namespace
}  // namespace tetra::models
