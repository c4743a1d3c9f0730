#include "accel/mlp_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace tetra::accel {

MlpEngine::MlpEngine(Scope& parent, std::string_view name,
                     const models::IntegerModelParameters& model, std::size_t lanes,
                     std::size_t bytes_per_beat)
    : ClockedBlock(parent, name, *this),
      probability(*this, "probability", model.exp_table, model.mass_shift, model.shape.vocabulary),
      shape_(model.shape),
      embedding_(model.embedding),
      hidden_bias_(model.hidden_bias),
      hidden_shift_(model.hidden_shift),
      output_bias_(model.output_bias),
      lanes_(lanes),
      bytes_per_beat_(bytes_per_beat),
      inputs_(lanes * model.shape.hidden_inputs()),
      accumulators_(lanes),
      hidden_(lanes * model.shape.hidden),
      logits_(lanes * model.shape.vocabulary),
      max_logits_(lanes),
      argmaxes_(lanes) {
  probability.clk(clk);
  probability.rst(rst);
  probability.logit_valid(logit_valid_);
  probability.logit_position(logit_position_);
  probability.logit_token(logit_token_);
  probability.logit(logit_);
  probability.max_logit(max_logit_);
  probability.argmax(argmax_);
  probability.logit_last(logit_last_);
  probability.done(done);
}

void MlpEngine::drive_idle_outputs() {
  stalled.write(L0);
  weight_request.write(L0);
  logit_valid_.write(L0);
  logit_last_.write(L0);
}

void MlpEngine::reset() {
  drive_idle_outputs();
  context_address.write(TokenIndex(0));
  logit_position_.write(PositionIndex(0));
  logit_token_.write(TokenId(0));
  logit_.write(LogitValue(0));
  max_logit_.write(LogitValue(0));
  argmax_.write(TokenId(0));
}

void MlpEngine::poison() {
  stalled.write(LX);
  weight_request.write(LX);
  logit_valid_.write(LX);
  logit_last_.write(LX);
  context_address.write(TokenIndex::xs());
}

void MlpEngine::step() {
  switch (state()) {
    case idle: {
      drive_idle_outputs();
      if (!read_bit(start)) return;
      base_ = static_cast<std::int32_t>(read_uint(base));
      first_position_ = read_uint(first_position);
      active_lanes_ = read_uint(positions);
      if (active_lanes_ == 0 || active_lanes_ > lanes_ ||
          first_position_ + active_lanes_ > kMaxDraftLength + 1) {
        throw std::out_of_range(fmt::format(
            "{}: start with {} positions from position {} (the engine has {} lanes and the "
            "score store {} positions)",
            path(), active_lanes_, first_position_, lanes_, kMaxDraftLength + 1));
      }
      issued_ = 0;
      gather_edge_ = 0;
      set_state(gather);
      return;
    }
    case gather: step_gather(); return;
    case multiply: step_multiply(); return;
    case scores: step_scores(); return;
    default: throw std::logic_error(fmt::format("{}: state {} does not exist", path(), state()));
  }
}

// One context read issued per edge; its token comes back two edges later (the address
// register, then the buffer's data register) and selects an embedding row.
void MlpEngine::step_gather() {
  const std::size_t context = shape_.context;
  const std::size_t reads = active_lanes_ * context;
  if (issued_ < reads) {
    const std::size_t lane = issued_ / context, slot = issued_ % context;
    const std::int64_t index = base_ + static_cast<std::int64_t>(lane) -
                               static_cast<std::int64_t>(context) +
                               static_cast<std::int64_t>(slot);
    context_address.write(TokenIndex::from_int(index));
    ++issued_;
  }
  if (gather_edge_ >= 2) {
    const std::size_t received = gather_edge_ - 2;
    const std::size_t lane = received / context, slot = received % context;
    const std::size_t token = read_uint(context_token);
    if (token >= shape_.vocabulary) {
      throw std::out_of_range(fmt::format("{}: context token {} is outside the {}-token vocabulary",
                                          path(), token, shape_.vocabulary));
    }
    std::copy_n(embedding_.begin() + static_cast<std::ptrdiff_t>(token * shape_.embedding),
                shape_.embedding,
                inputs_.begin() + static_cast<std::ptrdiff_t>(lane * shape_.hidden_inputs() +
                                                              slot * shape_.embedding));
    if (received + 1 == reads) {
      weight_request.write(L1);
      beat_index_ = 0;
      std::fill(accumulators_.begin(), accumulators_.end(), 0);
      set_state(multiply);
    }
  }
  ++gather_edge_;
}

