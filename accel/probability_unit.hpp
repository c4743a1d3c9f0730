#pragma once
// The probability unit: turns each position's logits into masses with the exp lookup
// table, mass = exp_table[(max - logit) >> mass_shift] (0 past the table), sums them, and
// holds masses, totals and argmaxes for the accept unit and the sampler to read.

#include "accel/accelerator_config.hpp"
#include "accel/clocked_block.hpp"
#include "accel/context_buffer.hpp"

#include <cstdint>
#include <vector>

namespace tetra::accel {

/// A logit (int32, two's complement).
using LogitValue = Vec<32>;
/// A probability mass (below 2^16).
using MassValue = Vec<16>;
/// The total mass of a position (below 2^24).
using TotalValue = Vec<32>;
/// A position of the score store: 0..K.
using PositionIndex = Vec<8>;

/// One registered read port of the score store: mass of (position, token), the
/// position's total and argmax, one edge after the edge that samples the address.
struct ScoreReadPort {
  In<PositionIndex> position;
  In<TokenId> token;
  Out<MassValue> mass;
  Out<TotalValue> total;
  Out<TokenId> argmax;
  ScoreReadPort(Module& owner, std::string_view prefix);
};

/// Consumes one (position, token, logit, max, argmax) element per edge while logit_valid;
/// pulses `done` at the edge that consumes the element marked `logit_last`.
class ProbabilityUnit : public ClockedBlock {
public:
  In<Logic> logit_valid{*this, "logit_valid"};
  In<PositionIndex> logit_position{*this, "logit_position"};
  In<TokenId> logit_token{*this, "logit_token"};
  In<LogitValue> logit{*this, "logit"};
  In<LogitValue> max_logit{*this, "max_logit"};
  In<TokenId> argmax{*this, "argmax"};
  In<Logic> logit_last{*this, "logit_last"};
  Out<Logic> done{*this, "done"};
  ScoreReadPort accept_read{*this, "accept"};    ///< the accept unit's port
  ScoreReadPort sampler_read{*this, "sampler"};  ///< the token sampler's port

  /// A unit with the model's exp table and mass shift, for `vocabulary` tokens.
  ProbabilityUnit(Scope& parent, std::string_view name, std::vector<std::uint16_t> exp_table,
                  std::uint32_t mass_shift, std::size_t vocabulary);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
  void serve(ScoreReadPort& port);

  std::vector<std::uint16_t> exp_table_;
  std::uint32_t mass_shift_;
  std::size_t vocabulary_;
  std::vector<MassValue> masses_;   // position-major, kMaxDraftLength + 1 positions
  std::vector<TotalValue> totals_;
  std::vector<TokenId> argmaxes_;
};

}  // namespace tetra::accel
