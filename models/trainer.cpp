#include "models/trainer.hpp"

#include "models/regular_file.hpp"
#include "models/xorshift_rng.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace tetra::models {

namespace {

// Masses span this many nats below the argmax before the exp table reaches zero.
constexpr double kExpTableRangeNats = 12.0;
// Hidden sums above this quantile of the calibration set saturate at 127.
constexpr double kHiddenCalibrationQuantile = 0.999;
constexpr std::size_t kCalibrationPositions = 4000;
constexpr float kAdamBeta1 = 0.9f;
constexpr float kAdamBeta2 = 0.999f;
constexpr float kAdamEpsilon = 1e-8f;

float uniform_unit(XorshiftRng& rng) {
  return static_cast<float>(rng.next() >> 40) * 0x1p-24f;
}

std::size_t uniform_below(XorshiftRng& rng, std::size_t bound) {
  __extension__ using uint128 = unsigned __int128;
  return static_cast<std::size_t>((static_cast<uint128>(rng.next()) * bound) >> 64);
}

// The C tokens before `position`, oldest first, kUnknownToken before the start.
void context_before(std::span<const Token> corpus, std::size_t position, std::size_t context,
                    std::vector<Token>& out) {
  out.resize(context);
  for (std::size_t slot = 0; slot < context; ++slot) {
    const std::size_t back = context - slot;
    out[slot] = back <= position ? corpus[position - back] : kUnknownToken;
  }
}

// One parameter tensor with its gradient and Adam moments.
struct Tensor {
  std::vector<float> value, gradient, first_moment, second_moment;

  Tensor(std::size_t size, float scale, XorshiftRng& rng)
      : value(size), gradient(size), first_moment(size), second_moment(size) {
    for (float& element : value) element = (2.0f * uniform_unit(rng) - 1.0f) * scale;
  }

  void adam_step(float learning_rate, float batch_scale, float correction1, float correction2) {
    for (std::size_t index = 0; index < value.size(); ++index) {
      const float grad = gradient[index] * batch_scale;
      first_moment[index] = kAdamBeta1 * first_moment[index] + (1.0f - kAdamBeta1) * grad;
      second_moment[index] = kAdamBeta2 * second_moment[index] + (1.0f - kAdamBeta2) * grad * grad;
      const float corrected_first = first_moment[index] / correction1;
      const float corrected_second = second_moment[index] / correction2;
      value[index] -= learning_rate * corrected_first / (std::sqrt(corrected_second) + kAdamEpsilon);
      gradient[index] = 0.0f;
    }
  }
};

float max_magnitude(const std::vector<float>& values) {
  float largest = 0.0f;
  for (float value : values) largest = std::max(largest, std::abs(value));
  return largest;
}

// The floating-point twin of IntegerModel, trained by backpropagation.
class FloatModel {
public:
  FloatModel(const ModelShape& shape, XorshiftRng& rng)
      : shape_(shape),
        embedding_(shape.vocabulary * shape.embedding, 1.0f, rng),
        hidden_weights_(shape.hidden * shape.hidden_inputs(),
                        std::sqrt(3.0f / static_cast<float>(shape.hidden_inputs())), rng),
        hidden_bias_(shape.hidden, 0.0f, rng),
        output_weights_(shape.vocabulary * shape.hidden,
                        std::sqrt(3.0f / static_cast<float>(shape.hidden)), rng),
        output_bias_(shape.vocabulary, 0.0f, rng),
        inputs_(shape.hidden_inputs()),
        sums_(shape.hidden),
        activations_(shape.hidden),
        probabilities_(shape.vocabulary),
        hidden_gradient_(shape.hidden) {}

  // Fills probabilities() for a context of C tokens.
  void forward(std::span<const Token> context) {
    for (std::size_t slot = 0; slot < shape_.context; ++slot) {
      std::copy_n(embedding_.value.begin() +
                      static_cast<std::ptrdiff_t>(context[slot] * shape_.embedding),
                  shape_.embedding,
                  inputs_.begin() + static_cast<std::ptrdiff_t>(slot * shape_.embedding));
    }
    for (std::size_t unit = 0; unit < shape_.hidden; ++unit) {
      const float* row = hidden_weights_.value.data() + unit * inputs_.size();
      float sum = hidden_bias_.value[unit];
      for (std::size_t input = 0; input < inputs_.size(); ++input) sum += row[input] * inputs_[input];
      sums_[unit] = sum;
      activations_[unit] = std::max(sum, 0.0f);
    }
    float highest = -INFINITY;
    for (std::size_t token = 0; token < shape_.vocabulary; ++token) {
      const float* row = output_weights_.value.data() + token * shape_.hidden;
      float sum = output_bias_.value[token];
      for (std::size_t unit = 0; unit < shape_.hidden; ++unit) sum += row[unit] * activations_[unit];
      probabilities_[token] = sum;
      highest = std::max(highest, sum);
    }
    float total = 0.0f;
    for (float& value : probabilities_) {
      value = std::exp(value - highest);
      total += value;
    }
    for (float& value : probabilities_) value /= total;
  }

