// The accelerator inside a SystemC top: an sc_clock, and SC_THREAD hosts that stream
// prompts in and tokens out. The tokens equal the reference decoder's, and every
// performance and traffic counter equals that of the Tetra-only run (accel::run_accelerator).
#include "sim/systemc/tetra_module.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "accel/accelerator_bench.hpp"
#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "tests/systemc/scenario.hpp"

namespace tetra::systemc {
namespace {

using accel::CounterValue;

// The default models, loaded once.
const models::IntegerModelParameters& parameters(models::ModelRole role) {
  auto load = [](models::ModelRole which) { return models::load_model(models::default_model_path(which), which); };
  static const models::IntegerModelParameters target = load(models::ModelRole::target);
  static const models::IntegerModelParameters draft = load(models::ModelRole::draft);
  return role == models::ModelRole::target ? target : draft;
}

// Every port of the accelerator as a SystemC port: two-state inputs, as a SystemC host
// drives them, and four-state outputs, which are X until the reset.
class AcceleratorInSystemC : public TetraModule {
public:
  template <std::size_t N>
  using Word = sc_dt::sc_uint<static_cast<int>(N)>;
  using Count = sc_dt::sc_lv<static_cast<int>(width_of<CounterValue>)>;

  sc_core::sc_in<bool> clk{"clk"}, rst{"rst"}, start{"start"}, cfg_sample{"cfg_sample"};
  sc_core::sc_in<bool> in_valid{"in_valid"}, out_ready{"out_ready"};
  sc_core::sc_in<Word<16>> cfg_prompt_length{"cfg_prompt_length"}, cfg_new_tokens{"cfg_new_tokens"};
  sc_core::sc_in<Word<8>> cfg_draft_length{"cfg_draft_length"};
  sc_core::sc_in<Word<64>> cfg_seed{"cfg_seed"};
  sc_core::sc_in<sc_dt::sc_lv<8>> in_token{"in_token"};
  sc_core::sc_out<sc_dt::sc_logic> in_ready{"in_ready"}, out_valid{"out_valid"}, done{"done"};
  sc_core::sc_out<sc_dt::sc_lv<8>> out_token{"out_token"};
  sc_core::sc_out<Count> cycles{"cycles"}, draft_cycles{"draft_cycles"}, verify_cycles{"verify_cycles"},
      stall_cycles{"stall_cycles"}, iterations{"iterations"}, drafted{"drafted"}, accepted{"accepted"},
      emitted{"emitted"}, rejections{"rejections"};
  std::deque<sc_core::sc_out<Count>> traffic_counters;  ///< in the order of accel::traffic_counter_name

  AcceleratorInSystemC(const sc_core::sc_module_name& name, const accel::HardwareParameters& hardware)
      : TetraModule(name),
        accelerator(simulation(), "accelerator", parameters(models::ModelRole::target),
                    parameters(models::ModelRole::draft), hardware) {
    connect(clk, accelerator.clk);
    connect(rst, accelerator.rst);
    connect(start, accelerator.start);
    connect(cfg_prompt_length, accelerator.cfg_prompt_length);
    connect(cfg_new_tokens, accelerator.cfg_new_tokens);
    connect(cfg_draft_length, accelerator.cfg_draft_length);
    connect(cfg_sample, accelerator.cfg_sample);
    connect(cfg_seed, accelerator.cfg_seed);
    connect(in_valid, accelerator.in_valid);
    connect(in_token, accelerator.in_token);
    connect(accelerator.in_ready, in_ready);
    connect(accelerator.out_valid, out_valid);
    connect(accelerator.out_token, out_token);
    connect(out_ready, accelerator.out_ready);
    connect(accelerator.done, done);
    connect(accelerator.cycles, cycles);
    connect(accelerator.draft_cycles, draft_cycles);
    connect(accelerator.verify_cycles, verify_cycles);
    connect(accelerator.stall_cycles, stall_cycles);
    connect(accelerator.iterations, iterations);
    connect(accelerator.drafted, drafted);
    connect(accelerator.accepted, accepted);
    connect(accelerator.emitted, emitted);
    connect(accelerator.rejections, rejections);
    for (std::size_t index = 0; index < accel::kTrafficCounterCount; ++index) {
      traffic_counters.emplace_back(accel::traffic_counter_name(index).c_str());
      connect(accelerator.traffic_counters[index], traffic_counters[index]);
    }
  }

