#include "models/integer_model.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tetra::models {
namespace {

// V 4, C 2, E 2, H 2; every expected value below is worked by hand in the comments.
IntegerModelParameters tiny_model() {
  IntegerModelParameters parameters;
  parameters.shape = {4, 2, 2, 2};
  parameters.embedding = {1, 2, 3, -4, -5, 6, 7, 8};
  parameters.hidden_weights = {1, 0, 0, 1, -1, 2, 3, -2};
  parameters.hidden_bias = {4, -3};
  parameters.hidden_shift = 1;
  parameters.output_weights = {1, 0, 0, 1, 2, -1, -1, -1};
  parameters.output_bias = {0, 5, -2, 10};
  parameters.mass_shift = 2;
  parameters.exp_table.assign(kExpTableSize, 0);
  for (std::size_t entry = 0; entry < 10; ++entry) {
    parameters.exp_table[entry] = static_cast<std::uint16_t>(1000 - 100 * entry);
  }
  return parameters;
}

TEST(IntegerModel, ComputesTheDocumentedArithmetic) {
  const IntegerModel model(tiny_model());
  const std::vector<Token> history{1, 3, 2};  // only the last C = 2 tokens count
  // inputs = emb[3] ++ emb[2] = 7 8 -5 6
  // unit 0: 4 + 7 + 6 = 17 -> 17 >> 1 = 8; unit 1: -3 - 7 + 16 - 15 - 12 = -21 -> 0
  EXPECT_EQ(model.hidden_accumulators(history), (std::vector<std::int32_t>{17, -21}));
  EXPECT_EQ(model.hidden_activations(history), (std::vector<std::uint8_t>{8, 0}));
  const NextTokenScores scores = model.score(history);
  // logits 8 5 14 2; distances >> 2: 1 2 0 3; masses 900 800 1000 700
  EXPECT_EQ(scores.logits, (std::vector<std::int32_t>{8, 5, 14, 2}));
  EXPECT_EQ(scores.masses, (std::vector<std::uint32_t>{900, 800, 1000, 700}));
  EXPECT_EQ(scores.total_mass, 3400u);
  EXPECT_EQ(scores.argmax, 2);
}

TEST(IntegerModel, PadsShortHistoriesWithTheUnknownToken) {
  const IntegerModel model(tiny_model());
  // inputs = emb[0] ++ emb[2] = 1 2 -5 6; unit 0: 4 + 1 + 6 = 11 -> 5; unit 1: -27 -> 0
  const NextTokenScores scores = model.score(std::vector<Token>{2});
  EXPECT_EQ(scores.logits, (std::vector<std::int32_t>{5, 5, 8, 5}));
  EXPECT_EQ(scores.masses, (std::vector<std::uint32_t>{1000, 1000, 1000, 1000}));
  EXPECT_EQ(model.score(std::vector<Token>{}).logits,
            model.score(std::vector<Token>{0, 0}).logits);
}

TEST(IntegerModel, BreaksArgmaxTiesTowardTheLowestId) {
  IntegerModelParameters parameters = tiny_model();
  parameters.output_bias[3] = 13;  // logit 3 becomes 8, equal to logit 2
  const NextTokenScores scores = IntegerModel(parameters).score(std::vector<Token>{2});
  EXPECT_EQ(scores.logits[2], scores.logits[3]);
  EXPECT_EQ(scores.argmax, 2);
}

TEST(IntegerModel, GivesZeroMassPastTheEndOfTheTable) {
  IntegerModelParameters parameters = tiny_model();
  parameters.mass_shift = 0;  // distances 6 9 0 12; table[12] = 0
  const NextTokenScores scores = IntegerModel(parameters).score(std::vector<Token>{3, 2});
  EXPECT_EQ(scores.masses, (std::vector<std::uint32_t>{400, 100, 1000, 0}));
  parameters.exp_table.assign(kExpTableSize, 7);
  const NextTokenScores beyond = IntegerModel(parameters).score(std::vector<Token>{3, 2});
  EXPECT_EQ(beyond.masses[3], 7u);  // distance 12 < 256 still reads the table
}

TEST(IntegerModel, ClampsHiddenActivationsAt127) {
  IntegerModelParameters parameters = tiny_model();
  parameters.hidden_bias[0] = 1000;  // (1000 + 13) >> 1 = 506 -> 127
  EXPECT_EQ(IntegerModel(parameters).hidden_activations(std::vector<Token>{3, 2})[0], 127);
}

TEST(IntegerModel, RejectsTokensOutsideItsVocabulary) {
  const IntegerModel model(tiny_model());
  EXPECT_THROW(model.score(std::vector<Token>{4}), std::out_of_range);
}

TEST(IntegerModelValidation, RejectsWrongTensorSizes) {
  IntegerModelParameters parameters = tiny_model();
  parameters.hidden_weights.pop_back();
  try {
    validate(parameters);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "invalid model: hidden_weights has 7 entries, expected 8");
  }
}

TEST(IntegerModelValidation, RejectsAnEmptyFirstTableEntry) {
  IntegerModelParameters parameters = tiny_model();
  parameters.exp_table[0] = 0;
  EXPECT_THROW(IntegerModel{parameters}, std::invalid_argument);
}

TEST(IntegerModelValidation, RejectsBiasesThatCouldOverflowTheAccumulator) {
  IntegerModelParameters parameters = tiny_model();
  parameters.output_bias[1] = (1 << 30) - 10;
  EXPECT_THROW(validate(parameters), std::invalid_argument);
  parameters = tiny_model();
  parameters.hidden_bias[0] = std::numeric_limits<std::int32_t>::min();
  EXPECT_THROW(validate(parameters), std::invalid_argument);
}

TEST(IntegerModelValidation, BoundsTheShapeSoThatNoAccumulatorCanOverflow) {
  EXPECT_NO_THROW(validate(ModelShape{256, 1, kMaxHiddenInputs, kMaxHiddenWidth}));
  EXPECT_NO_THROW(validate(ModelShape{256, 31, 4096, 4096}));
  try {
    validate(ModelShape{1, 256, 4096, 4096});
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "invalid model: C * E = 256 * 4096 hidden inputs is above 131071, "
                               "so the hidden accumulator could overflow int32");
  }
  try {
    validate(ModelShape{64, 1, 1, kMaxHiddenWidth + 1});
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(),
                 "invalid model: hidden width 65536 is above 65535, so a logit could pass 2^30");
  }
  // A product that wraps around 2^64 is caught as well.
  EXPECT_THROW(validate(ModelShape{64, std::size_t{1} << 32, std::size_t{1} << 32, 1}),
               std::invalid_argument);
}

TEST(IntegerModelValidation, RejectsVocabulariesAbove256) {
  IntegerModelParameters parameters = tiny_model();
  parameters.shape.vocabulary = 257;
  EXPECT_THROW(validate(parameters), std::invalid_argument);
}

}  // namespace
}  // namespace tetra::models