  // Adds the cross-entropy gradient against `label` (a distribution) for the last forward().
  void backward(std::span<const Token> context, std::span<const float> label) {
    std::fill(hidden_gradient_.begin(), hidden_gradient_.end(), 0.0f);
    for (std::size_t token = 0; token < shape_.vocabulary; ++token) {
      const float logit_gradient = probabilities_[token] - label[token];
      if (logit_gradient == 0.0f) continue;
      output_bias_.gradient[token] += logit_gradient;
      float* gradient_row = output_weights_.gradient.data() + token * shape_.hidden;
      const float* row = output_weights_.value.data() + token * shape_.hidden;
      for (std::size_t unit = 0; unit < shape_.hidden; ++unit) {
        gradient_row[unit] += logit_gradient * activations_[unit];
        hidden_gradient_[unit] += logit_gradient * row[unit];
      }
    }
    for (std::size_t unit = 0; unit < shape_.hidden; ++unit) {
      if (sums_[unit] <= 0.0f) continue;
      const float sum_gradient = hidden_gradient_[unit];
      hidden_bias_.gradient[unit] += sum_gradient;
      float* gradient_row = hidden_weights_.gradient.data() + unit * inputs_.size();
      const float* row = hidden_weights_.value.data() + unit * inputs_.size();
      for (std::size_t slot = 0; slot < shape_.context; ++slot) {
        float* embedding_gradient =
            embedding_.gradient.data() + context[slot] * shape_.embedding;
        for (std::size_t column = 0; column < shape_.embedding; ++column) {
          const std::size_t input = slot * shape_.embedding + column;
          gradient_row[input] += sum_gradient * inputs_[input];
          embedding_gradient[column] += sum_gradient * row[input];
        }
      }
    }
  }

  void adam_step(float learning_rate, std::size_t batch, std::size_t step) {
    const float correction1 = 1.0f - std::pow(kAdamBeta1, static_cast<float>(step));
    const float correction2 = 1.0f - std::pow(kAdamBeta2, static_cast<float>(step));
    const float batch_scale = 1.0f / static_cast<float>(batch);
    for (Tensor* tensor : tensors()) {
      tensor->adam_step(learning_rate, batch_scale, correction1, correction2);
    }
  }

  std::span<const float> probabilities() const { return probabilities_; }

  IntegerModelParameters quantize(std::span<const Token> corpus,
                                  std::span<const std::size_t> calibration) const;

private:
  std::array<Tensor*, 5> tensors() {
    return {&embedding_, &hidden_weights_, &hidden_bias_, &output_weights_, &output_bias_};
  }

