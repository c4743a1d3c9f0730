#pragma once
// The parameters of one accelerator instance (hardware) and of one decoding run
// (configuration registers), with the checks that make them implementable.

#include "models/decoder.hpp"
#include "models/integer_model.hpp"

#include <cstddef>
#include <cstdint>

namespace tetra::accel {

/// Largest draft length K; the score stores hold K + 1 positions.
inline constexpr std::size_t kMaxDraftLength = 64;
/// Widest weight beat, in bytes (the beat bus is 8 * kMaxBeatBytes bits).
inline constexpr std::size_t kMaxBeatBytes = 64;
/// Entries of the context buffer's ring (a power of two).
inline constexpr std::size_t kContextDepth = 256;
/// Entries of the host interface's output FIFO (at least kMaxDraftLength + 1).
inline constexpr std::size_t kOutputFifoDepth = 128;

/// Structural parameters, fixed when the accelerator is built.
struct HardwareParameters {
  std::size_t lanes = 8;                   ///< target MAC lanes: positions scored per weight pass
  std::size_t memory_bytes_per_cycle = 16; ///< weight-memory beat width B
  std::size_t memory_latency = 32;         ///< cycles from a sampled request to the first beat
  std::size_t draft_bytes_per_cycle = 16;  ///< the draft's on-chip weight SRAM beat width
};

/// Throws std::invalid_argument, naming the parameter, unless the hardware parameters suit
/// both models: lanes 1..kMaxDraftLength+1, beat widths powers of two up to kMaxBeatBytes
/// that divide each streamed row (C*E and H), latency at most 4096, and C + kMaxDraftLength
/// + 1 tokens fitting the context ring.
void validate(const HardwareParameters& hardware, const models::ModelShape& target,
              const models::ModelShape& draft);

/// What one run decodes: the configuration registers sampled at `start`.
struct RunParameters {
  std::size_t new_tokens = 0;    ///< N, tokens to emit (1..65535)
  std::size_t draft_length = 4;  ///< K, 0..kMaxDraftLength (0 = autoregressive)
  models::DecodeMode mode = models::DecodeMode::greedy;
  std::uint64_t seed = 1;        ///< seeds the hardware xorshift generator
};

/// Throws std::invalid_argument, naming the field, unless N is 1..65535, K at most
/// kMaxDraftLength and the prompt at most 65535 tokens.
void validate(const RunParameters& run, std::size_t prompt_length);

}  // namespace tetra::accel
