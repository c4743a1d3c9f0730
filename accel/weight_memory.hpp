#pragma once
// A weight memory that streams one fixed image (a model's weight matrices) at a set
// bandwidth after a set latency: the off-chip memory of the target engine, or, with
// latency 0, the draft engine's on-chip weight SRAM.

#include "accel/accelerator_config.hpp"
#include "accel/clocked_block.hpp"

#include <cstdint>
#include <vector>

namespace tetra::accel {

/// The beat bus: kMaxBeatBytes bytes, byte i in bits [8i+7 : 8i]; bytes past the beat width are 0.
using WeightBeat = Vec<8 * kMaxBeatBytes>;

/// Streams `image` from its first byte when `request` is sampled high: beat i (bytes
/// [iB, iB+B)) is driven `latency + i` edges after the sampling edge, with beat_valid.
class WeightMemory : public ClockedBlock {
public:
  In<Logic> request{*this, "request"};
  Out<Logic> beat_valid{*this, "beat_valid"};
  Out<WeightBeat> beat{*this, "beat"};

  /// A memory holding `image` (a whole number of beats), read `bytes_per_cycle` at a time.
  WeightMemory(Scope& parent, std::string_view name, std::vector<std::int8_t> image,
               std::size_t bytes_per_cycle, std::size_t latency);

  /// Beats in one pass over the image.
  [[nodiscard]] std::size_t beats() const { return image_.size() / bytes_per_cycle_; }

private:
  friend class ClockedBlock;
  enum State : std::uint64_t { idle, streaming };
  void reset();
  void poison();
  void step();

  std::vector<std::int8_t> image_;
  std::size_t bytes_per_cycle_;
  std::size_t latency_;
  std::size_t countdown_ = 0;  // latency cycles left before the first beat
  std::size_t next_beat_ = 0;
};

/// The streamed image of a model: hidden_weights (H rows of C*E) then output_weights (V rows of H).
std::vector<std::int8_t> streamed_weights(const models::IntegerModelParameters& model);

}  // namespace tetra::accel
