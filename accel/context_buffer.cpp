#include "accel/context_buffer.hpp"

#include <string>

namespace tetra::accel {

ContextReadPort::ContextReadPort(Module& owner, std::string_view prefix)
    : address(owner, std::string(prefix) + "_address"), token(owner, std::string(prefix) + "_token") {}

ContextBuffer::ContextBuffer(Scope& parent, std::string_view name)
    : ClockedBlock(parent, name, *this), ring_(kContextDepth) {}

void ContextBuffer::reset() {
  length.write(TokenIndex(0));
  for (ContextReadPort* port : {&draft_read, &target_read, &accept_read}) {
    port->token.write(TokenId(0));
  }
}

void ContextBuffer::poison() {
  length.write(TokenIndex::xs());
  for (ContextReadPort* port : {&draft_read, &target_read, &accept_read}) {
    port->token.write(TokenId::xs());
  }
}

void ContextBuffer::step() {
  const auto current_length = static_cast<std::int64_t>(length.read().to_uint64());
  for (ContextReadPort* port : {&draft_read, &target_read, &accept_read}) serve(*port, current_length);

  std::uint64_t next_length = length.read().to_uint64();
  if (read_bit(truncate)) next_length = read_uint(truncate_length);
  if (read_bit(append)) {
    const std::uint64_t token = read_uint(append_token);
    ring_[next_length % kContextDepth] = TokenId(token);
    ++next_length;
  }
  length.write(TokenIndex(next_length));
}

void ContextBuffer::serve(ContextReadPort& port, std::int64_t current_length) {
  const TokenIndex& address = port.address.read();
  if (!address.is_known()) {
    port.token.write(TokenId::xs());
    return;
  }
  const std::int64_t index = address.to_int64();
  if (index < 0) {
    port.token.write(TokenId(0));
  } else if (index >= current_length ||
             index < current_length - static_cast<std::int64_t>(kContextDepth)) {
    port.token.write(TokenId::xs());
  } else {
    port.token.write(ring_[static_cast<std::size_t>(index) % kContextDepth]);
  }
}

}  // namespace tetra::accel