// Every beat is multiplied into every active lane: B products per lane per edge.
void MlpEngine::step_multiply() {
  weight_request.write(L0);
  if (!read_bit(beat_valid)) {
    stalled.write(L1);
    return;
  }
  stalled.write(L0);
  const WeightBeat& data = beat.read();
  if (!data.is_known()) throw UnknownValueError(to_literal(data, Radix::hex), beat.path());
  std::int8_t weights[kMaxBeatBytes];
  for (std::size_t byte = 0; byte < bytes_per_beat_; ++byte) {
    weights[byte] = static_cast<std::int8_t>(
        static_cast<std::uint8_t>(data.aval(byte / 8) >> (8 * (byte % 8))));
  }

  const std::size_t inputs = shape_.hidden_inputs();
  const std::size_t hidden_beats = shape_.hidden * inputs / bytes_per_beat_;
  const bool hidden_layer = beat_index_ < hidden_beats;
  const std::size_t row_length = hidden_layer ? inputs : shape_.hidden;
  const std::size_t offset = (hidden_layer ? beat_index_ : beat_index_ - hidden_beats) *
                             bytes_per_beat_;
  const std::size_t row = offset / row_length, column = offset % row_length;
  const bool row_ends = column + bytes_per_beat_ == row_length;

  for (std::size_t lane = 0; lane < active_lanes_; ++lane) {
    std::int32_t sum = accumulators_[lane];
    if (hidden_layer) {
      const std::int8_t* x = inputs_.data() + lane * inputs + column;
      for (std::size_t byte = 0; byte < bytes_per_beat_; ++byte) sum += weights[byte] * x[byte];
    } else {
      const std::int32_t* h = hidden_.data() + lane * shape_.hidden + column;
      for (std::size_t byte = 0; byte < bytes_per_beat_; ++byte) sum += weights[byte] * h[byte];
    }
    if (!row_ends) {
      accumulators_[lane] = sum;
      continue;
    }
    accumulators_[lane] = 0;
    if (hidden_layer) {
      const std::int32_t biased = sum + hidden_bias_[row];
      hidden_[lane * shape_.hidden + row] =
          std::min(std::max(biased, 0) >> hidden_shift_, std::int32_t{127});
    } else {
      const std::int32_t value = sum + output_bias_[row];
      logits_[lane * shape_.vocabulary + row] = value;
      if (row == 0 || value > max_logits_[lane]) {
        max_logits_[lane] = value;
        argmaxes_[lane] = row;
      }
    }
  }
  const std::size_t total_beats = hidden_beats + shape_.vocabulary * shape_.hidden / bytes_per_beat_;
  if (++beat_index_ == total_beats) {
    streamed_ = 0;
    set_state(scores);
  }
}

// One (position, token) score per edge into the probability unit, lane after lane.
void MlpEngine::step_scores() {
  const std::size_t vocabulary = shape_.vocabulary;
  const std::size_t lane = streamed_ / vocabulary, token = streamed_ % vocabulary;
  logit_valid_.write(L1);
  logit_position_.write(PositionIndex(first_position_ + lane));
  logit_token_.write(TokenId(token));
  logit_.write(LogitValue(static_cast<std::uint32_t>(logits_[lane * vocabulary + token])));
  max_logit_.write(LogitValue(static_cast<std::uint32_t>(max_logits_[lane])));
  argmax_.write(TokenId(argmaxes_[lane]));
  const bool last = ++streamed_ == active_lanes_ * vocabulary;
  logit_last_.write(bit(last));
  if (last) set_state(idle);
}

}  // namespace tetra::accel
