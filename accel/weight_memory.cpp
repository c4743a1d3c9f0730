#include "accel/weight_memory.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::accel {

WeightMemory::WeightMemory(Scope& parent, std::string_view name, std::vector<std::int8_t> image,
                           std::size_t bytes_per_cycle, std::size_t latency)
    : ClockedBlock(parent, name, *this),
      image_(std::move(image)),
      bytes_per_cycle_(bytes_per_cycle),
      latency_(latency) {
  if (bytes_per_cycle_ == 0 || bytes_per_cycle_ > kMaxBeatBytes ||
      image_.size() % bytes_per_cycle_ != 0) {
    throw std::invalid_argument(fmt::format("{}: {} bytes do not make whole {}-byte beats", path(),
                                            image_.size(), bytes_per_cycle_));
  }
}

void WeightMemory::reset() {
  beat_valid.write(L0);
  beat.write(WeightBeat::zeros());
}

void WeightMemory::poison() {
  beat_valid.write(LX);
  beat.write(WeightBeat::xs());
}

void WeightMemory::step() {
  if (state() == idle) {
    if (!read_bit(request)) {
      beat_valid.write(L0);
      return;
    }
    countdown_ = latency_;
    next_beat_ = 0;
    set_state(streaming);
  } else if (read_bit(request)) {
    throw std::logic_error(fmt::format("{}: request while a pass is streaming", path()));
  }
  if (countdown_ > 0) {
    --countdown_;
    beat_valid.write(L0);
    return;
  }
  WeightBeat data = WeightBeat::zeros();
  const std::int8_t* bytes = image_.data() + next_beat_ * bytes_per_cycle_;
  for (std::size_t word = 0; word * 8 < bytes_per_cycle_; ++word) {
    std::uint64_t packed = 0;
    for (std::size_t byte = 0; byte < 8 && word * 8 + byte < bytes_per_cycle_; ++byte) {
      packed |= std::uint64_t{static_cast<std::uint8_t>(bytes[word * 8 + byte])} << (8 * byte);
    }
    data.set_words(word, packed, 0);
  }
  beat.write(data);
  beat_valid.write(L1);
  if (++next_beat_ == beats()) set_state(idle);
}

std::vector<std::int8_t> streamed_weights(const models::IntegerModelParameters& model) {
  std::vector<std::int8_t> image(model.hidden_weights);
  image.insert(image.end(), model.output_weights.begin(), model.output_weights.end());
  return image;
}

}  // namespace tetra::accel
