#include "models/model_file.hpp"

#include "text/quoted_excerpt.hpp"
#include "models/regular_file.hpp"
#include "models/replacement_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <sstream>

namespace tetra::models {

namespace {

// Widths, in hex digits, of the words of each kind.
constexpr int kHeaderDigits = 8;
constexpr int kInt8Digits = 2;
constexpr int kInt32Digits = 8;
constexpr int kTableDigits = 4;

// Bounds on header dimensions, so that a corrupt header cannot ask for huge tensors.
constexpr std::uint32_t kMaxContext = 256;
constexpr std::uint32_t kMaxWidth = 4096;

// Header words: magic, version, role, V, C, E, H, hidden_shift, mass_shift, table size.
constexpr std::size_t kHeaderWords = 10;

class WordWriter {
public:
  explicit WordWriter(std::ostream& out) : out_(out) {}

  void comment(std::string_view text) { out_ << "// " << text << '\n'; }

  void word(std::uint32_t value, int digits, std::string_view note = {}) {
    out_ << fmt::format("{:0{}x}", value, digits);
    if (!note.empty()) out_ << " // " << note;
    out_ << '\n';
    checksum_ += value;
  }

  template <typename Signed>
  void signed_words(const std::vector<Signed>& values, int digits) {
    for (Signed value : values) {
      const auto raw = static_cast<std::uint32_t>(static_cast<std::int32_t>(value));
      word(digits == 8 ? raw : raw & ((1u << (4 * digits)) - 1), digits);
    }
  }

  std::uint32_t checksum() const { return checksum_; }

private:
  std::ostream& out_;
  std::uint32_t checksum_ = 0;
};

class WordReader {
public:
  WordReader(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  // The next word, which must have exactly `digits` hex digits; `what` names it in errors.
  std::uint32_t word(int digits, const std::function<std::string()>& what) {
    const std::string_view token = next_token();
    if (token.empty()) {
      fail(fmt::format("expected {} ({} hex digits), found end of file", what(), digits));
    }
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value, 16);
    if (static_cast<int>(token.size()) != digits || error != std::errc{} ||
        end != token.data() + token.size()) {
      fail(fmt::format("expected {} ({} hex digits), found {}", what(), digits,
                       quoted_excerpt(token)));
    }
    checksum_ += value;
    return value;
  }

  std::int32_t signed_word(int digits, const std::function<std::string()>& what) {
    const std::uint32_t raw = word(digits, what);
    if (digits == 8) return static_cast<std::int32_t>(raw);
    const std::uint32_t sign = 1u << (4 * digits - 1);
    return static_cast<std::int32_t>(raw ^ sign) - static_cast<std::int32_t>(sign);
  }

  void expect_end() {
    const std::string_view token = next_token();
    if (!token.empty()) fail(fmt::format("expected end of file, found {}", quoted_excerpt(token)));
  }

  std::uint32_t checksum() const { return checksum_; }

  [[noreturn]] void fail(const std::string& message) const {
    throw ModelFileError(fmt::format("{}:{}: {}", path_, line_number_, message));
  }

private:
  // The word on the next line that holds one, without its comment; empty at end of file.
  std::string_view next_token() {
    while (position_ < text_.size()) {
      const std::size_t line_end = std::min(text_.find('\n', position_), text_.size());
      std::string_view line(text_.data() + position_, line_end - position_);
      position_ = line_end + 1;
      ++line_number_;
      if (const std::size_t comment = line.find("//"); comment != std::string_view::npos) {
        line = line.substr(0, comment);
      }
      const std::size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) continue;
      const std::size_t last = line.find_last_not_of(" \t\r");
      line = line.substr(first, last - first + 1);
      if (line.find_first_of(" \t") != std::string_view::npos) {
        fail(fmt::format("expected one word on the line, found {}", quoted_excerpt(line)));
      }
      return line;
    }
    ++line_number_;
    return {};
  }

