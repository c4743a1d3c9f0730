#include "accel/lockstep/rtl_configuration.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <tuple>

namespace tetra::accel {

std::vector<std::string> RtlConfiguration::plusargs() const {
  std::vector<std::string> result = {
      "+target=" + target_file.string(),
      "+draft=" + draft_file.string(),
      fmt::format("+lanes={}", hardware.lanes),
      fmt::format("+mem_bw={}", hardware.memory_bytes_per_cycle),
      fmt::format("+mem_latency={}", hardware.memory_latency),
      fmt::format("+draft_bw={}", hardware.draft_bytes_per_cycle),
  };
  result.insert(result.end(), extra_plusargs.begin(), extra_plusargs.end());
  return result;
}

namespace {

void require_within(std::size_t value, std::size_t limit, const std::string& what) {
  if (value > limit) {
    throw std::invalid_argument(
        fmt::format("{} is {}; the Verilated RTL (rtl_accelerator) is built for at most {}", what,
                    value, limit));
  }
}

}  // namespace

void validate(const RtlConfiguration& configuration, const models::ModelShape& target,
              const models::ModelShape& draft) {
  validate(configuration.hardware, target, draft);
  require_within(configuration.hardware.lanes, kRtlLimits.lanes, "lanes");
  for (const auto& [shape, role, file] : {std::tuple{&target, "target", &configuration.target_file},
                                          std::tuple{&draft, "draft", &configuration.draft_file}}) {
    const std::string model = fmt::format("the {} model's ({})", role, file->string());
    require_within(shape->vocabulary, kRtlLimits.vocabulary, model + " V");
    require_within(shape->embedding, kRtlLimits.embedding, model + " E");
    require_within(shape->hidden_inputs(), kRtlLimits.hidden_inputs, model + " C*E");
    require_within(shape->hidden, kRtlLimits.hidden, model + " H");
  }
}

}  // namespace tetra::accel
