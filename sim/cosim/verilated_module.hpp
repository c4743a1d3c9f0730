#pragma once
// VerilatedModule: a Verilated model as a Tetra module. tetra_add_verilated() (CMake)
// runs Verilator and generates, from the model's own port declarations, a class that
// derives from this one and declares the Verilog ports as In<T>/Out<T> members named as
// in Verilog (Logic for one bit, Vec<N> for N bits). This base runs the model:
//
//   - one method process, sensitive to every input, evaluates the model: it first
//     applies the inputs that changed since the last evaluation (an X or Z bit goes
//     through the port's UnknownBitPolicy; under the error policy the value is held
//     back, and the run stops if it is still unknown when the slot settles), calls
//     eval(), then writes the outputs that changed; they commit in the same update phase
//     as any signal write, so a process reading them sees them in the next delta of the
//     same time slot;
//   - the first evaluation is in the second delta of the first time slot, so that the
//     values written by processes and threads at start-up are its first inputs; every
//     input is applied then, and every output written;
//   - a model Verilated with TIMING asks for its next time slot after each evaluation,
//     and the bridge evaluates it again then (a timed kernel event);
//   - the model's time is the simulation's, in the model's time precision, exactly
//     (ModelTimeError when a time does not fit);
//   - each instance has its own VerilatedContext: its own plusargs and time;
//   - a Verilog $finish ends the simulation after the current delta; $stop, $fatal and
//     $error throw VerilogError; the model's final blocks run when the simulation ends.
// Outputs are always known: a Verilated model is two-state.

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "sim/cosim/held_unknown_inputs.hpp"
#include "sim/cosim/verilated_options.hpp"
#include "sim/cosim/verilator_time_scale.hpp"
#include "sim/kernel/event.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/kernel/value_traits.hpp"
#include "sim/module/module.hpp"

class VerilatedContext;

namespace tetra {

namespace detail {
class VerilatedAdapter;
template <SignalValue T, class Storage>
class VerilatedInput;
}  // namespace detail

/// What tetra_add_verilated() knows about the model class it generated the glue for.
struct VerilatedModelInfo {
  const char* top_module;  ///< The Verilog top module.
  unsigned threads;        ///< Verilator's --threads.
  bool traceable;          ///< Verilated with TRACE (--trace).
  bool timing;             ///< Verilated with TIMING (--timing).
};

/// The base class of the generated glue of every Verilated model (see the file comment).
///
/// **Example**, with the class made by
/// `tetra_add_verilated(rtl_fifo TOP fifo SOURCES fifo.sv CLASS rtl::Fifo)`:
///
///     #include "rtl_fifo.hpp"
///     rtl::Fifo fifo{top, "fifo", {.port_unknown_bits = {{"push_data", UnknownBitPolicy::zeros()}}}};
///     fifo.clk(clk);            // In<Logic> clk, as in the Verilog
///     fifo.pop_data(pop_data);  // Out<Vec<16>> pop_data
class VerilatedModule : public Module {
public:
  ~VerilatedModule() override;

  /// The options this instance was built with.
  [[nodiscard]] const VerilatedOptions& options() const { return options_; }
  /// The Verilog top module's name.
  [[nodiscard]] std::string_view top_module() const { return info_.top_module; }
  /// How many times the model has evaluated.
  [[nodiscard]] std::uint64_t evaluations() const { return evaluations_; }
  /// The model's time unit (its Verilog time precision).
  [[nodiscard]] Duration time_precision() const { return time_scale_->precision(); }
  /// The unknown-bit policy of the input named `port`: its own, or the model's.
  [[nodiscard]] UnknownBitPolicy unknown_bits_of(std::string_view port) const;

protected:
  /// Creates the instance's Verilator context (with its plusargs); the generated
  /// constructor then builds the model in it and calls attach(). Throws
  /// std::invalid_argument for options the model cannot honour.
  VerilatedModule(Scope& parent, std::string_view name, VerilatedOptions options, const VerilatedModelInfo& info);

  /// The context the generated constructor builds its model in.
  [[nodiscard]] VerilatedContext& verilated_context() const { return *context_; }
  /// Takes the model (built in verilated_context()) and its port bindings; called once
  /// by the generated constructor. Checks the options against the ports, declares the
  /// evaluation process and opens the model's trace file.
  void attach(std::unique_ptr<detail::VerilatedAdapter> adapter);

private:
  struct Runtime;
  template <SignalValue T, class Storage>
  friend class detail::VerilatedInput;

  /// The unknown-bit policy of input `port`, at work.
  UnknownBitFiller unknown_bit_filler(const PortBase& port);

  void evaluate();
  void set_model_time();
  void schedule_next_time_slot();
  void dump_trace();

  VerilatedOptions options_;
  VerilatedModelInfo info_;
  detail::HeldUnknownInputs held_inputs_;
  std::unique_ptr<VerilatedContext> context_;  // moved into runtime_ by attach()
  std::shared_ptr<Runtime> runtime_;           // also reached by the end hook, while alive
  detail::VerilatedAdapter* adapter_ = nullptr;
  std::optional<VerilatorTimeScale> time_scale_;  // known once the model exists
  Event wake_;
  std::uint64_t evaluations_ = 0;
  Ticks next_wake_ = 0;      // the earliest timed wake-up scheduled, if wake_pending_
  bool wake_pending_ = false;
  bool started_ = false;
  bool trace_due_ = false;   // the model evaluated in this time slot: dump its trace
};

}  // namespace tetra
