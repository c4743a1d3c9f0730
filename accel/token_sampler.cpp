#include "accel/token_sampler.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace tetra::accel {

namespace {
// Sums of sampling weights stay at or below 2^48 (a 64 x 48-bit multiplier).
constexpr std::uint64_t kMaxWeightSum = std::uint64_t{1} << 48;
__extension__ using uint128 = unsigned __int128;
}  // namespace

TokenSampler::TokenSampler(Scope& parent, std::string_view name, std::size_t vocabulary)
    : ClockedBlock(parent, name, *this), vocabulary_(vocabulary) {}

void TokenSampler::reset() {
  token.write(TokenId(0));
  done.write(L0);
  draw.write(L0);
  target_position.write(PositionIndex(0));
  target_token.write(TokenId(0));
  draft_position.write(PositionIndex(0));
  draft_token.write(TokenId(0));
}

void TokenSampler::poison() {
  token.write(TokenId::xs());
  done.write(LX);
  draw.write(LX);
  target_position.write(PositionIndex::xs());
  draft_position.write(PositionIndex::xs());
}

void TokenSampler::issue(std::size_t next_token) {
  if (next_token >= vocabulary_) return;
  target_token.write(TokenId(next_token));
  draft_token.write(TokenId(next_token));
}

std::uint64_t TokenSampler::weight() const {
  switch (source_) {
    case SampleSource::draft: return read_uint(draft_mass);
    case SampleSource::target: return read_uint(target_mass);
    case SampleSource::residual: {
      const std::uint64_t from_target = read_uint(target_mass) * read_uint(draft_total);
      const std::uint64_t from_draft = read_uint(draft_mass) * read_uint(target_total);
      return from_target > from_draft ? from_target - from_draft : 0;
    }
  }
  throw std::logic_error("TokenSampler: unknown source");
}

void TokenSampler::finish(std::uint64_t picked) {
  token.write(TokenId(picked));
  done.write(L1);
  set_state(idle);
}

void TokenSampler::step() {
  done.write(L0);
  draw.write(L0);
  ++phase_edge_;
  switch (state()) {
    case idle: {
      if (!read_bit(start)) return;
      const std::uint64_t command = read_uint(source);
      if (command > static_cast<std::uint64_t>(SampleSource::residual)) {
        throw std::out_of_range(fmt::format("{}: source {} does not exist", path(), command));
      }
      source_ = static_cast<SampleSource>(command);
      const std::uint64_t at = read_uint(position);
      target_position.write(PositionIndex(at));
      draft_position.write(PositionIndex(at));
      issue(0);
      phase_edge_ = 0;
      if (!read_bit(sample_mode)) {
        set_state(lookup);
      } else if (source_ == SampleSource::residual) {
        sum_ = 0;
        set_state(sum);
      } else {
        draw.write(L1);
        set_state(scan);
      }
      return;
    }
    case lookup:
      if (phase_edge_ == 2) {
        finish(source_ == SampleSource::draft ? read_uint(draft_argmax) : read_uint(target_argmax));
      }
      return;
    case sum:
      issue(phase_edge_);
      if (phase_edge_ < 2) return;
      sum_ += weight();
      if (phase_edge_ - 2 + 1 == vocabulary_) {
        issue(0);
        draw.write(L1);
        phase_edge_ = 0;
        set_state(scan);
      }
      return;
    case scan: {
      issue(phase_edge_);
      if (phase_edge_ < 2) return;
      const std::size_t scanned = phase_edge_ - 2;
      if (scanned == 0) {
        const std::uint64_t total =
            source_ == SampleSource::residual ? sum_
            : source_ == SampleSource::target ? read_uint(target_total)
                                              : read_uint(draft_total);
        if (total == 0 || total > kMaxWeightSum) {
          throw std::logic_error(
              fmt::format("{}: weight sum {} is outside 1..2^48", path(), total));
        }
        threshold_ = static_cast<std::uint64_t>((static_cast<uint128>(read_uint(random)) * total) >> 64);
        running_ = 0;
      }
      running_ += weight();
      if (threshold_ < running_) {
        finish(scanned);
      } else if (scanned + 1 == vocabulary_) {
        throw std::logic_error(fmt::format("{}: threshold {} beyond the weight sum", path(), threshold_));
      }
      return;
    }
    default: throw std::logic_error(fmt::format("{}: state {} does not exist", path(), state()));
  }
}

}  // namespace tetra::accel
