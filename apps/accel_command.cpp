#include "apps/accel_command.hpp"

#include "apps/accel_options.hpp"
#include "apps/energy_options.hpp"
#include "apps/file_name_check.hpp"

#include "accel/accelerator_bench.hpp"
#include "models/model_file.hpp"
#include "models/speculative_speedup.hpp"
#include "models/vocabulary.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tetra::apps {

namespace {

using namespace tetra::models;
using accel::AcceleratorRun;
using accel::CounterValues;

struct AccelArguments : AccelOptions {
  std::string vcd_file;
  EnergyOptions energy;
  std::string fst_file;
  std::vector<std::string> vcd_signals;
};

// Progress on stderr once a run has taken a few seconds, at most a few times a second.
class ProgressReporter {
public:
  ProgressReporter(std::ostream& stream, std::string label)
      : stream_(stream), label_(std::move(label)), started_(Clock::now()), last_(started_) {}
  ~ProgressReporter() {
    if (shown_) stream_ << '\n';
  }
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  void update(std::size_t received, std::size_t wanted) {
    const Clock::time_point now = Clock::now();
    if (now - started_ < std::chrono::seconds(3) || now - last_ < std::chrono::milliseconds(250)) {
      return;
    }
    last_ = now;
    shown_ = true;
    stream_ << fmt::format("\r{}: {}/{} tokens", label_, received, wanted) << std::flush;
  }

private:
  using Clock = std::chrono::steady_clock;
  std::ostream& stream_;
  std::string label_;
  Clock::time_point started_, last_;
  bool shown_ = false;
};

AcceleratorRun run_with_progress(const AccelArguments& arguments,
                                 const IntegerModelParameters& target,
                                 const IntegerModelParameters& draft,
                                 const std::vector<Token>& prompt, std::size_t draft_length,
                                 bool traced, std::ostream& progress) {
  ProgressReporter reporter(progress, fmt::format("tetra accel: K = {}", draft_length));
  accel::RunHooks hooks;
  if (traced) {
    hooks.vcd_path = arguments.vcd_file;
    hooks.fst_path = arguments.fst_file;
    hooks.trace_signals = arguments.vcd_signals;
  }
  hooks.progress = [&reporter](std::size_t received, std::size_t wanted) {
    reporter.update(received, wanted);
  };
  return accel::run_accelerator(target, draft, arguments.hardware, prompt, arguments.run(draft_length), hooks);
}

double per(std::uint64_t numerator, std::uint64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

void run_accel(const AccelArguments& arguments, std::ostream& out, std::ostream& progress) {
  const accel::EnergyCosts costs = arguments.energy.costs();
  const IntegerModelParameters target = load_model(arguments.target_file, ModelRole::target);
  const IntegerModelParameters draft = load_model(arguments.draft_file, ModelRole::draft);
  accel::validate(arguments.hardware, target.shape, draft.shape);
  const std::vector<Token> prompt = Vocabulary::encode(arguments.prompt);
  const bool traced_whole = (!arguments.vcd_file.empty() || !arguments.fst_file.empty()) &&
                           arguments.vcd_signals.empty();
  if (traced_whole) {
    progress << "tetra accel: warning: --vcd/--fst trace every signal of the hierarchy, hundreds of MB per "
                "second of run; --vcd-signals GLOB traces only those that match\n";
  }
  const AcceleratorRun result =
      run_with_progress(arguments, target, draft, prompt, arguments.draft_length, true, progress);
  const AcceleratorRun baseline =
      arguments.draft_length == 0
          ? result
          : run_with_progress(arguments, target, draft, prompt, 0, false, progress);

  const CounterValues& counters = result.counters;
  const std::string text = Vocabulary::decode(result.tokens);
  const double alpha = result.acceptance_rate();
  const double tokens_per_cycle = per(counters.emitted, counters.cycles);
  // c: a draft step's cycles over a target step's (the baseline's cycles per token).
  const double cost_ratio =
      per(counters.draft_cycles, counters.drafted) / per(baseline.counters.cycles, arguments.tokens);
  const double measured_speedup = per(baseline.counters.cycles, counters.cycles);
  const double analytic_speedup = walltime_improvement(alpha, arguments.draft_length, cost_ratio);
  const accel::HardwareParameters& hardware = arguments.hardware;
  const accel::PerTokenTraffic traffic = accel::per_token(result.traffic, costs, counters.emitted);
  const accel::PerTokenTraffic baseline_traffic =
      accel::per_token(baseline.traffic, costs, baseline.counters.emitted);

  if (arguments.json) {
    const nlohmann::json report = {
        {"prompt", arguments.prompt},
        {"text", text},
        {"token_ids", result.tokens},
        {"mode", arguments.mode_name},
        {"k", arguments.draft_length},
        {"seed", arguments.seed},
        {"hardware", arguments.hardware_json()},
        {"counters", counters_json(counters)},
        {"tokens_per_cycle", tokens_per_cycle},
        {"acceptance_rate", alpha},
        {"tokens_per_iteration", per(counters.emitted, counters.iterations)},
        {"baseline", counters_json(baseline.counters)},
        {"cost_ratio", cost_ratio},
        {"speedup", {{"measured", measured_speedup}, {"analytic", analytic_speedup}}},
        {"traffic", traffic_json(result.traffic)},
        {"baseline_traffic", traffic_json(baseline.traffic)},
        {"energy_costs", energy_costs_json(arguments.energy, costs)},
        {"per_token", per_token_json(traffic)},
        {"baseline_per_token", per_token_json(baseline_traffic)},
    };
    out << report.dump() << '\n';
    return;
  }
  out << fmt::format("{}{}\n\n", arguments.prompt, text);
  out << fmt::format(
      "accelerator: K = {}, mode {}, seed {}; {} lanes, {} bytes/cycle, latency {} cycles\n",
      arguments.draft_length, arguments.mode_name, arguments.seed, hardware.lanes,
      hardware.memory_bytes_per_cycle, hardware.memory_latency);
  out << fmt::format("cycles {} (draft {}, verify {}, stall {}), {} tokens, {:.6f} tokens/cycle\n",
                     counters.cycles, counters.draft_cycles, counters.verify_cycles,
                     counters.stall_cycles, counters.emitted, tokens_per_cycle);
  out << fmt::format("iterations {}, drafted {}, accepted {}, rejections {}: acceptance {:.4f}\n",
                     counters.iterations, counters.drafted, counters.accepted, counters.rejections,
                     alpha);
  out << fmt::format("K = 0 on the same hardware: {} cycles, {:.6f} tokens/cycle\n",
                     baseline.counters.cycles, per(baseline.counters.emitted, baseline.counters.cycles));
  out << fmt::format("cost ratio c (draft step / target step, measured): {:.4f}\n", cost_ratio);
  out << fmt::format("{:<28}{:>10}{:>10}\n", "", "measured", "analytic");
  out << fmt::format("{:<28}{:>10.4f}{:>10.4f}\n", "speedup over K = 0", measured_speedup,
                     analytic_speedup);
  out << fmt::format("per token: off-chip {:.1f} bytes, SRAM {:.1f} bytes, {:.0f} MACs (K = 0: {:.1f}, {:.1f}, {:.0f})\n",
                     traffic.offchip_bytes, traffic.sram_bytes, traffic.macs,
                     baseline_traffic.offchip_bytes, baseline_traffic.sram_bytes, baseline_traffic.macs);
  out << fmt::format("energy per token ({}): {:.1f} nJ, {:.1f} nJ of it on rejected drafts (K = 0: {:.1f} nJ)\n",
                     arguments.energy.preset_name(), traffic.energy_pj / 1000, traffic.rejected_energy_pj / 1000,
                     baseline_traffic.energy_pj / 1000);
  for (const std::string& file : {arguments.vcd_file, arguments.fst_file}) {
    if (!file.empty()) out << fmt::format("waveform: {}\n", file);
  }
}

}  // namespace

void add_accel_command(CLI::App& app, std::ostream& out, std::ostream& progress) {
  auto arguments = std::make_shared<AccelArguments>();
  CLI::App* command = app.add_subcommand(
      "accel", "Decode on the cycle-accurate accelerator model; print cycles and the speedup");
  add_accel_options(*command, *arguments);
  add_energy_options(*command, arguments->energy);
  command->add_option("--vcd", arguments->vcd_file, "Write a VCD of the K run (every signal unless --vcd-signals)")
      ->check(non_empty_file_name());
  command->add_option("--fst", arguments->fst_file, "Write an FST (GTKWave's compressed format) of the K run (every signal unless --vcd-signals)")
      ->check(non_empty_file_name());
  command
      ->add_option("--vcd-signals", arguments->vcd_signals,
                   "Trace only the signals whose paths match these globs (* and ?), e.g. 'accelerator.controller.*'; "
                   "applies to --vcd and --fst");
  command->callback([arguments, &out, &progress] {
    if (!arguments->vcd_signals.empty() && arguments->vcd_file.empty() && arguments->fst_file.empty()) {
      throw CLI::ValidationError("--vcd-signals", "selects traced signals, so it needs --vcd or --fst");
    }
    run_accel(*arguments, out, progress);
  });
}

}  // namespace tetra::apps
