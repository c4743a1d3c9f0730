// A coroutine testbench for the accelerator: one thread streams the prompt with random
// gaps in valid, one takes tokens under random ready back-pressure (after a long pause
// that fills the output FIFO and stalls the controller), and a scoreboard checks every
// token against the reference decoder as it arrives. The runner's --seed drives both the
// sampling decoder and the traffic; its command line: accel_tb --help (docs/testbench.md).
#include "accel/accelerator_bench.hpp"
#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/testbench/check.hpp"
#include "sim/testbench/log.hpp"
#include "sim/testbench/random.hpp"
#include "sim/testbench/runner.hpp"
#include "sim/testbench/test_context.hpp"

#include <fmt/format.h>

#include <string>

using namespace tetra;
using namespace tetra::accel;

namespace {

void decodes_under_back_pressure(const testbench::Runner::RunBody& run_body) {
  using models::ModelRole;
  const auto target = models::load_model(models::default_model_path(ModelRole::target), ModelRole::target);
  const auto draft = models::load_model(models::default_model_path(ModelRole::draft), ModelRole::draft);
  const std::vector<models::Token> prompt = models::Vocabulary::encode("Licensed under the Apache License");
  const RunParameters run{200, 4, models::DecodeMode::sample, testbench::current_test("accel_tb").seed()};
  const std::vector<models::Token> expected =
      models::decode_speculative(models::IntegerModel(target), models::IntegerModel(draft), prompt,
                                 {run.new_tokens, run.draft_length, run.mode, run.seed})
          .tokens;

  AcceleratorBench bench(target, draft, {});
  run_body(bench.sim, [&] {
    testbench::Random& traffic = testbench::test_random();
    std::size_t received = 0;
    ThreadHandle driver = spawn("driver", [&] {
      bench.reset_and_start(run, prompt.size());
      for (const models::Token token : prompt) {
        while (traffic.chance(0.5)) {  // random gaps between prompt tokens
          bench.in_valid.write(L0);
          bench.tick();
        }
        bench.in_valid.write(L1);
        bench.in_token.write(TokenId(token));
        do bench.tick(); while (bench.in_ready.read() != L1);
      }
      bench.in_valid.write(L0);
    });

    ThreadHandle scoreboard = spawn("scoreboard", [&] {
      bench.out_ready.write(L0);
      for (int cycle = 0; cycle < 200'000; ++cycle) bench.tick();  // fills the FIFO
      while (received < run.new_tokens) {
        bench.out_ready.write(bit(traffic.chance(0.5)));
        bench.tick();
        if (bench.out_valid.read() != L1 || bench.out_ready.read() != L1) continue;
        const auto token = static_cast<models::Token>(bench.out_token.read().to_uint64());
        testbench::expect(token == expected[received],
                          fmt::format("token {}: accelerator {}, reference {}", received, token, expected[received]));
        ++received;
      }
    });

    driver.join();
    scoreboard.join();
    while (bench.done.read() != L1) bench.tick();
    const CounterValues counters = read_counters(bench);
    testbench::info("{} tokens scoreboarded; {} cycles, {} stalled (output FIFO full)", received, counters.cycles,
                    counters.stall_cycles);
    testbench::info("text: {}", models::Vocabulary::decode(expected));
  });
}

}  // namespace

int main(int argc, char** argv) {
  testbench::Runner runner("accel_tb", "The accelerator against the reference decoder under random traffic");
  runner.add_setup("decodes_under_back_pressure", decodes_under_back_pressure);
  return runner.main(argc, argv);
}
