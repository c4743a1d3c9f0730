#include "sim/systemc/systemc_module.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/kernel/errors.hpp"
#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_time.hpp"

namespace tetra::systemc {

namespace {
// The SystemC context is the program's: one SystemCModule drives it, and whether it
// still runs outlives that module (the simulation's end hook stops it).
struct SystemCContext {
  const SystemCModule* host = nullptr;
  bool started = false;
  bool stopped = false;
};
SystemCContext& systemc_context() {
  static SystemCContext context;
  return context;
}

bool systemc_stopped() {
  const sc_core::sc_status status = sc_core::sc_get_status();
  return status == sc_core::SC_STOPPED || status == sc_core::SC_END_OF_SIMULATION;
}
}  // namespace

SystemCModule::SystemCModule(Scope& parent, std::string_view name)
    : Module(parent, name),
      wake_(simulation()),
      unknown_held_(simulation()),
      synchronize_(method("synchronize", [this] { synchronize(); }).sensitive(wake_)) {
  SystemCContext& context = systemc_context();
  if (context.host != nullptr) {
    throw ElaborationError(fmt::format("{}: SystemC has one simulation context per program, which {} already drives; "
                                       "put every SystemC model in one SystemCModule",
                                       path(), context.host->path()));
  }
  const Duration step = systemc_resolution();
  if (simulation().resolution().in_femtoseconds() % step.in_femtoseconds() != 0) {
    throw ElaborationError(fmt::format("{}: the simulation's resolution {} is not a whole number of SystemC's {}",
                                       path(), simulation().resolution(), step));
  }
  context.host = this;
  simulation().add_end_hook([](bool) {
    SystemCContext& ending = systemc_context();
    if (ending.started && !ending.stopped && !systemc_stopped()) sc_core::sc_stop();
    ending.stopped = true;
  });
}

SystemCModule::~SystemCModule() {
  SystemCContext& context = systemc_context();
  if (context.host == this) context.host = nullptr;
}

std::string SystemCModule::channel_name(const sc_core::sc_object& port) {
  std::string name = std::string("tetra_") + port.name();
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

void SystemCModule::watch_unknown_bits() {
  if (watching_unknown_bits_) return;
  watching_unknown_bits_ = true;
  // X passing while the slot settles is not an error; X that stays is.
  thread("check_unknown_bits", [this] {
    while (true) {
      wait(unknown_held_);
      wait_read_only();
      const std::vector<Input*> held = std::exchange(held_, {});
      for (const Input* input : held) {
        if (std::optional<std::string> message = input->still_unknown()) {
          throw UnknownBitError(simulation().now(), input->port_name(), *message);
        }
      }
    }
  });
}

void SystemCModule::synchronize() {
  SystemCContext& context = systemc_context();
  if (context.stopped) return;
  if (!started_ && sc_core::sc_get_current_process_handle().valid()) {
    throw std::logic_error("a SystemCModule cannot run inside a SystemC process (a TetraModule's simulation): "
                           "SystemC owns time there");
  }
  const Ticks now = simulation().now_ticks();
  wakes_.erase(std::remove_if(wakes_.begin(), wakes_.end(), [now](Ticks at) { return at <= now; }), wakes_.end());
  const sc_core::sc_time target = to_sc_time(simulation().now());
  if (sc_core::sc_time_stamp() < target) sc_core::sc_start(target - sc_core::sc_time_stamp());
  const bool first = !started_;
  started_ = true;
  context.started = true;
  if (!systemc_stopped()) {
    for (const auto& input : inputs_) {
      if (!input->transfer(first)) {
        held_.push_back(input.get());
        unknown_held_.notify();
      }
    }
    run_systemc_deltas(first);
  }
  for (const auto& output : outputs_) output->transfer(first);
  if (systemc_stopped()) {
    context.stopped = true;
    simulation().finish();
    return;
  }
  schedule_wake();
}

void SystemCModule::run_systemc_deltas(bool first) {
  // The first call also elaborates SystemC and runs its initialisation phase.
  while ((first || sc_core::sc_pending_activity_at_current_time()) && !systemc_stopped()) {
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
    first = false;
  }
}

void SystemCModule::schedule_wake() {
  const sc_core::sc_time until_next = sc_core::sc_time_to_pending_activity();
  if (until_next == sc_core::sc_max_time() - sc_core::sc_time_stamp()) return;  // nothing pending
  const Duration delay = to_duration(until_next);
  if (delay.in_femtoseconds() % simulation().resolution().in_femtoseconds() != 0) {
    throw std::invalid_argument(fmt::format("SystemC's next activity, {} from now, falls between two ticks of the "
                                            "simulation's resolution {}",
                                            delay, simulation().resolution()));
  }
  const Ticks at = simulation().ticks_after(delay);
  if (std::find(wakes_.begin(), wakes_.end(), at) != wakes_.end()) return;
  wakes_.push_back(at);
  wake_.notify_after(delay);
}

}  // namespace tetra::systemc
