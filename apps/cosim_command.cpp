#include "apps/cosim_command.hpp"

#include "apps/accel_options.hpp"
#include "apps/file_name_check.hpp"

#include "accel/lockstep/lockstep_run.hpp"
#include "accel/lockstep/verilated_accelerator_run.hpp"
#include "models/vocabulary.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tetra::apps {

namespace {

using namespace tetra::models;

struct CosimArguments : AccelOptions {
  std::string vcd_file;
  std::string rtl_vcd_file;
  std::vector<std::string> rtl_plusargs;
};

/// Runs `body` and returns its result with the process CPU time it took.
template <class Body>
auto timed(Body body) {
  const std::clock_t started = std::clock();
  auto result = body();
  return std::pair{std::move(result), static_cast<double>(std::clock() - started) / CLOCKS_PER_SEC};
}

double cycles_per_second(std::uint64_t cycles, double seconds) {
  return seconds > 0 ? static_cast<double>(cycles) / seconds : 0.0;
}

void run_cosim(const CosimArguments& arguments, std::ostream& out) {
  const IntegerModelParameters target = load_model(arguments.target_file, ModelRole::target);
  const IntegerModelParameters draft = load_model(arguments.draft_file, ModelRole::draft);
  const accel::RtlConfiguration rtl{arguments.target_file, arguments.draft_file, arguments.hardware,
                                    arguments.rtl_plusargs};
  accel::validate(rtl, target.shape, draft.shape);
  const std::vector<Token> prompt = Vocabulary::encode(arguments.prompt);
  const accel::RunParameters run = arguments.run(arguments.draft_length);

  const IntegerModel target_model(target);
  const IntegerModel draft_model(draft);
  const std::vector<Token> reference =
      decode_speculative(target_model, draft_model, prompt, {run.new_tokens, run.draft_length, run.mode, run.seed})
          .tokens;
  accel::LockstepHooks hooks;
  hooks.run.vcd_path = arguments.vcd_file;
  hooks.rtl_vcd_path = arguments.rtl_vcd_file;
  const auto [lockstep, lockstep_seconds] =
      timed([&] { return accel::run_lockstep(target, draft, rtl, prompt, run, hooks); });
  const auto [kernel, kernel_seconds] =
      timed([&] { return accel::run_accelerator(target, draft, arguments.hardware, prompt, run); });
  const auto [verilated, rtl_seconds] =
      timed([&] { return accel::run_verilated_accelerator(rtl, target.shape, draft.shape, prompt, run); });

  // The lockstep compares every output at every edge; each side alone, and the
  // reference decoder, must give the same tokens.
  for (const auto& [name, tokens] : {std::pair{"the kernel model alone", &kernel.tokens},
                                     std::pair{"the Verilated RTL alone", &verilated.tokens},
                                     std::pair{"the lockstep", &lockstep.kernel.tokens}}) {
    if (*tokens != reference) {
      throw std::runtime_error(fmt::format("{} decoded \"{}\", but models::decode_speculative decodes \"{}\"", name,
                                           Vocabulary::decode(*tokens), Vocabulary::decode(reference)));
    }
  }
  const LockstepSummary& agreement = lockstep.agreement;
  const std::uint64_t cycles = lockstep.kernel.clock_cycles;
  const double kernel_speed = cycles_per_second(kernel.clock_cycles, kernel_seconds);
  const double rtl_speed = cycles_per_second(verilated.clock_cycles, rtl_seconds);
  const double lockstep_speed = cycles_per_second(cycles, lockstep_seconds);
  const std::string text = Vocabulary::decode(lockstep.kernel.tokens);

  if (arguments.json) {
    const nlohmann::json report = {
        {"prompt", arguments.prompt},
        {"text", text},
        {"token_ids", lockstep.kernel.tokens},
        {"mode", arguments.mode_name},
        {"k", arguments.draft_length},
        {"seed", arguments.seed},
        {"hardware", arguments.hardware_json()},
        {"counters", counters_json(lockstep.kernel.counters)},
        {"agreement",
         {{"cycles", agreement.cycles},
          {"signals", agreement.signals},
          {"divergences", agreement.divergences},
          {"resolved_by_rtl", agreement.resolved_by_rtl},
          {"reference_tokens_equal", true}}},
        {"clock_cycles", cycles},
        {"cycles_per_second", {{"kernel", kernel_speed}, {"rtl", rtl_speed}, {"lockstep", lockstep_speed}}},
    };
    out << report.dump() << '\n';
    return;
  }
  const accel::HardwareParameters& hardware = arguments.hardware;
  out << fmt::format("{}{}\n\n", arguments.prompt, text);
  out << fmt::format("lockstep: K = {}, mode {}, seed {}; {} lanes, {} bytes/cycle, latency {} cycles\n",
                     arguments.draft_length, arguments.mode_name, arguments.seed, hardware.lanes,
                     hardware.memory_bytes_per_cycle, hardware.memory_latency);
  out << fmt::format("tokens: {}, the same from the kernel model, the RTL and models::decode_speculative\n",
                     lockstep.kernel.tokens.size());
  out << fmt::format("agreement: {}\n", agreement.to_string());
  const accel::CounterValues& counters = lockstep.kernel.counters;
  out << fmt::format("counters (both sides): cycles {} (draft {}, verify {}, stall {}), iterations {}, drafted {}, "
                     "accepted {}, rejections {}, emitted {}\n",
                     counters.cycles, counters.draft_cycles, counters.verify_cycles, counters.stall_cycles,
                     counters.iterations, counters.drafted, counters.accepted, counters.rejections,
                     counters.emitted);
  out << fmt::format("speed, simulated cycles per CPU second ({} cycles):\n", cycles);
  out << fmt::format("  {:<36}{:>14.0f}\n", "kernel model alone (accel/)", kernel_speed);
  out << fmt::format("  {:<36}{:>14.0f}\n", "Verilated RTL alone (plain loop)", rtl_speed);
  out << fmt::format("  {:<36}{:>14.0f}\n", "lockstep (both, one simulation)", lockstep_speed);
  if (!arguments.vcd_file.empty()) out << fmt::format("waveform: {}\n", arguments.vcd_file);
  if (!arguments.rtl_vcd_file.empty()) out << fmt::format("RTL waveform: {}\n", arguments.rtl_vcd_file);
}

}  // namespace

void add_cosim_command(CLI::App& app, std::ostream& out) {
  auto arguments = std::make_shared<CosimArguments>();
  CLI::App* command = app.add_subcommand(
      "cosim", "Decode on the accelerator model and its Verilated RTL in lockstep; print the agreement and speeds");
  add_accel_options(*command, *arguments);
  command->add_option("--vcd", arguments->vcd_file, "Write a VCD of the lockstep simulation (both sides' ports)")
      ->check(non_empty_file_name());
  command->add_option("--rtl-vcd", arguments->rtl_vcd_file, "Write Verilator's VCD of the RTL's internals")
      ->check(non_empty_file_name());
  command->add_option("--rtl-plusarg", arguments->rtl_plusargs,
                      "One more plusarg for the RTL (testing: +fault_push=N corrupts the N-th token)")
      ->check(CLI::Validator(
          [](const std::string& plusarg) {
            return plusarg.starts_with('+') ? std::string() : "expected +NAME or +NAME=VALUE, found '" + plusarg + "'";
          },
          ""));
  command->callback([arguments, &out] { run_cosim(*arguments, out); });
}

}  // namespace tetra::apps
