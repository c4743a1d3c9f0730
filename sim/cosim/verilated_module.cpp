#include "sim/cosim/verilated_module.hpp"

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/cosim/errors.hpp"
#include "sim/cosim/verilated_adapter.hpp"
#include "sim/cosim/verilator_fatal.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/module/port.hpp"
#include "sim/trace/tracer.hpp"
#include "verilated.h"
#include "verilated_vcd_c.h"

namespace tetra {

// What must outlive the module when the simulation ends after it (the end hook holds a
// weak pointer), in destruction order: the trace file, the model, then its context.
struct VerilatedModule::Runtime {
  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<detail::VerilatedAdapter> adapter;
  std::unique_ptr<VerilatedVcdC> trace;
  const Scheduler* scheduler;
  std::string path;
  bool evaluated = false;
  bool ended = false;

  // Verilator registers and erases a model's scopes through the thread's context, so the
  // model must go while its own context is the thread's; then no context is.
  ~Runtime() {
    Verilated::threadContextp(context.get());
    trace.reset();
    adapter.reset();
    Verilated::threadContextp(nullptr);
  }
  Runtime(std::unique_ptr<VerilatedContext> its_context, std::unique_ptr<detail::VerilatedAdapter> its_adapter,
          const Scheduler& its_scheduler, std::string its_path)
      : context(std::move(its_context)),
        adapter(std::move(its_adapter)),
        scheduler(&its_scheduler),
        path(std::move(its_path)) {}
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Runs the final blocks of a model that ran and did not fail, and closes the trace.
  void end(bool failed) {
    if (ended) return;
    ended = true;
    Verilated::threadContextp(context.get());
    if (trace) trace->close();
    if (failed || !evaluated) return;
    try {
      adapter->final();
    } catch (const detail::VerilatorFatal& fatal) {
      throw VerilogError(scheduler->now(), path, fatal.what());
    }
  }
};

namespace {
std::string input_names(const Module& module) {
  std::string names;
  for (const Object* child : module.children()) {
    if (child->kind() != ObjectKind::port || static_cast<const PortBase*>(child)->direction() != PortDirection::in) {
      continue;
    }
    names += names.empty() ? child->name() : ", " + child->name();
  }
  return names;
}
}  // namespace

VerilatedModule::VerilatedModule(Scope& parent, std::string_view name, VerilatedOptions options,
                                 const VerilatedModelInfo& info)
    : Module(parent, name),
      options_(std::move(options)),
      info_(info),
      held_inputs_(simulation()),
      context_(std::make_unique<VerilatedContext>()),
      wake_(simulation()) {
  if (!options_.trace_file.empty() && !info_.traceable) {
    throw std::invalid_argument(fmt::format(
        "{}: a trace file ({}) needs the model Verilated with TRACE (tetra_add_verilated(... TRACE))", path(),
        options_.trace_file.string()));
  }
  std::vector<const char*> arguments{"tetra"};
  for (const std::string& plusarg : options_.plusargs) {
    if (plusarg.empty() || plusarg.front() != '+') {
      throw std::invalid_argument(fmt::format("{}: plusarg '{}' does not start with '+'", path(), plusarg));
    }
    arguments.push_back(plusarg.c_str());
  }
  context_->threads(info_.threads);
  context_->commandArgs(static_cast<int>(arguments.size()), arguments.data());
  if (!options_.trace_file.empty()) context_->traceEverOn(true);
  Verilated::threadContextp(context_.get());
}

VerilatedModule::~VerilatedModule() {
  if (!runtime_) {
    // A generated constructor threw before attach() took the model: leave no thread
    // context pointing at the context about to go.
    if (context_ && Verilated::threadContextp() == context_.get()) Verilated::threadContextp(nullptr);
    return;
  }
  try {
    runtime_->end(false);
  } catch (const std::exception& error) {
    fmt::print(stderr, "tetra: error while ending {}: {}\n", path(), error.what());
  }
}

UnknownBitPolicy VerilatedModule::unknown_bits_of(std::string_view port) const {
  for (const PortUnknownBits& entry : options_.port_unknown_bits) {
    if (entry.port == port) return entry.policy;
  }
  return options_.unknown_bits;
}

UnknownBitFiller VerilatedModule::unknown_bit_filler(const PortBase& port) {
  return UnknownBitFiller(unknown_bits_of(port.name()), port.path(), simulation());
}

void VerilatedModule::attach(std::unique_ptr<detail::VerilatedAdapter> adapter) {
  for (const PortUnknownBits& entry : options_.port_unknown_bits) {
    const Object* port = find(entry.port);
    if (port == nullptr || port->kind() != ObjectKind::port ||
        static_cast<const PortBase*>(port)->direction() != PortDirection::in) {
      throw std::invalid_argument(fmt::format("{}: an unknown-bit policy names '{}', which is not an input (inputs: {})",
                                              path(), entry.port, input_names(*this)));
    }
  }
  try {
    time_scale_.emplace(simulation().resolution(), context_->timeprecision());
  } catch (const std::invalid_argument& error) {
    throw std::invalid_argument(fmt::format("{}: {}", path(), error.what()));
  }

  adapter_ = adapter.get();
  runtime_ = std::make_shared<Runtime>(std::move(context_), std::move(adapter), simulation(), path());
  Runtime& runtime = *runtime_;

  MethodHandle evaluation = method("evaluate", [this] { evaluate(); });
  adapter_->make_sensitive(evaluation);
  evaluation.sensitive(wake_).run_at_start(true);
  thread("check_unknown_inputs", [this] {
    while (true) {
      wait(held_inputs_.held());
      wait_read_only();
      held_inputs_.check();
    }
  });

  if (!options_.trace_file.empty()) {
    Verilated::threadContextp(runtime.context.get());
    runtime.trace = std::make_unique<VerilatedVcdC>();
    adapter_->trace(*runtime.trace, options_.trace_depth);
    const std::string timescale = vcd_timescale_of(simulation().resolution()).to_string();
    runtime.trace->set_time_unit(timescale);
    runtime.trace->set_time_resolution(timescale);
    runtime.trace->open(options_.trace_file.c_str());
    if (!runtime.trace->isOpen()) {
      throw std::invalid_argument(
          fmt::format("{}: cannot open the trace file {}", path(), options_.trace_file.string()));
    }
    method("dump_trace", [this] { dump_trace(); }).sensitive(simulation().read_only_event()).run_at_start(false);
  }

  simulation().add_end_hook([weak = std::weak_ptr<Runtime>(runtime_)](bool failed) {
    if (const std::shared_ptr<Runtime> alive = weak.lock()) alive->end(failed);
  });
}

void VerilatedModule::evaluate() {
  if (!started_) {
    // Start-up delta: the values written in it are the model's first inputs.
    started_ = true;
    wake_.notify_delta();
    return;
  }
  Scheduler& scheduler = simulation();
  if (wake_pending_ && scheduler.now_ticks() >= next_wake_) wake_pending_ = false;
  Runtime& runtime = *runtime_;
  Verilated::threadContextp(runtime.context.get());
  set_model_time();
  try {
    adapter_->evaluate(evaluations_ == 0);
  } catch (const detail::VerilatorFatal& fatal) {
    throw VerilogError(scheduler.now(), path(), fatal.what());
  }
  ++evaluations_;
  runtime.evaluated = true;
  trace_due_ = true;
  if (runtime.context->gotFinish()) scheduler.finish();
  if (info_.timing && adapter_->events_pending()) schedule_next_time_slot();
}

void VerilatedModule::set_model_time() {
  const Scheduler& scheduler = simulation();
  const std::optional<std::uint64_t> units = time_scale_->to_model(scheduler.now_ticks());
  if (!units) {
    throw ModelTimeError(scheduler.now(), path(),
                         fmt::format("the model cannot evaluate at {}: that is not a whole number of its time "
                                     "precision of {}",
                                     scheduler.now(), time_scale_->precision()));
  }
  runtime_->context->time(*units);
}

void VerilatedModule::schedule_next_time_slot() {
  Scheduler& scheduler = simulation();
  const std::uint64_t slot = adapter_->next_time_slot();
  const std::optional<Ticks> ticks = time_scale_->to_ticks(slot);
  if (!ticks) {
    throw ModelTimeError(scheduler.now(), path(),
                         fmt::format("the model waits until {} units of {}, which is not a whole number of the "
                                     "simulation's ticks of {}",
                                     slot, time_scale_->precision(), scheduler.resolution()));
  }
  const Ticks now = scheduler.now_ticks();
  if (*ticks <= now) {
    wake_.notify_delta();
    return;
  }
  if (wake_pending_ && next_wake_ <= *ticks) return;  // an earlier wake-up evaluates and asks again
  wake_pending_ = true;
  next_wake_ = *ticks;
  wake_.notify_after(scheduler.resolution() * static_cast<std::int64_t>(*ticks - now));
}

void VerilatedModule::dump_trace() {
  if (!trace_due_) return;
  trace_due_ = false;
  runtime_->trace->dump(static_cast<std::uint64_t>(simulation().now_ticks()));
}

}  // namespace tetra