  std::string path_;
  std::string text_;
  std::size_t position_ = 0;
  std::size_t line_number_ = 0;
  std::uint32_t checksum_ = 0;
};

template <typename Value>
std::vector<Value> read_tensor(WordReader& reader, std::string_view name, std::size_t count,
                               int digits) {
  std::vector<Value> values(count);
  for (std::size_t index = 0; index < count; ++index) {
    const auto what = [&] { return fmt::format("{}[{}]", name, index); };
    if constexpr (std::is_signed_v<Value>) {
      values[index] = static_cast<Value>(reader.signed_word(digits, what));
    } else {
      values[index] = static_cast<Value>(reader.word(digits, what));
    }
  }
  return values;
}

std::uint32_t read_header_word(WordReader& reader, std::string_view name, std::uint32_t low,
                             std::uint32_t high) {
  const std::uint32_t value = reader.word(kHeaderDigits, [&] { return std::string(name); });
  if (value < low || value > high) {
    reader.fail(fmt::format("expected {} in {}..{}, found {}", name, low, high, value));
  }
  return value;
}

}  // namespace

std::string_view role_name(ModelRole role) {
  return role == ModelRole::target ? "target" : "draft";
}

std::filesystem::path default_model_path(ModelRole role) {
  return std::filesystem::path(TETRA_MODEL_DATA_DIR) / fmt::format("{}.hex", role_name(role));
}

std::string model_file_text(const IntegerModelParameters& parameters, ModelRole role) {
  validate(parameters);
  const ModelShape& shape = parameters.shape;
  std::ostringstream text;
  WordWriter writer(text);
  writer.comment(fmt::format("Tetra integer language model ({}), format version {}.",
                             role_name(role), kModelFileVersion));
  writer.comment("One hex word per line, for Verilog $readmemh; layout in docs/models.md.");
  writer.comment("header");
  writer.word(kModelFileMagic, kHeaderDigits, "magic 'TETR'");
  writer.word(kModelFileVersion, kHeaderDigits, "format version");
  writer.word(static_cast<std::uint32_t>(role), kHeaderDigits, "role: 0 target, 1 draft");
  writer.word(static_cast<std::uint32_t>(shape.vocabulary), kHeaderDigits, "V vocabulary");
  writer.word(static_cast<std::uint32_t>(shape.context), kHeaderDigits, "C context");
  writer.word(static_cast<std::uint32_t>(shape.embedding), kHeaderDigits, "E embedding width");
  writer.word(static_cast<std::uint32_t>(shape.hidden), kHeaderDigits, "H hidden width");
  writer.word(parameters.hidden_shift, kHeaderDigits, "hidden_shift");
  writer.word(parameters.mass_shift, kHeaderDigits, "mass_shift");
  writer.word(static_cast<std::uint32_t>(kExpTableSize), kHeaderDigits, "exp_table entries");
  writer.comment("embedding: V x E int8, row per token");
  writer.signed_words(parameters.embedding, kInt8Digits);
  writer.comment("hidden_weights: H x (C*E) int8, row per hidden unit, oldest token first");
  writer.signed_words(parameters.hidden_weights, kInt8Digits);
  writer.comment("hidden_bias: H int32");
  writer.signed_words(parameters.hidden_bias, kInt32Digits);
  writer.comment("output_weights: V x H int8, row per token");
  writer.signed_words(parameters.output_weights, kInt8Digits);
  writer.comment("output_bias: V int32");
  writer.signed_words(parameters.output_bias, kInt32Digits);
  writer.comment("exp_table: 256 x uint16 masses");
  for (std::uint16_t mass : parameters.exp_table) writer.word(mass, kTableDigits);
  writer.comment("checksum: sum of every word above, modulo 2^32");
  const std::uint32_t checksum = writer.checksum();
  writer.word(checksum, kHeaderDigits);
  return text.str();
}

void save_model(const std::filesystem::path& path, const IntegerModelParameters& parameters,
                ModelRole role) {
  const std::string text = model_file_text(parameters, role);
  try {
    ReplacementFile file(path, "model file");
    file.write(text);
    file.commit();
  } catch (const FileWriteError& error) {
    throw ModelFileError(error.what());
  }
}

