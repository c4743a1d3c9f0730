#pragma once
// The deterministic trainer: floating-point training of the target, then of the draft
// (from the text and by distillation from the quantized target), then quantization to
// IntegerModelParameters.

#include "models/integer_model.hpp"

#include <filesystem>
#include <span>
#include <vector>

namespace tetra::models {

/// Hyper-parameters of one training run; the defaults produce the checked-in models.
struct TrainingOptions {
  ModelShape target_shape{64, 8, 16, 128};
  ModelShape draft_shape{64, 4, 8, 48};
  std::size_t target_epochs = 3;
  std::size_t draft_epochs = 3;
  std::size_t batch_size = 32;
  double learning_rate = 0.003;
  /// Weight of the target's distribution in the draft's training label (1 - it: the text).
  double distillation_weight = 0.5;
  /// Fraction of the corpus, at its end, held out to measure the losses.
  double held_out_fraction = 0.1;
  /// The generator starts in state seed XOR XorshiftRng::kGoldenGamma, unmixed.
  std::uint64_t seed = 1;
};

/// Losses in bits per character on the held-out text.
struct ModelQuality {
  double float_bits_per_character = 0;
  /// Of the integer model; a zero mass counts as mass 1.
  double quantized_bits_per_character = 0;
};

/// The result of train_models.
struct TrainedModels {
  IntegerModelParameters target;
  IntegerModelParameters draft;
  ModelQuality target_quality;
  ModelQuality draft_quality;
  /// Held-out positions where the draft's argmax equals the target's (greedy alpha).
  double greedy_agreement = 0;
};

/// Trains both models on a token stream; the same corpus and options give the same bits.
TrainedModels train_models(std::span<const Token> corpus, const TrainingOptions& options);

/// Reads text files into one token stream: case folded, each run of whitespace one space.
/// Throws FileReadError (models/regular_file.hpp) naming a file that cannot be read or is
/// not a regular file, with the reason.
std::vector<Token> load_corpus(std::span<const std::filesystem::path> files);

/// The licence texts every Debian system has (package base-files) that the models learn.
std::vector<std::filesystem::path> default_corpus_files();

}  // namespace tetra::models
