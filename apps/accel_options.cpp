#include "apps/accel_options.hpp"

#include "apps/file_name_check.hpp"
#include "apps/number_option.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <vector>

namespace tetra::apps {

std::span<const HardwareOption> hardware_options() {
  using accel::HardwareParameters;
  // accel::validate holds these to the models (powers of two that divide the rows, ...).
  constexpr std::size_t kAny = std::numeric_limits<std::size_t>::max();
  static constexpr std::array<HardwareOption, 4> options{{
      {"lanes", "--lanes", "Target MAC lanes (positions scored per weight pass)", "", 1,
       accel::kMaxDraftLength + 1, &HardwareParameters::lanes},
      {"mem_bw", "--mem-bw", "Weight-memory bandwidth in bytes per cycle (power of two)",
       "bytes/cycle", 0,
       kAny, &HardwareParameters::memory_bytes_per_cycle},
      {"mem_latency", "--mem-latency", "Weight-memory latency in cycles", "cycles", 0, kAny,
       &HardwareParameters::memory_latency},
      {"draft_bw", "--draft-bw", "Draft on-chip weight bandwidth in bytes per cycle (power of two)",
       "bytes/cycle", 0, kAny, &HardwareParameters::draft_bytes_per_cycle},
  }};
  return options;
}

std::span<const std::string_view> mode_names() {
  static constexpr std::array<std::string_view, 2> names{"greedy", "sample"};
  return names;
}

models::DecodeMode mode_of(std::string_view name) {
  return name == "greedy" ? models::DecodeMode::greedy : models::DecodeMode::sample;
}

accel::RunParameters AccelOptions::run(std::size_t k) const {
  return accel::RunParameters{tokens, k, mode_of(mode_name), seed};
}

nlohmann::json AccelOptions::hardware_json() const {
  return {{"lanes", hardware.lanes},
          {"memory_bytes_per_cycle", hardware.memory_bytes_per_cycle},
          {"memory_latency", hardware.memory_latency},
          {"draft_bytes_per_cycle", hardware.draft_bytes_per_cycle}};
}

nlohmann::json counters_json(const accel::CounterValues& counters) {
  return {{"cycles", counters.cycles},         {"draft_cycles", counters.draft_cycles},
          {"verify_cycles", counters.verify_cycles}, {"stall_cycles", counters.stall_cycles},
          {"iterations", counters.iterations}, {"drafted", counters.drafted},
          {"accepted", counters.accepted},     {"rejections", counters.rejections},
          {"emitted", counters.emitted}};
}

void add_accel_options(CLI::App& command, AccelOptions& options) {
  command.add_option("--prompt", options.prompt, "Text to continue (case folds to lower)")->capture_default_str();
  add_number_option(command, "--tokens", options.tokens, "Number of tokens to generate", 1, 65535)
      ->capture_default_str();
  add_number_option(command, "--k", options.draft_length, "Draft tokens per iteration (0: target only)", 0,
                    accel::kMaxDraftLength)
      ->capture_default_str();
  command.add_option("--mode", options.mode_name, "Pick tokens by argmax or by sampling")
      ->capture_default_str()
      ->check(CLI::IsMember(std::vector<std::string>(mode_names().begin(), mode_names().end())));
  add_number_option(command, "--seed", options.seed, "Seed of the hardware xorshift64 generator")
      ->capture_default_str();
  for (const HardwareOption& option : hardware_options()) {
    add_number_option(command, std::string(option.flag), options.hardware.*option.field,
                      std::string(option.description), option.low, option.high)
        ->capture_default_str();
  }
  command.add_option("--target", options.target_file, "Target model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command.add_option("--draft", options.draft_file, "Draft model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command.add_flag("--json", options.json, "Print one JSON object instead of text");
}

}  // namespace tetra::apps
