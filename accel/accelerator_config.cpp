#include "accel/accelerator_config.hpp"

#include <fmt/format.h>

#include <bit>
#include <stdexcept>
#include <string_view>

namespace tetra::accel {

namespace {

void require(bool condition, const std::string& message) {
  if (!condition) throw std::invalid_argument(message);
}

void require_beat_width(std::string_view name, std::size_t bytes, const models::ModelShape& shape,
                        std::string_view model) {
  require(bytes >= 1 && bytes <= kMaxBeatBytes && std::has_single_bit(bytes),
          fmt::format("{} is {}; it must be a power of two from 1 to {}", name, bytes,
                      kMaxBeatBytes));
  require(shape.hidden_inputs() % bytes == 0 && shape.hidden % bytes == 0,
          fmt::format("{} is {}; it must divide the {} model's row lengths C*E = {} and H = {}",
                      name, bytes, model, shape.hidden_inputs(), shape.hidden));
}

}  // namespace

void validate(const HardwareParameters& hardware, const models::ModelShape& target,
              const models::ModelShape& draft) {
  require(hardware.lanes >= 1 && hardware.lanes <= kMaxDraftLength + 1,
          fmt::format("lanes is {}; it must be 1 to {}", hardware.lanes, kMaxDraftLength + 1));
  require_beat_width("memory bandwidth (bytes per cycle)", hardware.memory_bytes_per_cycle, target,
                     "target");
  require_beat_width("draft bandwidth (bytes per cycle)", hardware.draft_bytes_per_cycle, draft,
                     "draft");
  require(hardware.memory_latency <= 4096,
          fmt::format("memory latency is {} cycles; it must be at most 4096",
                      hardware.memory_latency));
  require(target.vocabulary == draft.vocabulary,
          fmt::format("the draft model has {} tokens but the target model has {}",
                      draft.vocabulary, target.vocabulary));
  for (const models::ModelShape* shape : {&target, &draft}) {
    require(shape->context + kMaxDraftLength + 1 <= kContextDepth,
            fmt::format("a context of {} tokens does not fit the {}-entry context ring",
                        shape->context, kContextDepth));
  }
}

void validate(const RunParameters& run, std::size_t prompt_length) {
  require(run.new_tokens >= 1 && run.new_tokens <= 65535,
          fmt::format("tokens is {}; it must be 1 to 65535", run.new_tokens));
  require(run.draft_length <= kMaxDraftLength,
          fmt::format("k is {}; it must be 0 to {}", run.draft_length, kMaxDraftLength));
  require(prompt_length <= 65535,
          fmt::format("the prompt has {} tokens; at most 65535 fit", prompt_length));
}

}  // namespace tetra::accel
