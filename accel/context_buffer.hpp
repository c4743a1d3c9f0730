#pragma once
// The context buffer: the token history (prompt, emitted tokens, and the current draft)
// in a ring of kContextDepth tokens, with an append port, a truncate port that rolls
// back rejected draft tokens, and three registered read ports.

#include "accel/accelerator_config.hpp"
#include "accel/clocked_block.hpp"

#include <vector>

namespace tetra::accel {

/// Token index (a signed position in the history; negative indices are padding).
using TokenIndex = Vec<32>;
/// A token id.
using TokenId = Vec<8>;

/// One registered read port: the token at `address` is on `token` one edge after the
/// edge that samples the address. Negative addresses read token 0 (the padding of short
/// histories); addresses at or past `length`, or older than the ring holds, read X.
struct ContextReadPort {
  In<TokenIndex> address;
  Out<TokenId> token;
  ContextReadPort(Module& owner, std::string_view prefix);
};

/// Truncate (sets the length) applies before append (writes at the length, then adds one).
class ContextBuffer : public ClockedBlock {
public:
  In<Logic> append{*this, "append"};
  In<TokenId> append_token{*this, "append_token"};
  In<Logic> truncate{*this, "truncate"};
  In<TokenIndex> truncate_length{*this, "truncate_length"};
  Out<TokenIndex> length{*this, "length"};
  ContextReadPort draft_read{*this, "draft"};    ///< the draft engine's gather
  ContextReadPort target_read{*this, "target"};  ///< the target engine's gather
  ContextReadPort accept_read{*this, "accept"};  ///< the accept unit's draft tokens

  /// An empty buffer (its ring is all X until written).
  ContextBuffer(Scope& parent, std::string_view name);

private:
  friend class ClockedBlock;
  void reset();
  void poison();
  void step();
  void serve(ContextReadPort& port, std::int64_t current_length);

  std::vector<TokenId> ring_;
};

}  // namespace tetra::accel