  accel::Accelerator accelerator;
};

// One accelerator, its signals and its host: what a SystemC platform would write.
class SystemCHost {
public:
  SystemCHost(const std::string& name, sc_core::sc_clock& clock, std::vector<models::Token> prompt,
              const accel::RunParameters& run)
      : prompt_(std::move(prompt)), run_(run), dut_((name + "_accelerator").c_str(), {}) {
    dut_.clk(clock);
    bind_all();
    sc_core::sc_spawn_options options;
    sc_core::sc_spawn([this, &clock] { feed(clock); }, (name + "_feed").c_str(), &options);
    sc_core::sc_spawn([this, &clock] { collect(clock); }, (name + "_collect").c_str(), &options);
  }

  [[nodiscard]] bool finished() const { return finished_; }
  [[nodiscard]] const std::vector<models::Token>& tokens() const { return tokens_; }
  [[nodiscard]] const accel::CounterValues& counters() const { return counters_; }
  [[nodiscard]] const accel::TrafficCounts& traffic() const { return traffic_; }

private:
  static void tick(sc_core::sc_clock& clock) { sc_core::wait(clock.posedge_event()); }

  // The same protocol as accel::AcceleratorBench: two cycles of reset, the
  // configuration with a one-cycle start pulse, then the prompt token by token.
  void feed(sc_core::sc_clock& clock) {
    rst_.write(true);
    start_.write(false);
    in_valid_.write(false);
    out_ready_.write(true);
    tick(clock);
    tick(clock);
    rst_.write(false);
    cfg_prompt_length_.write(prompt_.size());
    cfg_new_tokens_.write(run_.new_tokens);
    cfg_draft_length_.write(run_.draft_length);
    cfg_sample_.write(run_.mode == models::DecodeMode::sample);
    cfg_seed_.write(run_.seed);
    start_.write(true);
    tick(clock);
    start_.write(false);
    for (const models::Token token : prompt_) {
      in_valid_.write(true);
      in_token_.write(sc_dt::sc_lv<8>(token));
      do {
        tick(clock);  // in_ready as it was at this edge: the token was taken if it was 1
      } while (in_ready_.read() != sc_dt::SC_LOGIC_1);
    }
    in_valid_.write(false);
  }

  void collect(sc_core::sc_clock& clock) {
    while (tokens_.size() < run_.new_tokens) {
      tick(clock);
      if (out_valid_.read() == sc_dt::SC_LOGIC_1) {
        tokens_.push_back(static_cast<models::Token>(out_token_.read().to_uint()));
      }
    }
    while (done_.read() != sc_dt::SC_LOGIC_1) tick(clock);
    auto count = [](const sc_core::sc_signal<AcceleratorInSystemC::Count>& signal) {
      return signal.read().to_uint64();
    };
    counters_ = {count(cycles_),  count(draft_cycles_), count(verify_cycles_), count(stall_cycles_),
                 count(iterations_), count(drafted_),   count(accepted_),      count(emitted_),
                 count(rejections_)};
    for (std::size_t index = 0; index < accel::kTrafficCounterCount; ++index) {
      accel::traffic_counter(traffic_, index) = count(traffic_counters_[index]);
    }
    finished_ = true;
  }

  void bind_all() {
    dut_.rst(rst_);
    dut_.start(start_);
    dut_.cfg_sample(cfg_sample_);
    dut_.in_valid(in_valid_);
    dut_.out_ready(out_ready_);
    dut_.cfg_prompt_length(cfg_prompt_length_);
    dut_.cfg_new_tokens(cfg_new_tokens_);
    dut_.cfg_draft_length(cfg_draft_length_);
    dut_.cfg_seed(cfg_seed_);
    dut_.in_token(in_token_);
    dut_.in_ready(in_ready_);
    dut_.out_valid(out_valid_);
    dut_.done(done_);
    dut_.out_token(out_token_);
    dut_.cycles(cycles_);
    dut_.draft_cycles(draft_cycles_);
    dut_.verify_cycles(verify_cycles_);
    dut_.stall_cycles(stall_cycles_);
    dut_.iterations(iterations_);
    dut_.drafted(drafted_);
    dut_.accepted(accepted_);
    dut_.emitted(emitted_);
    dut_.rejections(rejections_);
    for (std::size_t index = 0; index < accel::kTrafficCounterCount; ++index) {
      traffic_counters_.emplace_back(fmt::format("traffic_{}", index).c_str());
      dut_.traffic_counters[index](traffic_counters_[index]);
    }
  }