namespace {

// The fewest bytes a file of this shape can hold: every word with its digits, a newline
// after all but the last, and no comments.
std::size_t minimum_file_size(const ModelShape& shape) {
  const std::size_t int8_words = shape.vocabulary * shape.embedding +
                                 shape.hidden * shape.hidden_inputs() +
                                 shape.vocabulary * shape.hidden;
  const std::size_t int32_words = shape.hidden + shape.vocabulary;
  return (kHeaderWords + 1) * (kHeaderDigits + 1) + int8_words * (kInt8Digits + 1) +
         int32_words * (kInt32Digits + 1) + kExpTableSize * (kTableDigits + 1) - 1;
}

IntegerModelParameters read_model(const std::filesystem::path& path, ModelRole expected_role) {
  std::string contents;
  try {
    contents = read_regular_file(path, "model file");
  } catch (const FileReadError& error) {
    throw ModelFileError(error.what());
  }
  const std::size_t file_size = contents.size();
  WordReader reader(path.string(), std::move(contents));

  const std::uint32_t magic = reader.word(kHeaderDigits, [] { return std::string("magic"); });
  if (magic != kModelFileMagic) {
    reader.fail(fmt::format("expected magic {:08x} ('TETR'), found {:08x}", kModelFileMagic,
                            magic));
  }
  const std::uint32_t version =
      reader.word(kHeaderDigits, [] { return std::string("format version"); });
  if (version != kModelFileVersion) {
    reader.fail(fmt::format("expected format version {}, found {}", kModelFileVersion, version));
  }
  const std::uint32_t role = read_header_word(reader, "role", 0, 1);
  if (role != static_cast<std::uint32_t>(expected_role)) {
    reader.fail(fmt::format("expected a {} model, found a {} model", role_name(expected_role),
                            role_name(static_cast<ModelRole>(role))));
  }

  IntegerModelParameters parameters;
  ModelShape& shape = parameters.shape;
  shape.vocabulary = read_header_word(reader, "vocabulary size V", 1, kMaxVocabularySize);
  shape.context = read_header_word(reader, "context length C", 1, kMaxContext);
  shape.embedding = read_header_word(reader, "embedding width E", 1, kMaxWidth);
  shape.hidden = read_header_word(reader, "hidden width H", 1, kMaxWidth);
  // The shape decides how much the tensors take, so it is checked before they exist.
  try {
    validate(shape);
  } catch (const std::invalid_argument& error) {
    reader.fail(error.what());
  }
  if (const std::size_t needed = minimum_file_size(shape); file_size < needed) {
    throw ModelFileError(fmt::format(
        "{}: the header declares V {}, C {}, E {}, H {}, which take at least {} bytes, but "
        "the file has {}",
        path.string(), shape.vocabulary, shape.context, shape.embedding, shape.hidden, needed,
        file_size));
  }
  parameters.hidden_shift = read_header_word(reader, "hidden_shift", 0, 31);
  parameters.mass_shift = read_header_word(reader, "mass_shift", 0, 31);
  read_header_word(reader, "exp_table entries", kExpTableSize, kExpTableSize);

  parameters.embedding = read_tensor<std::int8_t>(reader, "embedding",
                                                  shape.vocabulary * shape.embedding, kInt8Digits);
  parameters.hidden_weights = read_tensor<std::int8_t>(
      reader, "hidden_weights", shape.hidden * shape.hidden_inputs(), kInt8Digits);
  parameters.hidden_bias =
      read_tensor<std::int32_t>(reader, "hidden_bias", shape.hidden, kInt32Digits);
  parameters.output_weights = read_tensor<std::int8_t>(
      reader, "output_weights", shape.vocabulary * shape.hidden, kInt8Digits);
  parameters.output_bias =
      read_tensor<std::int32_t>(reader, "output_bias", shape.vocabulary, kInt32Digits);
  parameters.exp_table =
      read_tensor<std::uint16_t>(reader, "exp_table", kExpTableSize, kTableDigits);

  const std::uint32_t computed = reader.checksum();
  const std::uint32_t stored = reader.word(kHeaderDigits, [] { return std::string("checksum"); });
  if (stored != computed) {
    reader.fail(fmt::format("expected checksum {:08x}, found {:08x}", computed, stored));
  }
  reader.expect_end();

  try {
    validate(parameters);
  } catch (const std::invalid_argument& error) {
    throw ModelFileError(fmt::format("{}: {}", path.string(), error.what()));
  }
  return parameters;
}

}  // namespace

IntegerModelParameters load_model(const std::filesystem::path& path, ModelRole expected_role) {
  try {
    return read_model(path, expected_role);
  } catch (const std::bad_alloc&) {
    throw ModelFileError(fmt::format("{}: not enough memory to load the model file",
                                     path.string()));
  }
}

}  // namespace tetra::models
