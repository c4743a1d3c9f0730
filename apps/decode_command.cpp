#include "apps/decode_command.hpp"

#include "apps/file_name_check.hpp"
#include "apps/number_option.hpp"

#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/speculative_speedup.hpp"
#include "models/vocabulary.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace tetra::apps {

namespace {

using namespace tetra::models;

struct DecodeArguments {
  std::string prompt;
  std::size_t tokens = 0;
  std::size_t draft_length = 4;
  std::string mode_name = "greedy";
  std::uint64_t seed = 1;
  std::optional<double> cost_ratio;
  std::string target_file = default_model_path(ModelRole::target).string();
  std::string draft_file = default_model_path(ModelRole::draft).string();
  bool json = false;
};

// The default c: a draft step over a target step, as the ratio of weight bytes, because
// decoding is memory-bound and each step reads all of a model's weights once.
double weight_cost_ratio(const IntegerModel& target, const IntegerModel& draft) {
  return static_cast<double>(draft.parameters().shape.weight_bytes()) /
         static_cast<double>(target.parameters().shape.weight_bytes());
}

void run_decode(const DecodeArguments& arguments, std::ostream& out) {
  const IntegerModel target(load_model(arguments.target_file, ModelRole::target));
  const IntegerModel draft(load_model(arguments.draft_file, ModelRole::draft));
  const std::vector<Token> prompt = Vocabulary::encode(arguments.prompt);
  const DecodeMode mode = arguments.mode_name == "greedy" ? DecodeMode::greedy
                                                         : DecodeMode::sample;
  const DecodeOptions options{arguments.tokens, arguments.draft_length, mode, arguments.seed};
  const DecodeResult result = decode_speculative(target, draft, prompt, options);
  const DecodeStatistics& statistics = result.statistics;
  const std::string text = Vocabulary::decode(result.tokens);
  const double cost_ratio = arguments.cost_ratio.value_or(weight_cost_ratio(target, draft));
  const double alpha = statistics.acceptance_rate();
  const std::size_t k = arguments.draft_length;
  const double analytic_tokens = expected_tokens_per_iteration(alpha, k);
  const double analytic_improvement = walltime_improvement(alpha, k, cost_ratio);
  const double measured_improvement =
      statistics.tokens_per_iteration() / (static_cast<double>(k) * cost_ratio + 1.0);

  if (arguments.json) {
    const nlohmann::json report = {
        {"prompt", arguments.prompt},
        {"text", text},
        {"token_ids", result.tokens},
        {"mode", arguments.mode_name},
        {"k", k},
        {"seed", arguments.seed},
        {"cost_ratio", cost_ratio},
        {"statistics",
         {{"iterations", statistics.iterations},
          {"drafted", statistics.drafted},
          {"accepted", statistics.accepted()},
          {"accepted_at", statistics.accepted_at},
          {"accepted_count", statistics.accepted_count},
          {"rejections", statistics.rejections},
          {"emitted", statistics.emitted},
          {"acceptance_rate", alpha},
          {"tokens_per_iteration", statistics.tokens_per_iteration()},
          {"walltime_improvement", measured_improvement}}},
        {"analytic",
         {{"tokens_per_iteration", analytic_tokens},
          {"walltime_improvement", analytic_improvement},
          {"best_k", best_draft_length(alpha, cost_ratio, 16)}}},
    };
    out << report.dump() << '\n';
    return;
  }
  out << fmt::format("{}{}\n\n", arguments.prompt, text);
  out << fmt::format("speculative decoding: K = {}, mode {}, seed {}, cost ratio c = {:.4f}\n", k,
                     arguments.mode_name, arguments.seed, cost_ratio);
  out << fmt::format("iterations {}, drafted {}, accepted {}, rejections {}, emitted {}\n",
                     statistics.iterations, statistics.drafted, statistics.accepted(),
                     statistics.rejections, statistics.emitted);
  out << fmt::format("accepted at draft position 1..K: {}\n",
                     fmt::join(statistics.accepted_at, " "));
  out << fmt::format("iterations accepting 0..K drafts: {}\n",
                     fmt::join(statistics.accepted_count, " "));
  out << fmt::format("{:<28}{:>10}{:>10}\n", "", "measured", "analytic");
  out << fmt::format("{:<28}{:>10.4f}{:>10}\n", "acceptance rate alpha", alpha, "-");
  out << fmt::format("{:<28}{:>10.4f}{:>10.4f}\n", "tokens per iteration",
                     statistics.tokens_per_iteration(), analytic_tokens);
  out << fmt::format("{:<28}{:>10.4f}{:>10.4f}\n", "walltime improvement", measured_improvement,
                     analytic_improvement);
  out << fmt::format("best K for this alpha and c: {}\n", best_draft_length(alpha, cost_ratio, 16));
}

}  // namespace

void add_decode_command(CLI::App& app, std::ostream& out) {
  auto arguments = std::make_shared<DecodeArguments>();
  CLI::App* command = app.add_subcommand(
      "decode", "Generate text with the reference speculative decoder and print its statistics");
  command->add_option("--prompt", arguments->prompt, "Text to continue (case folds to lower)");
  add_number_option(*command, "--tokens", arguments->tokens, "Number of tokens to generate", 1,
                    1'000'000)
      ->required();
  add_number_option(*command, "--k", arguments->draft_length,
                    "Draft tokens per iteration (0: target only)", 0, 64)
      ->capture_default_str();
  command->add_option("--mode", arguments->mode_name, "Pick tokens by argmax or by sampling")
      ->capture_default_str()
      ->check(CLI::IsMember({"greedy", "sample"}));
  add_number_option(*command, "--seed", arguments->seed, "Seed of the xorshift64 generator")
      ->capture_default_str();
  add_number_option(*command, "--cost-ratio", arguments->cost_ratio,
                    "c, cost of a draft step over a target step (default: weight-byte ratio)",
                    0.0);
  command->add_option("--target", arguments->target_file, "Target model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command->add_option("--draft", arguments->draft_file, "Draft model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command->add_flag("--json", arguments->json, "Print one JSON object instead of text");
  command->callback([arguments, &out] { run_decode(*arguments, out); });
}

}  // namespace tetra::apps
