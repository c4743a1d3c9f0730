#include "models/model_file.hpp"

#include "models/decoder.hpp"
#include "models/vocabulary.hpp"
#include "synthetic_models.hpp"
#include "tests/support/file_size_limit.hpp"
#include "tests/support/unprivileged_file_access.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace tetra::models {
namespace {

std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << '\n';
}

// Index of the first line that holds word number `word` (0-based), skipping comments.
std::size_t line_of_word(const std::vector<std::string>& lines, std::size_t word) {
  for (std::size_t index = 0; index < lines.size(); ++index) {
    if (lines[index].rfind("//", 0) == 0) continue;
    if (word-- == 0) return index;
  }
  throw std::out_of_range("no such word");
}

class ModelFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
             ".hex");
    parameters_ = testing::random_model({5, 2, 3, 4}, 7);
    save_model(path_, parameters_, ModelRole::draft);
    lines_ = read_lines(path_);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // The message of the ModelFileError that loading the (edited) file raises.
  std::string load_error(const std::vector<std::string>& lines,
                         ModelRole role = ModelRole::draft) {
    write_lines(path_, lines);
    IntegerModelParameters loaded = parameters_;
    loaded.hidden_shift = 99;
    try {
      loaded = load_model(path_, role);
    } catch (const ModelFileError& error) {
      EXPECT_EQ(loaded.hidden_shift, 99u) << "a failed load must leave nothing behind";
      return error.what();
    }
    ADD_FAILURE() << "the file loaded";
    return {};
  }

  std::string at_line(std::size_t index) const {
    return path_.string() + ":" + std::to_string(index + 1) + ": ";
  }

  std::filesystem::path path_;
  IntegerModelParameters parameters_;
  std::vector<std::string> lines_;
};

// Header words: magic, version, role, V, C, E, H, hidden_shift, mass_shift, table size.
constexpr std::size_t kHeaderWords = 10;

TEST_F(ModelFileTest, RoundTripsEveryParameter) {
  EXPECT_EQ(load_model(path_, ModelRole::draft), parameters_);
}

TEST_F(ModelFileTest, RoundTripsTheLargestVocabulary) {
  const IntegerModelParameters largest = testing::random_model({256, 2, 3, 4}, 9);
  save_model(path_, largest, ModelRole::target);
  EXPECT_EQ(load_model(path_, ModelRole::target), largest);
}

// Lower-case hex digits, then nothing or " // " and a note ($readmemh's syntax).
bool is_word_line(const std::string& line) {
  const std::size_t digits = line.find_first_not_of("0123456789abcdef");
  if (digits == 0) return false;
  return digits == std::string::npos || (line.compare(digits, 4, " // ") == 0 &&
                                         line.size() > digits + 4);
}

TEST_F(ModelFileTest, HoldsOneHexWordPerLineForReadmemh) {
  std::size_t words = 0;
  for (const std::string& line : lines_) {
    if (line.rfind("// ", 0) == 0) continue;
    EXPECT_TRUE(is_word_line(line)) << line;
    ++words;
  }
  const ModelShape& shape = parameters_.shape;
  EXPECT_EQ(words, kHeaderWords + shape.vocabulary * shape.embedding +
                       shape.hidden * shape.hidden_inputs() + shape.hidden +
                       shape.vocabulary * shape.hidden + shape.vocabulary + kExpTableSize + 1);
  EXPECT_EQ(lines_[line_of_word(lines_, 0)], "54455452 // magic 'TETR'");
  EXPECT_EQ(lines_[line_of_word(lines_, 3)], "00000005 // V vocabulary");
  // An int8 word is its two's complement byte: embedding[0] of this model.
  const auto byte = static_cast<std::uint8_t>(parameters_.embedding[0]);
  EXPECT_EQ(std::stoul(lines_[line_of_word(lines_, kHeaderWords)], nullptr, 16), byte);
}

