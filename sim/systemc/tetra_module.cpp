#define SC_INCLUDE_DYNAMIC_PROCESSES
#include "sim/systemc/tetra_module.hpp"

#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_time.hpp"

namespace tetra::systemc {

TetraModule::TetraModule(const sc_core::sc_module_name& name)
    : sc_core::sc_module(name), simulation_(systemc_resolution()), boundary_(simulation_, basename()) {
  sc_core::sc_spawn_options synchronize_options;
  synchronize_options.spawn_method();
  synchronize_options.set_sensitivity(&wake_);
  synchronize_ = sc_core::sc_spawn([this] { synchronize(); }, "synchronize", &synchronize_options);

  sc_core::sc_spawn_options check_options;
  check_options.spawn_method();
  check_options.dont_initialize();
  check_options.set_sensitivity(&unknown_held_);
  sc_core::sc_spawn([this] { check_unknown_bits(); }, "check_unknown_bits", &check_options);
}

TetraModule::~TetraModule() {
  // Unless SystemC stopped, the design's end hooks (tracers closing their files) run now,
  // told whether SystemC reported an error (a failing sc_start). A destructor cannot
  // throw: a hook's own error is printed, as ~Simulation does.
  try {
    simulation_.end_simulation(sc_core::sc_report_handler::get_count(sc_core::SC_ERROR) > 0);
  } catch (const std::exception& error) {
    fmt::print(stderr, "tetra: error while ending the simulation: {}\n", error.what());
  } catch (...) {
    fmt::print(stderr, "tetra: error while ending the simulation: a non-standard exception\n");
  }
}

void TetraModule::synchronize() {
  if (simulation_.has_ended()) return;
  try {
    // One SystemC step is one Tetra tick.
    const Ticks now = sc_core::sc_time_stamp().value();
    if (now > simulation_.now_ticks()) {
      simulation_.run(simulation_.to_duration(now - simulation_.now_ticks()));
    }
    const bool all = !started_;
    started_ = true;
    for (const auto& input : inputs_) input->transfer(all);
    simulation_.settle();
    for (const auto& output : outputs_) {
      if (!output->transfer(all)) {
        held_.push_back(output.get());
        unknown_held_.notify(sc_core::SC_ZERO_TIME);
      }
    }
  } catch (...) {
    error_ = std::current_exception();
    throw;
  }
  if (simulation_.has_ended()) {
    sc_core::sc_stop();
    return;
  }
  schedule_wake();
}

void TetraModule::schedule_wake() {
  const std::optional<Duration> next = simulation_.next_event_time();
  const std::optional<Ticks> at = next ? std::optional<Ticks>(simulation_.to_ticks(*next)) : std::nullopt;
  // Tetra's next event is always later than now, so an equal wake_at_ is still pending.
  if (at == wake_at_) return;
  wake_.cancel();
  wake_at_ = at;
  if (at) wake_.notify(sc_core::sc_time::from_value(*at - simulation_.now_ticks()));
}

void TetraModule::check_unknown_bits() {
  // The time step has settled when nothing else is due at the current time.
  if (sc_core::sc_pending_activity_at_current_time()) {
    unknown_held_.notify(sc_core::SC_ZERO_TIME);
    return;
  }
  const std::vector<Output*> held = std::exchange(held_, {});
  for (const Output* output : held) {
    if (std::optional<std::string> message = output->still_unknown()) {
      error_ = std::make_exception_ptr(UnknownBitError(simulation_.now(), output->port_name(), *message));
      std::rethrow_exception(error_);
    }
  }
}

// The Tetra design is checked (ports, drivers) when SystemC's elaboration ends, so that
// its errors come before the simulation starts.
void TetraModule::end_of_elaboration() { simulation_.elaborate(); }

void TetraModule::end_of_simulation() { simulation_.end_simulation(false); }

}  // namespace tetra::systemc
