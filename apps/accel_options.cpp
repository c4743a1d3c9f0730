#include "apps/accel_options.hpp"

#include "apps/file_name_check.hpp"
#include "apps/number_option.hpp"

#include <nlohmann/json.hpp>

namespace tetra::apps {

accel::RunParameters AccelOptions::run(std::size_t k) const {
  return accel::RunParameters{tokens, k,
                              mode_name == "greedy" ? models::DecodeMode::greedy : models::DecodeMode::sample,
                              seed};
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
      ->check(CLI::IsMember({"greedy", "sample"}));
  add_number_option(command, "--seed", options.seed, "Seed of the hardware xorshift64 generator")
      ->capture_default_str();
  add_number_option(command, "--lanes", options.hardware.lanes, "Target MAC lanes (positions scored per weight pass)",
                    1, accel::kMaxDraftLength + 1)
      ->capture_default_str();
  add_number_option(command, "--mem-bw", options.hardware.memory_bytes_per_cycle,
                    "Weight-memory bandwidth in bytes per cycle (power of two)")
      ->capture_default_str();
  add_number_option(command, "--mem-latency", options.hardware.memory_latency, "Weight-memory latency in cycles")
      ->capture_default_str();
  add_number_option(command, "--draft-bw", options.hardware.draft_bytes_per_cycle,
                    "Draft on-chip weight bandwidth in bytes per cycle (power of two)")
      ->capture_default_str();
  command.add_option("--target", options.target_file, "Target model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command.add_option("--draft", options.draft_file, "Draft model file")
      ->capture_default_str()
      ->check(non_empty_file_name());
  command.add_flag("--json", options.json, "Print one JSON object instead of text");
}

}  // namespace tetra::apps
