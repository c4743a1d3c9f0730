// A coroutine testbench for the accelerator: one thread streams the prompt with random
// gaps in valid, one takes tokens under random ready back-pressure (after a long pause
// that fills the output FIFO and stalls the controller), and a scoreboard checks every
// token against the reference decoder as it arrives. Optionally writes a VCD of the whole
// hierarchy.
//
//   accel_tb [--vcd FILE] [--seed S]
#include "accel/accelerator_bench.hpp"
#include "models/decoder.hpp"
#include "models/integer_model.hpp"
#include "models/model_file.hpp"
#include "models/vocabulary.hpp"
#include "sim/kernel/thread.hpp"
#include "sim/trace/tracer.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <string_view>

using namespace tetra;
using namespace tetra::accel;

namespace {

struct Options {
  std::string vcd_path;
  std::uint64_t seed = 11;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int index = 1; index < argc; ++index) {
    const std::string_view argument = argv[index];
    if (argument == "--vcd" && index + 1 < argc) {
      options.vcd_path = argv[++index];
    } else if (argument == "--seed" && index + 1 < argc) {
      options.seed = std::stoull(argv[++index]);
    } else {
      throw std::invalid_argument(fmt::format("unknown argument '{}' (usage: accel_tb [--vcd FILE] "
                                              "[--seed S])",
                                              argument));
    }
  }
  return options;
}

int run(const Options& options) {
  using models::ModelRole;
  const auto target = models::load_model(models::default_model_path(ModelRole::target), ModelRole::target);
  const auto draft = models::load_model(models::default_model_path(ModelRole::draft), ModelRole::draft);
  const std::vector<models::Token> prompt = models::Vocabulary::encode("Licensed under the Apache License");
  const RunParameters run{200, 4, models::DecodeMode::sample, options.seed};
  const std::vector<models::Token> expected =
      models::decode_speculative(models::IntegerModel(target), models::IntegerModel(draft), prompt,
                                 {run.new_tokens, run.draft_length, run.mode, run.seed})
          .tokens;

  AcceleratorBench bench(target, draft, {});
  if (!options.vcd_path.empty()) trace_vcd(bench.sim, options.vcd_path);
  std::mt19937_64 traffic(options.seed);
  std::bernoulli_distribution coin(0.5);
  std::size_t received = 0, mismatches = 0;

  bench.sim.thread("test", [&] {
    ThreadHandle driver = spawn("driver", [&] {
      bench.reset_and_start(run, prompt.size());
      for (const models::Token token : prompt) {
        while (coin(traffic)) {  // random gaps between prompt tokens
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
        bench.out_ready.write(bit(coin(traffic)));
        bench.tick();
        if (bench.out_valid.read() != L1 || bench.out_ready.read() != L1) continue;
        const auto token = static_cast<models::Token>(bench.out_token.read().to_uint64());
        if (token != expected[received]) {
          ++mismatches;
          fmt::print("token {}: accelerator {} , reference {}\n", received, token, expected[received]);
        }
        ++received;
      }
    });

    driver.join();
    scoreboard.join();
    while (bench.done.read() != L1) bench.tick();
    finish();
  });
  bench.sim.run();

  const CounterValues counters = read_counters(bench);
  fmt::print("{} tokens scoreboarded, {} mismatches; {} cycles, {} stalled (output FIFO full)\n",
             received, mismatches, counters.cycles, counters.stall_cycles);
  fmt::print("text: {}\n", models::Vocabulary::decode(expected));
  if (!options.vcd_path.empty()) fmt::print("waveform: {}\n", options.vcd_path);
  return mismatches == 0 && received == run.new_tokens ? EXIT_SUCCESS : EXIT_FAILURE;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& error) {
    fmt::print(stderr, "accel_tb: error: {}\n", error.what());
    return EXIT_FAILURE;
  }
}