  ModelShape shape_;
  Tensor embedding_, hidden_weights_, hidden_bias_, output_weights_, output_bias_;
  std::vector<float> inputs_, sums_, activations_, probabilities_, hidden_gradient_;
};

// Symmetric per-tensor int8 quantization; returns the scale (real value of one step).
float quantize_int8(const std::vector<float>& values, std::vector<std::int8_t>& out) {
  const float largest = max_magnitude(values);
  const float scale = largest > 0.0f ? largest / 127.0f : 1.0f;
  out.resize(values.size());
  for (std::size_t index = 0; index < values.size(); ++index) {
    out[index] = static_cast<std::int8_t>(
        std::clamp(std::lround(values[index] / scale), -127L, 127L));
  }
  return scale;
}

std::vector<std::int32_t> quantize_bias(const std::vector<float>& values, double scale) {
  std::vector<std::int32_t> out(values.size());
  for (std::size_t index = 0; index < values.size(); ++index) {
    out[index] = static_cast<std::int32_t>(std::llround(values[index] / scale));
  }
  return out;
}

IntegerModelParameters FloatModel::quantize(std::span<const Token> corpus,
                                            std::span<const std::size_t> calibration) const {
  IntegerModelParameters parameters;
  parameters.shape = shape_;
  const double embedding_scale = quantize_int8(embedding_.value, parameters.embedding);
  const double hidden_weight_scale = quantize_int8(hidden_weights_.value, parameters.hidden_weights);
  const double sum_scale = embedding_scale * hidden_weight_scale;
  parameters.hidden_bias = quantize_bias(hidden_bias_.value, sum_scale);
  // Placeholders, so that IntegerModel can compute the hidden sums to calibrate on.
  parameters.output_weights.assign(shape_.vocabulary * shape_.hidden, 0);
  parameters.output_bias.assign(shape_.vocabulary, 0);
  parameters.exp_table.assign(kExpTableSize, 1);

  std::vector<std::int32_t> positive_sums;
  {
    const IntegerModel partial(parameters);
    std::vector<Token> context;
    for (std::size_t position : calibration) {
      context_before(corpus, position, shape_.context, context);
      for (std::int32_t sum : partial.hidden_accumulators(context)) {
        if (sum > 0) positive_sums.push_back(sum);
      }
    }
  }
  std::int32_t calibration_sum = 127;
  if (!positive_sums.empty()) {
    const auto quantile = positive_sums.begin() +
        static_cast<std::ptrdiff_t>(kHiddenCalibrationQuantile *
                                    static_cast<double>(positive_sums.size() - 1));
    std::nth_element(positive_sums.begin(), quantile, positive_sums.end());
    calibration_sum = std::max(*quantile, 127);
  }
  while ((calibration_sum >> parameters.hidden_shift) > 127) ++parameters.hidden_shift;
  const double activation_scale = sum_scale * std::ldexp(1.0, static_cast<int>(parameters.hidden_shift));

  const double output_weight_scale = quantize_int8(output_weights_.value, parameters.output_weights);
  const double logit_scale = output_weight_scale * activation_scale;  // nats per logit step
  parameters.output_bias = quantize_bias(output_bias_.value, logit_scale);
  while (parameters.mass_shift < 31 &&
         static_cast<double>(kExpTableSize) * std::ldexp(logit_scale, static_cast<int>(parameters.mass_shift)) <
             kExpTableRangeNats) {
    ++parameters.mass_shift;
  }
  const double nats_per_entry = std::ldexp(logit_scale, static_cast<int>(parameters.mass_shift));
  for (std::size_t entry = 0; entry < kExpTableSize; ++entry) {
    parameters.exp_table[entry] = static_cast<std::uint16_t>(
        std::lround(65535.0 * std::exp(-static_cast<double>(entry) * nats_per_entry)));
  }
  validate(parameters);
  return parameters;
}

using LabelFunction = std::function<void(std::size_t position, std::span<float> label)>;

void train(FloatModel& model, const ModelShape& shape, std::span<const Token> corpus,
           std::size_t training_end, std::size_t epochs, const TrainingOptions& options,
           const LabelFunction& label_of, XorshiftRng& rng) {
  std::vector<std::size_t> order(training_end);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const std::size_t batches_per_epoch = (training_end + options.batch_size - 1) / options.batch_size;
  const std::size_t total_steps = std::max<std::size_t>(1, epochs * batches_per_epoch);
  std::vector<Token> context;
  std::vector<float> label(shape.vocabulary);
  std::size_t step = 0;
  for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t index = order.size(); index > 1; --index) {
      std::swap(order[index - 1], order[uniform_below(rng, index)]);
    }
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::size_t end = std::min(order.size(), start + options.batch_size);
      for (std::size_t index = start; index < end; ++index) {
        context_before(corpus, order[index], shape.context, context);
        label_of(order[index], label);
        model.forward(context);
        model.backward(context, label);
      }
      ++step;
      // Linear decay to a tenth of the rate over the run.
      const double progress = static_cast<double>(step) / static_cast<double>(total_steps);
      model.adam_step(static_cast<float>(options.learning_rate * (1.0 - 0.9 * progress)),
                      end - start, step);
    }
  }
}

ModelQuality measure_quality(FloatModel& float_model, const IntegerModel& integer_model,
                             std::span<const Token> corpus, std::size_t held_out_start) {
  ModelQuality quality;
  std::vector<Token> context;
  const std::size_t count = corpus.size() - held_out_start;
  for (std::size_t position = held_out_start; position < corpus.size(); ++position) {
    context_before(corpus, position, integer_model.context_length(), context);
    float_model.forward(context);
    quality.float_bits_per_character -= std::log2(float_model.probabilities()[corpus[position]]);
    const NextTokenScores scores = integer_model.score(context);
    quality.quantized_bits_per_character -=
        std::log2(static_cast<double>(std::max<std::uint32_t>(scores.masses[corpus[position]], 1)) /
                  static_cast<double>(scores.total_mass));
  }
  quality.float_bits_per_character /= static_cast<double>(std::max<std::size_t>(count, 1));
  quality.quantized_bits_per_character /= static_cast<double>(std::max<std::size_t>(count, 1));
  return quality;
}