TEST_F(ModelFileTest, ReportsAFileTooShortForItsHeaderBeforeReadingTheTensors) {
  const std::size_t cut = line_of_word(lines_, kHeaderWords + 2);  // embedding[2] is missing
  const std::vector<std::string> truncated(lines_.begin(),
                                           lines_.begin() + static_cast<std::ptrdiff_t>(cut));
  write_lines(path_, truncated);
  // 11 header and checksum words of 9 bytes (digits and newline), 59 int8 words of 3, 9
  // int32 words of 9, 256 table words of 5, no newline after the last: 1636 bytes.
  EXPECT_EQ(load_error(truncated),
            path_.string() + ": the header declares V 5, C 2, E 3, H 4, which take at least "
                             "1636 bytes, but the file has " +
                std::to_string(std::filesystem::file_size(path_)));
}

TEST_F(ModelFileTest, ReportsATruncatedFileWithTheMissingWord) {
  std::vector<std::string> truncated = lines_;
  truncated.pop_back();  // the checksum
  EXPECT_EQ(load_error(truncated),
            at_line(truncated.size()) + "expected checksum (8 hex digits), found end of file");
}

// A draft file whose header declares `shape`, followed by `words` int8 words of zero.
std::vector<std::string> declared_model(const ModelShape& shape, std::size_t words) {
  std::vector<std::string> lines{"54455452", "00000001", "00000001"};
  for (const std::size_t value :
       {shape.vocabulary, shape.context, shape.embedding, shape.hidden, std::size_t{8},
        std::size_t{6}, kExpTableSize}) {
    lines.push_back(fmt::format("{:08x}", value));
  }
  lines.insert(lines.end(), words, "00");
  return lines;
}

TEST_F(ModelFileTest, RefusesAShapeWhoseAccumulatorCouldOverflowBeforeAllocatingIt) {
  // 12 KB declaring 4 Gi hidden weights: the loader used to allocate and clear 4 GiB
  // (23 s) before it found the end of the file.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(load_error(declared_model({1, 256, 4096, 4096}, 4096)),
            at_line(6) + "invalid model: C * E = 256 * 4096 hidden inputs is above 131071, so "
                         "the hidden accumulator could overflow int32");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST_F(ModelFileTest, RefusesAValidShapeTheFileIsFarTooShortFor) {
  // 520 Mi hidden weights are a legal shape, but these 12,378 bytes cannot hold them.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(load_error(declared_model({1, 31, 4096, 4096}, 4096)),
            path_.string() + ": the header declares V 1, C 31, E 4096, H 4096, which take at "
                             "least 1560343915 bytes, but the file has 12378");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST_F(ModelFileTest, ReportsANonHexWord) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = "g1";
  EXPECT_EQ(load_error(lines_), at_line(line) + "expected embedding[1] (2 hex digits), found 'g1'");
}

TEST_F(ModelFileTest, ReportsAWordOfTheWrongWidth) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = "0ff";
  EXPECT_EQ(load_error(lines_), at_line(line) + "expected embedding[1] (2 hex digits), found '0ff'");
}

TEST_F(ModelFileTest, ReportsRawBytesOfAWordAsEscapes) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = "\x1b]0;owned\x07\x1b[2Jff";
  EXPECT_EQ(load_error(lines_), at_line(line) + "expected embedding[1] (2 hex digits), found "
                                                R"('\x1b]0;owned\x07\x1b[2Jff')");
}

TEST_F(ModelFileTest, ReportsAHugeWordByItsStartAndItsSize) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = std::string(1 << 20, 'f');
  EXPECT_EQ(load_error(lines_), at_line(line) + "expected embedding[1] (2 hex digits), found '" +
                                    std::string(40, 'f') + "'... (1048576 bytes)");
}

TEST_F(ModelFileTest, ReportsALineOfSeveralWordsByItsStart) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = "00 " + std::string(1 << 20, '1');
  EXPECT_EQ(load_error(lines_), at_line(line) + "expected one word on the line, found '00 " +
                                    std::string(37, '1') + "'... (1048579 bytes)");
}

