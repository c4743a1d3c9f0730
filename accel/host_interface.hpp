#pragma once
// The host interface: a ready/valid stream of prompt tokens in, a ready/valid stream of
// generated tokens out through a kOutputFifoDepth-entry FIFO. A transfer happens at a
// rising edge where valid and ready are both 1; every output is a register.

#include "accel/accelerator_config.hpp"
#include "accel/clocked_block.hpp"
#include "accel/context_buffer.hpp"

#include <vector>

namespace tetra::accel {

/// Prompt length and output FIFO fill count.
using Count16 = Vec<16>;

/// Accepts cfg_prompt_length tokens after each `start`, forwarding each one to the
/// controller (prompt_valid pulse); the controller pushes generated tokens into the FIFO.
class HostInterface : public ClockedBlock {
public:
  In<Logic> start{*this, "start"};
  In<Count16> prompt_length{*this, "prompt_length"};
  In<Logic> in_valid{*this, "in_valid"};
  In<TokenId> in_token{*this, "in_token"};
  Out<Logic> in_ready{*this, "in_ready"};
  Out<Logic> out_valid{*this, "out_valid"};
  Out<TokenId> out_token{*this, "out_token"};
  In<Logic> out_ready{*this, "out_ready"};
  Out<Logic> prompt_valid{*this, "prompt_valid"};
  Out<TokenId> prompt_token{*this, "prompt_token"};
  In<Logic> push{*this, "push"};
  In<TokenId> push_token{*this, "push_token"};
  Out<Count16> out_count{*this, "out_count"};

  /// An interface with an empty FIFO.
  HostInterface(Scope& parent, std::string_view name);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();

  std::size_t prompt_remaining_ = 0;
  std::vector<TokenId> fifo_;
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

}  // namespace tetra::accel
