#include "accel/accept_unit.hpp"

#include "models/sampling.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::accel {

AcceptUnit::AcceptUnit(Scope& parent, std::string_view name) : ClockedBlock(parent, name, *this) {}

void AcceptUnit::reset() {
  accepted.write(PositionIndex(0));
  done.write(L0);
  draw.write(L0);
  context_address.write(TokenIndex(0));
  target_position.write(PositionIndex(0));
  target_token.write(TokenId(0));
  draft_position.write(PositionIndex(0));
  draft_token.write(TokenId(0));
}

void AcceptUnit::poison() {
  accepted.write(PositionIndex::xs());
  done.write(LX);
  draw.write(LX);
  context_address.write(TokenIndex::xs());
}

void AcceptUnit::finish(std::size_t count) {
  accepted.write(PositionIndex(count));
  done.write(L1);
  set_state(idle);
}

void AcceptUnit::step() {
  done.write(L0);
  draw.write(L0);
  switch (state()) {
    case idle:
      if (!read_bit(start)) return;
      draft_length_ = read_uint(draft_length);
      sample_ = read_bit(sample_mode);
      base_ = static_cast<std::int64_t>(read_uint(base));
      position_ = 0;
      if (draft_length_ == 0) throw std::logic_error(fmt::format("{}: started with K = 0", path()));
      set_state(fetch);
      return;
    case fetch:
      context_address.write(TokenIndex::from_int(base_ + static_cast<std::int64_t>(position_)));
      set_state(wait_token);
      return;
    case wait_token: set_state(lookup); return;
    case lookup:
      token_ = read_uint(context_token);
      target_position.write(PositionIndex(position_));
      target_token.write(TokenId(token_));
      draft_position.write(PositionIndex(position_));
      draft_token.write(TokenId(token_));
      draw.write(bit(sample_));
      set_state(wait_lookup);
      return;
    case wait_lookup: set_state(decide); return;
    case decide: {
      bool accept = false;
      if (sample_) {
        const std::uint64_t uniform = read_uint(random) >> (64 - models::kAcceptUniformBits);
        const std::uint64_t left = uniform * read_uint(draft_mass) * read_uint(target_total);
        const std::uint64_t right = (read_uint(target_mass) * read_uint(draft_total))
                                    << models::kAcceptUniformBits;
        accept = left < right;
      } else {
        accept = token_ == read_uint(target_argmax);
      }
      if (!accept) {
        finish(position_);
      } else if (++position_ == draft_length_) {
        finish(position_);
      } else {
        set_state(fetch);
      }
      return;
    }
    default: throw std::logic_error(fmt::format("{}: state {} does not exist", path(), state()));
  }
}

}  // namespace tetra::accel