  std::vector<models::Token> prompt_;
  accel::RunParameters run_;
  sc_core::sc_signal<bool> rst_, start_, cfg_sample_, in_valid_, out_ready_;
  sc_core::sc_signal<AcceleratorInSystemC::Word<16>> cfg_prompt_length_, cfg_new_tokens_;
  sc_core::sc_signal<AcceleratorInSystemC::Word<8>> cfg_draft_length_;
  sc_core::sc_signal<AcceleratorInSystemC::Word<64>> cfg_seed_;
  sc_core::sc_signal<sc_dt::sc_lv<8>> in_token_, out_token_;
  sc_core::sc_signal<sc_dt::sc_logic> in_ready_, out_valid_, done_;
  sc_core::sc_signal<AcceleratorInSystemC::Count> cycles_, draft_cycles_, verify_cycles_, stall_cycles_,
      iterations_, drafted_, accepted_, emitted_, rejections_;
  std::deque<sc_core::sc_signal<AcceleratorInSystemC::Count>> traffic_counters_;
  AcceleratorInSystemC dut_;
  std::vector<models::Token> tokens_;
  accel::CounterValues counters_;
  accel::TrafficCounts traffic_;
  bool finished_ = false;
};

struct Case {
  std::string prompt;
  accel::RunParameters run;
};

void accelerators_in_systemc_match_the_reference_and_the_tetra_cycles() {
  const std::vector<Case> cases{
      {"This program is free software", {40, 4, models::DecodeMode::greedy, 1}},
      {"the ", {40, 3, models::DecodeMode::sample, 7}},
      {"WITHOUT ANY WARRANTY", {30, 0, models::DecodeMode::greedy, 1}},
  };
  // Every accelerator on one clock, each with its own Tetra simulation, side by side.
  sc_core::sc_clock clock("clock", sc_core::sc_time(1, sc_core::SC_NS), 0.5, sc_core::sc_time(500, sc_core::SC_PS));
  std::vector<std::unique_ptr<SystemCHost>> hosts;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    hosts.push_back(std::make_unique<SystemCHost>(fmt::format("run{}", i), clock,
                                                  models::Vocabulary::encode(cases[i].prompt), cases[i].run));
  }
  sc_core::sc_spawn_options options;
  sc_core::sc_spawn(
      [&] {
        while (!std::all_of(hosts.begin(), hosts.end(), [](const auto& host) { return host->finished(); })) {
          sc_core::wait(clock.posedge_event());
        }
        sc_core::sc_stop();
      },
      "stopper", &options);
  sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_MS));
  ASSERT_EQ(sc_core::sc_get_status(), sc_core::SC_STOPPED) << "the runs did not finish within 1 ms";

  const models::IntegerModel target(parameters(models::ModelRole::target));
  const models::IntegerModel draft(parameters(models::ModelRole::draft));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(::testing::Message() << "prompt \"" << cases[i].prompt << "\"");
    const std::vector<models::Token> prompt = models::Vocabulary::encode(cases[i].prompt);
    const accel::RunParameters& run = cases[i].run;
    const models::DecodeResult reference =
        models::decode_speculative(target, draft, prompt, {run.new_tokens, run.draft_length, run.mode, run.seed});
    const accel::AcceleratorRun tetra_only = accel::run_accelerator(
        parameters(models::ModelRole::target), parameters(models::ModelRole::draft), {}, prompt, run);
    EXPECT_EQ(hosts[i]->tokens(), reference.tokens);
    EXPECT_EQ(hosts[i]->tokens(), tetra_only.tokens);
    const accel::CounterValues& in_systemc = hosts[i]->counters();
    const accel::CounterValues& expected = tetra_only.counters;
    EXPECT_EQ(in_systemc.cycles, expected.cycles);
    EXPECT_EQ(in_systemc.draft_cycles, expected.draft_cycles);
    EXPECT_EQ(in_systemc.verify_cycles, expected.verify_cycles);
    EXPECT_EQ(in_systemc.stall_cycles, expected.stall_cycles);
    EXPECT_EQ(in_systemc.iterations, expected.iterations);
    EXPECT_EQ(in_systemc.drafted, expected.drafted);
    EXPECT_EQ(in_systemc.accepted, expected.accepted);
    EXPECT_EQ(in_systemc.emitted, expected.emitted);
    EXPECT_EQ(in_systemc.rejections, expected.rejections);
    EXPECT_GT(in_systemc.cycles, 0u);
    EXPECT_EQ(hosts[i]->traffic(), tetra_only.traffic);
  }
}

TEST(AcceleratorInSystemC, TokensEqualTheReferenceAndCyclesEqualTheTetraOnlyRun) {
  RUN_SYSTEMC_SCENARIO(accelerators_in_systemc_match_the_reference_and_the_tetra_cycles());
}

}  // namespace
}  // namespace tetra::systemc