TEST_F(ModelFileTest, ReportsACorruptWeightThroughTheChecksum) {
  const std::size_t line = line_of_word(lines_, kHeaderWords + 1);
  lines_[line] = lines_[line] == "00" ? "01" : "00";
  const std::string error = load_error(lines_);
  EXPECT_NE(error.find(at_line(lines_.size() - 1) + "expected checksum "), std::string::npos)
      << error;
}

TEST_F(ModelFileTest, ReportsAnotherFormatVersion) {
  lines_[line_of_word(lines_, 1)] = "00000002";
  EXPECT_EQ(load_error(lines_),
            at_line(line_of_word(lines_, 1)) + "expected format version 1, found 2");
}

TEST_F(ModelFileTest, ReportsAnotherMagic) {
  lines_[line_of_word(lines_, 0)] = "00000000";
  EXPECT_EQ(load_error(lines_),
            at_line(line_of_word(lines_, 0)) + "expected magic 54455452 ('TETR'), found 00000000");
}

TEST_F(ModelFileTest, ReportsADraftLoadedAsTheTarget) {
  EXPECT_EQ(load_error(lines_, ModelRole::target),
            at_line(line_of_word(lines_, 2)) + "expected a target model, found a draft model");
}

TEST_F(ModelFileTest, ReportsAnImpossibleDimension) {
  lines_[line_of_word(lines_, 3)] = "00000101";
  EXPECT_EQ(load_error(lines_),
            at_line(line_of_word(lines_, 3)) + "expected vocabulary size V in 1..256, found 257");
}

TEST_F(ModelFileTest, ReportsWordsAfterTheChecksum) {
  lines_.push_back("00");
  EXPECT_EQ(load_error(lines_), at_line(lines_.size() - 1) + "expected end of file, found '00'");
}

// The message of the ModelFileError that loading `path` raises.
std::string error_loading(const std::filesystem::path& path) {
  try {
    load_model(path, ModelRole::draft);
  } catch (const ModelFileError& error) {
    return error.what();
  }
  ADD_FAILURE() << path << " loaded";
  return {};
}

TEST_F(ModelFileTest, ReportsAMissingFileWithTheReason) {
  std::filesystem::remove(path_);
  EXPECT_EQ(error_loading(path_),
            path_.string() + ": cannot open the model file: No such file or directory");
}

TEST_F(ModelFileTest, ReportsAFileItMayNotReadWithTheReason) {
  std::filesystem::permissions(path_, std::filesystem::perms::none);
  const test_support::UnprivilegedFileAccess unprivileged;
  EXPECT_EQ(error_loading(path_),
            path_.string() + ": cannot open the model file: Permission denied");
}

TEST_F(ModelFileTest, RefusesADirectory) {
  const std::filesystem::path directory = path_.parent_path();
  EXPECT_EQ(error_loading(directory),
            directory.string() + ": cannot read the model file: it is a directory, not a "
                                 "regular file");
}

TEST_F(ModelFileTest, RefusesADeviceInsteadOfReadingItForever) {
  EXPECT_EQ(error_loading("/dev/zero"),
            "/dev/zero: cannot read the model file: it is a character device, not a regular "
            "file");
}

TEST_F(ModelFileTest, RefusesAFifoInsteadOfWaitingForAWriter) {
  std::filesystem::remove(path_);
  ASSERT_EQ(::mkfifo(path_.c_str(), 0600), 0);
  EXPECT_EQ(error_loading(path_),
            path_.string() + ": cannot read the model file: it is a FIFO, not a regular file");
}

TEST_F(ModelFileTest, ReportsAFileThatFailsToReadWithTheReason) {
  // A regular file by its mode, whose first page is not mapped: read() fails with EIO.
  EXPECT_EQ(error_loading("/proc/self/mem"),
            "/proc/self/mem: cannot read the model file: Input/output error");
}

