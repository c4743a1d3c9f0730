#include "accel/host_interface.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::accel {

HostInterface::HostInterface(Scope& parent, std::string_view name)
    : ClockedBlock(parent, name, *this), fifo_(kOutputFifoDepth) {}

void HostInterface::reset() {
  prompt_remaining_ = 0;
  head_ = 0;
  count_ = 0;
  in_ready.write(L0);
  out_valid.write(L0);
  out_token.write(TokenId(0));
  prompt_valid.write(L0);
  prompt_token.write(TokenId(0));
  out_count.write(Count16(0));
}

void HostInterface::poison() {
  in_ready.write(LX);
  out_valid.write(LX);
  out_token.write(TokenId::xs());
  prompt_valid.write(LX);
  out_count.write(Count16::xs());
}

void HostInterface::step() {
  // The ready and valid of the other side matter only while ours is high.
  const bool taken = in_ready.read() == L1 && read_bit(in_valid);
  const bool popped = out_valid.read() == L1 && read_bit(out_ready);

  prompt_valid.write(bit(taken));
  if (taken) {
    prompt_token.write(TokenId(read_uint(in_token)));
    --prompt_remaining_;
  }
  if (read_bit(start)) prompt_remaining_ = read_uint(prompt_length);
  in_ready.write(bit(prompt_remaining_ > 0));

  if (popped) {
    head_ = (head_ + 1) % kOutputFifoDepth;
    --count_;
  }
  if (read_bit(push)) {
    if (count_ == kOutputFifoDepth) {
      throw std::logic_error(fmt::format("{}: push into a full output FIFO", path()));
    }
    fifo_[(head_ + count_) % kOutputFifoDepth] = TokenId(read_uint(push_token));
    ++count_;
  }
  out_valid.write(bit(count_ > 0));
  if (count_ > 0) out_token.write(fifo_[head_]);
  out_count.write(Count16(count_));
}

}  // namespace tetra::accel
