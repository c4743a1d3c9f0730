// `tetra train`, run in-process on a tiny corpus: where it writes, that it checks the
// directory before training, and that a failure leaves the old model pair as it was.
#include "tests/support/command_run.hpp"
#include "tests/support/file_size_limit.hpp"
#include "tests/support/temp_directory.hpp"
#include "tests/support/written_files.hpp"
#include "tests/support/unprivileged_file_access.hpp"

#include "models/model_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace tetra {
namespace {

using test_support::CommandRun;
using test_support::run_tetra;
using test_support::file_contents;
using test_support::file_names;

class TrainCommand : public ::testing::Test {
protected:
  void SetUp() override {
    std::filesystem::create_directory(output_);
    std::ofstream corpus(corpus_);
    for (int repeat = 0; repeat < 40; ++repeat) corpus << "the cat sat on the mat. ";
    std::ofstream(short_corpus_) << "abc";
  }

  // Old files in the output directory, as a previous run left them.
  void write_old_pair() const {
    std::ofstream(output_ / "target.hex") << "old target";
    std::ofstream(output_ / "draft.hex") << "old draft";
  }

  test_support::TempDirectory directory_;
  std::filesystem::path output_ = directory_.path() / "models";
  std::filesystem::path corpus_ = directory_.path() / "corpus.txt";
  // Too short to train on: a run that gets as far as training fails with another message.
  std::filesystem::path short_corpus_ = directory_.path() / "short.txt";
};

// Runs in another working directory while it lives.
class WorkingDirectory {
public:
  explicit WorkingDirectory(const std::filesystem::path& path)
      : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(path);
  }
  ~WorkingDirectory() { std::filesystem::current_path(saved_); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

private:
  std::filesystem::path saved_;
};

TEST_F(TrainCommand, WritesIntoTheCurrentDirectoryByDefaultNeverTheCheckedInModels) {
  using models::default_model_path;
  using models::ModelRole;
  const std::string checked_in_target = file_contents(default_model_path(ModelRole::target));
  const std::string checked_in_draft = file_contents(default_model_path(ModelRole::draft));
  CommandRun result;
  {
    const WorkingDirectory inside(output_);
    result = run_tetra({"train", "--corpus", corpus_.string()});
  }
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("wrote ./target.hex and ./draft.hex"), std::string::npos)
      << result.out;
  EXPECT_EQ(file_names(output_), (std::set<std::string>{"target.hex", "draft.hex"}));
  EXPECT_NO_THROW(models::load_model(output_ / "target.hex", ModelRole::target));
  EXPECT_NO_THROW(models::load_model(output_ / "draft.hex", ModelRole::draft));
  EXPECT_EQ(file_contents(default_model_path(ModelRole::target)), checked_in_target);
  EXPECT_EQ(file_contents(default_model_path(ModelRole::draft)), checked_in_draft);
}

TEST_F(TrainCommand, ChecksThatTheDirectoryTakesFilesBeforeTraining) {
  std::filesystem::permissions(output_, std::filesystem::perms::owner_read |
                                            std::filesystem::perms::owner_exec);
  const test_support::UnprivilegedFileAccess unprivileged;
  const CommandRun result = run_tetra(
      {"train", "--corpus", short_corpus_.string(), "--output-dir", output_.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "tetra train: error: " + (output_ / "target.hex").string() +
                            ": cannot create the model file: Permission denied\n");
  EXPECT_TRUE(file_names(output_).empty());
}

TEST_F(TrainCommand, RefusesADirectoryInPlaceOfAModelFileBeforeTraining) {
  std::filesystem::create_directory(output_ / "draft.hex");
  const CommandRun result = run_tetra(
      {"train", "--corpus", short_corpus_.string(), "--output-dir", output_.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "tetra train: error: " + (output_ / "draft.hex").string() +
                            ": cannot replace the model file: it is a directory\n");
  EXPECT_EQ(file_names(output_), (std::set<std::string>{"draft.hex"}));
}

TEST_F(TrainCommand, AFullDiskLeavesTheOldPairAndNoPartialFile) {
  write_old_pair();
  CommandRun result;
  {
    // The target file takes about 80 KB, the draft about 18 KB.
    const test_support::FileSizeLimit full_after(40'000);
    result = run_tetra({"train", "--corpus", corpus_.string(), "--output-dir", output_.string()});
  }
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "tetra train: error: " + (output_ / "target.hex").string() +
                            ": cannot write the model file: File too large\n");
  EXPECT_EQ(file_contents(output_ / "target.hex"), "old target");
  EXPECT_EQ(file_contents(output_ / "draft.hex"), "old draft");
  EXPECT_EQ(file_names(output_), (std::set<std::string>{"target.hex", "draft.hex"}));
}

TEST_F(TrainCommand, ReplacesTheOldPairWhenBothAreWritten) {
  write_old_pair();
  const CommandRun result =
      run_tetra({"train", "--corpus", corpus_.string(), "--output-dir", output_.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NO_THROW(models::load_model(output_ / "target.hex", models::ModelRole::target));
  EXPECT_NO_THROW(models::load_model(output_ / "draft.hex", models::ModelRole::draft));
  EXPECT_EQ(file_names(output_), (std::set<std::string>{"target.hex", "draft.hex"}));
}

}  // namespace
}  // namespace tetra
