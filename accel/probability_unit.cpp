#include "accel/probability_unit.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace tetra::accel {

namespace {
constexpr std::size_t kPositions = kMaxDraftLength + 1;
}

ScoreReadPort::ScoreReadPort(Module& owner, std::string_view prefix)
    : position(owner, std::string(prefix) + "_position"),
      token(owner, std::string(prefix) + "_token"),
      mass(owner, std::string(prefix) + "_mass"),
      total(owner, std::string(prefix) + "_total"),
      argmax(owner, std::string(prefix) + "_argmax") {}

ProbabilityUnit::ProbabilityUnit(Scope& parent, std::string_view name,
                                 std::vector<std::uint16_t> exp_table, std::uint32_t mass_shift,
                                 std::size_t vocabulary)
    : ClockedBlock(parent, name, *this),
      exp_table_(std::move(exp_table)),
      mass_shift_(mass_shift),
      vocabulary_(vocabulary),
      masses_(kPositions * vocabulary),
      totals_(kPositions),
      argmaxes_(kPositions) {}

void ProbabilityUnit::reset() {
  done.write(L0);
  for (ScoreReadPort* port : {&accept_read, &sampler_read}) {
    port->mass.write(MassValue(0));
    port->total.write(TotalValue(0));
    port->argmax.write(TokenId(0));
  }
}

void ProbabilityUnit::poison() {
  done.write(LX);
  for (ScoreReadPort* port : {&accept_read, &sampler_read}) {
    port->mass.write(MassValue::xs());
    port->total.write(TotalValue::xs());
    port->argmax.write(TokenId::xs());
  }
}

void ProbabilityUnit::step() {
  serve(accept_read);
  serve(sampler_read);
  if (!read_bit(logit_valid)) {
    done.write(L0);
    return;
  }
  const std::size_t position = read_uint(logit_position);
  const std::size_t token = read_uint(logit_token);
  if (position >= kPositions || token >= vocabulary_) {
    throw std::out_of_range(fmt::format("{}: score ({}, {}) is outside {} positions x {} tokens",
                                        path(), position, token, kPositions, vocabulary_));
  }
  const auto value = static_cast<std::int64_t>(static_cast<std::int32_t>(read_uint(logit)));
  const auto highest = static_cast<std::int64_t>(static_cast<std::int32_t>(read_uint(max_logit)));
  // Logits lie within +-2^30, so the difference fits in 31 bits.
  const auto distance = static_cast<std::uint64_t>(highest - value) >> mass_shift_;
  const std::uint64_t mass = distance < exp_table_.size() ? exp_table_[distance] : 0;
  masses_[position * vocabulary_ + token] = MassValue(mass);
  const std::uint64_t running = token == 0 ? 0 : totals_[position].to_uint64();
  totals_[position] = TotalValue(running + mass);
  argmaxes_[position] = TokenId(read_uint(argmax));
  done.write(bit(read_bit(logit_last)));
}

void ProbabilityUnit::serve(ScoreReadPort& port) {
  const PositionIndex& position = port.position.read();
  const TokenId& token = port.token.read();
  if (!position.is_known() || !token.is_known() || position.to_uint64() >= kPositions ||
      token.to_uint64() >= vocabulary_) {
    port.mass.write(MassValue::xs());
    port.total.write(TotalValue::xs());
    port.argmax.write(TokenId::xs());
    return;
  }
  const std::size_t at = position.to_uint64();
  port.mass.write(masses_[at * vocabulary_ + token.to_uint64()]);
  port.total.write(totals_[at]);
  port.argmax.write(argmaxes_[at]);
}

}  // namespace tetra::accel
