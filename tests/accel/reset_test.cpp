// Reset and X: before reset every output of the accelerator is X (an unreset register
// is never guessed as 0), after reset no output is X for a whole run, and an X on a
// control input the accelerator must act on is an error naming the port.
#include "accel/accelerator_bench.hpp"

#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/kernel/thread.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tetra::accel {
namespace {

using models::ModelRole;

struct Models {
  models::IntegerModelParameters target =
      models::load_model(models::default_model_path(ModelRole::target), ModelRole::target);
  models::IntegerModelParameters draft =
      models::load_model(models::default_model_path(ModelRole::draft), ModelRole::draft);
};

const Models& checked_in() {
  static const Models models;
  return models;
}

// Every output port of the accelerator, by name.
std::vector<std::pair<std::string, const SignalBase*>> outputs(const AcceleratorBench& bench) {
  return {{"in_ready", &bench.in_ready},     {"out_valid", &bench.out_valid},
          {"out_token", &bench.out_token},   {"done", &bench.done},
          {"cycles", &bench.cycles},         {"draft_cycles", &bench.draft_cycles},
          {"verify_cycles", &bench.verify_cycles}, {"stall_cycles", &bench.stall_cycles},
          {"iterations", &bench.iterations}, {"drafted", &bench.drafted},
          {"accepted", &bench.accepted},     {"emitted", &bench.emitted},
          {"rejections", &bench.rejections}};
}

bool has_unknown_bits(const SignalBase& signal) {
  return signal.value_bits().find_first_not_of("01") != std::string::npos;
}

TEST(AcceleratorReset, OutputsAreAllXWhileResetIsUnknownAndWhenResetNeverCame) {
  for (const Logic reset_level : {LX, L0}) {
    AcceleratorBench bench(checked_in().target, checked_in().draft, {});
    bench.rst.write(reset_level);
    bench.out_ready.write(L1);
    bench.in_valid.write(L0);
    bench.start.write(L0);
    bench.sim.thread("probe", [&] {
      for (int edge = 0; edge < 5; ++edge) bench.tick();
      finish();
    });
    bench.sim.run();
    for (const auto& [name, signal] : outputs(bench)) {
      EXPECT_EQ(signal->value_bits().find_first_not_of("x"), std::string::npos)
          << name << " is " << signal->value_bits() << " with rst " << reset_level.to_char();
    }
  }
}

TEST(AcceleratorReset, NoOutputIsXAtAnyEdgeFromResetToTheEndOfARun) {
  AcceleratorBench bench(checked_in().target, checked_in().draft, {});
  const std::vector<models::Token> prompt = models::Vocabulary::encode("the license");
  const RunParameters run{12, 3, models::DecodeMode::sample, 5};
  bench.out_ready.write(L1);
  std::size_t received = 0, edges_checked = 0;
  bench.sim.thread("host", [&] {
    bench.reset_and_start(run, prompt.size());
    bench.send_prompt(prompt);
  });
  bench.sim.thread("monitor", [&] {
    bench.tick();
    bench.tick();  // the first reset edge
    while (received < run.new_tokens || bench.done.read() != L1) {
      bench.tick();
      for (const auto& [name, signal] : outputs(bench)) {
        if (has_unknown_bits(*signal)) {
          ADD_FAILURE() << name << " is " << signal->value_bits() << " at " << to_string(now());
          finish();
          return;
        }
      }
      ++edges_checked;
      if (bench.out_valid.read() == L1) ++received;
    }
    finish();
  });
  bench.sim.run();
  EXPECT_EQ(received, run.new_tokens);
  EXPECT_GT(edges_checked, 1000u);
}

TEST(AcceleratorReset, AnUnknownValidWhileReadyIsAnErrorNamingThePort) {
  AcceleratorBench bench(checked_in().target, checked_in().draft, {});
  bench.out_ready.write(L1);
  bench.sim.thread("host", [&] {
    bench.reset_and_start({4, 2, models::DecodeMode::greedy, 1}, 3);
    bench.in_valid.write(LX);
    for (int edge = 0; edge < 4; ++edge) bench.tick();
  });
  try {
    bench.sim.run();
    FAIL() << "an X on in_valid was accepted";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("accelerator.host.in_valid"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace tetra::accel