std::vector<std::size_t> calibration_positions(std::size_t training_end) {
  std::vector<std::size_t> positions;
  const std::size_t stride = std::max<std::size_t>(1, training_end / kCalibrationPositions);
  for (std::size_t position = 0; position < training_end; position += stride) {
    positions.push_back(position);
  }
  return positions;
}

}  // namespace

TrainedModels train_models(std::span<const Token> corpus, const TrainingOptions& options) {
  if (options.target_shape.vocabulary != options.draft_shape.vocabulary) {
    throw std::invalid_argument("target and draft must share a vocabulary");
  }
  const std::size_t vocabulary = options.target_shape.vocabulary;
  for (Token token : corpus) {
    if (token >= vocabulary) {
      throw std::invalid_argument(
          fmt::format("corpus token {} is outside the {}-token vocabulary", token, vocabulary));
    }
  }
  const auto held_out = static_cast<std::size_t>(options.held_out_fraction *
                                                 static_cast<double>(corpus.size()));
  const std::size_t training_end = corpus.size() - held_out;
  if (training_end == 0 || held_out == 0 || options.batch_size == 0) {
    throw std::invalid_argument(fmt::format(
        "a corpus of {} tokens leaves no training or held-out text", corpus.size()));
  }
  const std::vector<std::size_t> calibration = calibration_positions(training_end);
  // One long stream per run, so no seed mixing is needed; this start state is the one
  // the checked-in weights were trained from, which keeps them reproducible.
  XorshiftRng rng = XorshiftRng::from_state(options.seed ^ XorshiftRng::kGoldenGamma);
  TrainedModels result;

  FloatModel target(options.target_shape, rng);
  const LabelFunction text_label = [&](std::size_t position, std::span<float> label) {
    std::fill(label.begin(), label.end(), 0.0f);
    label[corpus[position]] = 1.0f;
  };
  train(target, options.target_shape, corpus, training_end, options.target_epochs, options,
        text_label, rng);
  result.target = target.quantize(corpus, calibration);
  const IntegerModel integer_target(result.target);
  result.target_quality = measure_quality(target, integer_target, corpus, training_end);

  // The draft imitates the quantized target, the distribution it will be checked against.
  std::vector<float> target_distributions(training_end * vocabulary);
  {
    std::vector<Token> context;
    for (std::size_t position = 0; position < training_end; ++position) {
      context_before(corpus, position, options.target_shape.context, context);
      const NextTokenScores scores = integer_target.score(context);
      for (std::size_t token = 0; token < vocabulary; ++token) {
        target_distributions[position * vocabulary + token] =
            static_cast<float>(scores.masses[token]) / static_cast<float>(scores.total_mass);
      }
    }
  }
  const auto distillation = static_cast<float>(options.distillation_weight);
  const LabelFunction distilled_label = [&](std::size_t position, std::span<float> label) {
    for (std::size_t token = 0; token < vocabulary; ++token) {
      label[token] = distillation * target_distributions[position * vocabulary + token];
    }
    label[corpus[position]] += 1.0f - distillation;
  };
  FloatModel draft(options.draft_shape, rng);
  train(draft, options.draft_shape, corpus, training_end, options.draft_epochs, options,
        distilled_label, rng);
  result.draft = draft.quantize(corpus, calibration);
  const IntegerModel integer_draft(result.draft);
  result.draft_quality = measure_quality(draft, integer_draft, corpus, training_end);

  std::size_t agreements = 0;
  for (std::size_t position = training_end; position < corpus.size(); ++position) {
    const std::span<const Token> history = corpus.first(position);
    agreements += integer_target.score(history).argmax == integer_draft.score(history).argmax;
  }
  result.greedy_agreement = static_cast<double>(agreements) / static_cast<double>(held_out);
  return result;
}

std::vector<Token> load_corpus(std::span<const std::filesystem::path> files) {
  std::vector<Token> tokens;
  const Token space = Vocabulary::token_of(' ');
  for (const std::filesystem::path& file : files) {
    const std::string text = read_regular_file(file, "corpus file");
    bool pending_space = !tokens.empty();
    for (const char character : text) {
      if (character == ' ' || character == '\n' || character == '\t' || character == '\r' ||
          character == '\f' || character == '\v') {
        pending_space = !tokens.empty();
        continue;
      }
      if (pending_space) tokens.push_back(space);
      pending_space = false;
      tokens.push_back(Vocabulary::token_of(character));
    }
  }
  return tokens;
}

std::vector<std::filesystem::path> default_corpus_files() {
  const std::filesystem::path licenses = "/usr/share/common-licenses";
  return {licenses / "GPL-3", licenses / "LGPL-2.1", licenses / "Apache-2.0",
          licenses / "MPL-2.0", licenses / "Artistic", licenses / "BSD"};
}

}  // namespace tetra::models
