#include "models/trainer.hpp"

#include "models/regular_file.hpp"
#include "models/vocabulary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace tetra::models {
namespace {

// A tiny run on a repetitive text; the real models are trained by `tetra train` only.
TrainingOptions tiny_options() {
  TrainingOptions options;
  options.target_shape = {64, 3, 4, 16};
  options.draft_shape = {64, 2, 4, 8};
  options.target_epochs = 30;
  options.draft_epochs = 30;
  options.learning_rate = 0.01;
  return options;
}

std::vector<Token> tiny_corpus() {
  std::string text;
  for (int repeat = 0; repeat < 40; ++repeat) text += "the cat sat on the mat. ";
  return Vocabulary::encode(text);
}

TEST(Trainer, IsDeterministic) {
  const TrainedModels first = train_models(tiny_corpus(), tiny_options());
  const TrainedModels second = train_models(tiny_corpus(), tiny_options());
  EXPECT_EQ(first.target, second.target);
  EXPECT_EQ(first.draft, second.draft);
}

TEST(Trainer, LearnsTheTextFarBelowUniformGuessing) {
  const TrainedModels models = train_models(tiny_corpus(), tiny_options());
  const double uniform_bits = std::log2(64.0);
  EXPECT_LT(models.target_quality.float_bits_per_character, 1.0);
  EXPECT_LT(models.target_quality.quantized_bits_per_character, 1.0);
  EXPECT_LT(models.draft_quality.quantized_bits_per_character, uniform_bits / 2);
  EXPECT_GT(models.greedy_agreement, 0.5);
  EXPECT_EQ(models.target.shape, tiny_options().target_shape);
}

TEST(Trainer, RejectsACorpusTooShortToHoldOut) {
  EXPECT_THROW(train_models(Vocabulary::encode("abc"), tiny_options()), std::invalid_argument);
}

TEST(Corpus, FoldsCaseAndCollapsesWhitespace) {
  const std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / "corpus_whitespace.txt";
  {
    std::ofstream out(path);
    out << "  The\tGNU\n\n  General   Public\r\nLicense  \n";
  }
  const std::vector<std::filesystem::path> files{path, path};
  EXPECT_EQ(Vocabulary::decode(load_corpus(files)),
            "the gnu general public license the gnu general public license");
  std::filesystem::remove(path);
}

// The message of the error that loading a corpus of one file raises.
std::string corpus_error(const std::filesystem::path& file) {
  const std::vector<std::filesystem::path> files{file};
  try {
    load_corpus(files);
  } catch (const FileReadError& error) {
    return error.what();
  }
  ADD_FAILURE() << file << " loaded";
  return {};
}

TEST(Corpus, NamesAFileItCannotReadWithTheReason) {
  EXPECT_EQ(corpus_error("/nonexistent/corpus.txt"),
            "/nonexistent/corpus.txt: cannot open the corpus file: No such file or directory");
}

TEST(Corpus, RefusesADeviceInsteadOfReadingItForever) {
  EXPECT_EQ(corpus_error("/dev/zero"),
            "/dev/zero: cannot read the corpus file: it is a character device, not a regular "
            "file");
}

}  // namespace
}  // namespace tetra::models
