#include "apps/train_command.hpp"

#include "apps/number_option.hpp"

#include "models/model_file.hpp"
#include "models/replacement_file.hpp"
#include "models/trainer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <memory>

namespace tetra::apps {

namespace {

using namespace tetra::models;

struct TrainArguments {
  std::vector<std::string> corpus_files;
  // The current directory, like a compiler's output: the checked-in models change only
  // when asked for by name (--output-dir models/data).
  std::string output_directory = ".";
  std::uint64_t seed = TrainingOptions{}.seed;
};

void run_train(const TrainArguments& arguments, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path directory = arguments.output_directory;
  // Made before training, so that a directory that cannot take the files fails at once;
  // both are written before either replaces its old file, so that a failure leaves the
  // old pair as it was.
  ReplacementFile target_file(directory / "target.hex", "model file");
  ReplacementFile draft_file(directory / "draft.hex", "model file");
  std::vector<std::filesystem::path> files(arguments.corpus_files.begin(),
                                           arguments.corpus_files.end());
  if (files.empty()) files = default_corpus_files();
  const std::vector<Token> corpus = load_corpus(files);
  TrainingOptions options;
  options.seed = arguments.seed;
  const TrainedModels models = train_models(corpus, options);
  target_file.write(model_file_text(models.target, ModelRole::target));
  draft_file.write(model_file_text(models.draft, ModelRole::draft));
  target_file.commit();
  draft_file.commit();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  out << fmt::format("corpus: {} files, {} characters\n", files.size(), corpus.size());
  for (const auto& [name, parameters, quality] :
       {std::tuple{"target", &models.target, &models.target_quality},
        std::tuple{"draft", &models.draft, &models.draft_quality}}) {
    const ModelShape& shape = parameters->shape;
    out << fmt::format(
        "{:<6}: V {} C {} E {} H {}, {} weight bytes, hidden_shift {}, mass_shift {}; held-out "
        "bits/char: float {:.3f}, integer {:.3f}\n",
        name, shape.vocabulary, shape.context, shape.embedding, shape.hidden,
        shape.weight_bytes(), parameters->hidden_shift, parameters->mass_shift,
        quality->float_bits_per_character, quality->quantized_bits_per_character);
  }
  out << fmt::format("held-out greedy agreement of draft with target: {:.4f}\n",
                     models.greedy_agreement);
  out << fmt::format("wrote {} and {} in {:.1f} s\n", (directory / "target.hex").string(),
                     (directory / "draft.hex").string(), seconds);
}

}  // namespace

void add_train_command(CLI::App& app, std::ostream& out) {
  auto arguments = std::make_shared<TrainArguments>();
  CLI::App* command = app.add_subcommand(
      "train", "Retrain the target and draft models and write their data files");
  command->add_option("--corpus", arguments->corpus_files,
                      "Text files to learn from (default: licence texts in "
                      "/usr/share/common-licenses)")
      ->check(CLI::ExistingFile);
  command->add_option("--output-dir", arguments->output_directory,
                      "Directory for target.hex and draft.hex (replaced together)")
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);
  add_number_option(*command, "--seed", arguments->seed,
                    "Seed of the initialization and shuffling")
      ->capture_default_str();
  command->callback([arguments, &out] { run_train(*arguments, out); });
}

}  // namespace tetra::apps