TEST_F(ModelFileTest, AFailedSaveLeavesTheOldFileAndNoPartialOne) {
  const IntegerModelParameters other = testing::random_model({5, 2, 3, 4}, 8);
  try {
    const test_support::FileSizeLimit full_after(1000);
    save_model(path_, other, ModelRole::draft);
    ADD_FAILURE() << "the model fitted in 1000 bytes";
  } catch (const ModelFileError& error) {
    EXPECT_EQ(error.what(), path_.string() + ": cannot write the model file: File too large");
  }
  EXPECT_EQ(load_model(path_, ModelRole::draft), parameters_);
  for (const auto& entry : std::filesystem::directory_iterator(path_.parent_path())) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(path_.filename().string() + "."))
        << entry.path();
  }
}

TEST_F(ModelFileTest, AcceptsCommentsBlankLinesAndUpperCaseHex) {
  std::vector<std::string> edited{"", "// a comment the writer did not make", "   "};
  for (std::string line : lines_) {
    for (char& character : line) {
      if (line.rfind("//", 0) != 0) character = static_cast<char>(std::toupper(character));
    }
    edited.push_back(line.substr(0, line.find(" //")));
  }
  write_lines(path_, edited);
  EXPECT_EQ(load_model(path_, ModelRole::draft), parameters_);
}

// The checked-in models: pins their format and arithmetic, so that an accidental
// change of either shows up here.
TEST(CheckedInModels, LoadWithTheDocumentedShapes) {
  const IntegerModelParameters target = load_model(default_model_path(ModelRole::target),
                                                   ModelRole::target);
  const IntegerModelParameters draft = load_model(default_model_path(ModelRole::draft),
                                                  ModelRole::draft);
  EXPECT_EQ(target.shape, (ModelShape{64, 8, 16, 128}));
  EXPECT_EQ(draft.shape, (ModelShape{64, 4, 8, 48}));
  EXPECT_LT(target.shape.weight_bytes(), 64u * 1024u);
  EXPECT_GT(target.shape.weight_bytes(), 4 * draft.shape.weight_bytes());
}

TEST(CheckedInModels, GiveTheirRecordedOutputs) {
  const IntegerModel target(load_model(default_model_path(ModelRole::target), ModelRole::target));
  const IntegerModel draft(load_model(default_model_path(ModelRole::draft), ModelRole::draft));
  const std::vector<Token> history = Vocabulary::encode("the licen");
  const NextTokenScores target_scores = target.score(history);
  EXPECT_EQ(target_scores.argmax, Vocabulary::token_of('s'));
  EXPECT_EQ(target_scores.logits[Vocabulary::token_of('s')], 9456);
  EXPECT_EQ(target_scores.logits[Vocabulary::token_of(' ')], 3563);
  EXPECT_EQ(target_scores.masses[Vocabulary::token_of('c')], 31u);
  EXPECT_EQ(target_scores.total_mass, 67029u);
  const NextTokenScores draft_scores = draft.score(history);
  EXPECT_EQ(draft_scores.argmax, Vocabulary::token_of('s'));
  EXPECT_EQ(draft_scores.logits[draft_scores.argmax], 5407);
  EXPECT_EQ(draft_scores.total_mass, 78762u);

  const std::vector<Token> prompt = Vocabulary::encode("the ");
  EXPECT_EQ(Vocabulary::decode(
                decode_autoregressive(target, prompt, {40, 0, DecodeMode::greedy, 1}).tokens),
            "program the work of the library in or co");
  const DecodeResult sampled = decode_speculative(target, draft, prompt,
                                                  {40, 4, DecodeMode::sample, 1});
  EXPECT_EQ(Vocabulary::decode(sampled.tokens), "limitation e) permine derived, the wioli");
  EXPECT_EQ(sampled.statistics.iterations, 14u);
  EXPECT_EQ(sampled.statistics.accepted(), 26u);
  EXPECT_EQ(sampled.statistics.rejections, 9u);
}

}  // namespace
}  // namespace tetra::models
