#pragma once
// A ready-made simulation around the accelerator: a 1 ns clock, a signal on every port,
// and thread-side helpers that reset it, configure a run and stream a prompt. Tests,
// testbenches, the `tetra accel` command and the benchmark all build on it.

#include "accel/accelerator.hpp"

#include "sim/kernel/simulation.hpp"
#include "sim/lib/clock_generator.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace tetra::accel {

/// The accelerator's clock period, 1 ns (the simulation's resolution is 1 ps).
inline constexpr Duration kClockPeriod = Duration::femtoseconds(1'000'000);

/// Options of a decode beyond the decode itself.
struct RunHooks {
  std::string vcd_path;  ///< when not empty, traces the run's signals into this VCD file
  std::string fst_path;  ///< when not empty, traces the run's signals into this FST file
  std::vector<std::string> trace_signals;  ///< globs of the signals to trace; empty: every one
  std::function<void(std::size_t received, std::size_t wanted)> progress;  ///< after each token
  /// out_ready for the edge of this number (from 0): back-pressure; empty: always ready.
  std::function<bool(std::uint64_t edge)> out_ready;
  /// At the end of each decode iteration: the draft tokens it proposed and the number of
  /// them it accepted (a prefix), as the performance counters take them.
  std::function<void(std::size_t drafted, std::size_t accepted)> iteration;
};

/// What the sink of a decode took (AcceleratorBench::start_decode).
struct DecodeOutput {
  std::vector<models::Token> tokens;  ///< the generated tokens, prompt excluded
  std::uint64_t clock_cycles = 0;     ///< rising clock edges from the first to the last
};

/// The accelerator in a simulation, every port bound to a signal of the same name.
class AcceleratorBench {
public:
  /// Builds the simulation; throws std::invalid_argument for hardware parameters that do
  /// not fit the models.
  AcceleratorBench(const models::IntegerModelParameters& target,
                   const models::IntegerModelParameters& draft, const HardwareParameters& hardware);

  Simulation sim;
  ClockGenerator clock{sim, "clock", kClockPeriod};
  Signal<Logic> clk{sim, "clk"};
  Signal<Logic> rst{sim, "rst"};
  Signal<Logic> start{sim, "start"};
  Signal<Count16> cfg_prompt_length{sim, "cfg_prompt_length"};
  Signal<Count16> cfg_new_tokens{sim, "cfg_new_tokens"};
  Signal<PositionIndex> cfg_draft_length{sim, "cfg_draft_length"};
  Signal<Logic> cfg_sample{sim, "cfg_sample"};
  Signal<Vec<64>> cfg_seed{sim, "cfg_seed"};
  Signal<Logic> in_valid{sim, "in_valid"};
  Signal<TokenId> in_token{sim, "in_token"};
  Signal<Logic> in_ready{sim, "in_ready"};
  Signal<Logic> out_valid{sim, "out_valid"};
  Signal<TokenId> out_token{sim, "out_token"};
  Signal<Logic> out_ready{sim, "out_ready"};
  Signal<Logic> done{sim, "done"};
  Signal<CounterValue> cycles{sim, "cycles"};
  Signal<CounterValue> draft_cycles{sim, "draft_cycles"};
  Signal<CounterValue> verify_cycles{sim, "verify_cycles"};
  Signal<CounterValue> stall_cycles{sim, "stall_cycles"};
  Signal<CounterValue> iterations{sim, "iterations"};
  Signal<CounterValue> drafted{sim, "drafted"};
  Signal<CounterValue> accepted{sim, "accepted"};
  Signal<CounterValue> emitted{sim, "emitted"};
  Signal<CounterValue> rejections{sim, "rejections"};
  std::deque<Signal<CounterValue>> traffic_counters;  ///< in the order of traffic_counter_name
  Accelerator accelerator;

  /// Thread side: one rising clock edge.
  void tick();
  /// Thread side: reset for two edges, then set the configuration and pulse start.
  void reset_and_start(const RunParameters& run, std::size_t prompt_length);
  /// Thread side: streams the prompt (in_valid high until each token is taken).
  void send_prompt(std::span<const models::Token> prompt);

  /// Starts the threads of one decode: a host that resets, configures, starts and streams
  /// `prompt`, and a sink that takes run.new_tokens tokens into `tokens` (out_ready as
  /// `hooks` says), waits for done and ends the simulation. Both must outlive the run.
  void start_decode(std::span<const models::Token> prompt, const RunParameters& run,
                    const RunHooks& hooks, DecodeOutput& output);
};

/// The performance counters at the end of a run.
struct CounterValues {
  std::uint64_t cycles = 0, draft_cycles = 0, verify_cycles = 0, stall_cycles = 0;
  std::uint64_t iterations = 0, drafted = 0, accepted = 0, emitted = 0, rejections = 0;
  friend bool operator==(const CounterValues&, const CounterValues&) = default;
};

/// What a run produced.
struct AcceleratorRun {
  std::vector<models::Token> tokens;  ///< the generated tokens, prompt excluded
  CounterValues counters;
  TrafficCounts traffic;
  std::uint64_t clock_cycles = 0;     ///< rising clock edges simulated
  /// Measured alpha, as models::DecodeStatistics::acceptance_rate() defines it.
  [[nodiscard]] double acceptance_rate() const;
};

/// Decodes `prompt` on a fresh accelerator (out_ready as `hooks` says); returns the tokens
/// and the counters. Throws what the simulation throws (with time and path).
AcceleratorRun run_accelerator(const models::IntegerModelParameters& target,
                               const models::IntegerModelParameters& draft,
                               const HardwareParameters& hardware,
                               std::span<const models::Token> prompt, const RunParameters& run,
                               const RunHooks& hooks = {});

/// Every counter port in one order: CounterValues' nine fields (as declared), then the
/// traffic counters in traffic_counter_name's order. The RTL's ports have the same names.
inline constexpr std::size_t kCounterCount = 9 + kTrafficCounterCount;
/// Stores `value` as counter `index` (in that order) of `run`.
void set_counter(AcceleratorRun& run, std::size_t index, std::uint64_t value);

/// A counter port of the accelerator and the bench signal bound to it.
struct CounterPort {
  Out<CounterValue>* port;
  Signal<CounterValue>* signal;
};
/// The accelerator's counter ports, in the order above.
std::vector<CounterPort> counter_ports(AcceleratorBench& bench);

/// Reads the counter signals (all known after reset) into `run`'s counters and traffic.
void read_counters(AcceleratorBench& bench, AcceleratorRun& run);
/// Reads the performance counter signals.
CounterValues read_counters(AcceleratorBench& bench);

}  // namespace tetra::accel
