#pragma once
// A Tetra design inside a SystemC simulation: an sc_module that owns a Tetra Simulation
// and passes chosen signals to and from its sc_in and sc_out ports. SystemC owns time;
// the Tetra simulation's resolution is SystemC's. docs/systemc.md gives the semantics
// (one delta cycle per crossing, time 0, sc_stop, finish, errors).

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <systemc>

#include "sim/kernel/simulation.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/module/port.hpp"
#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_value.hpp"

namespace tetra::systemc {

/// An sc_module whose behaviour is a Tetra design. Derive from it, declare the SystemC
/// ports as members, build the design in simulation(), and connect() each port to a
/// design port or signal in the constructor.
///
/// **Example**
///
///     class CounterInSystemC : public tetra::systemc::TetraModule {
///     public:
///       sc_core::sc_in<bool> clk{"clk"};
///       sc_core::sc_out<sc_dt::sc_lv<8>> count{"count"};
///       explicit CounterInSystemC(sc_core::sc_module_name name) : TetraModule(name) {
///         connect(clk, counter.clk);
///         connect(counter.count, count);
///       }
///       Counter<8> counter{simulation(), "counter"};
///     };
class TetraModule : public sc_core::sc_module {
public:
  /// A module named `name` with an empty Tetra simulation whose tick is SystemC's
  /// resolution. Its processes: "<name>.synchronize" and "<name>.check_unknown_bits".
  explicit TetraModule(const sc_core::sc_module_name& name);
  ~TetraModule() override;

  /// The Tetra simulation (build the design in it; its root is the parent scope).
  [[nodiscard]] Simulation& simulation() { return simulation_; }
  /// The Tetra module that stands for this sc_module: its ports, named after the SystemC
  /// ports, drive and read the design's signals.
  [[nodiscard]] Module& boundary() { return boundary_; }
  /// The Tetra error that stopped the run (SystemC reports it as an sc_report that
  /// quotes its message; rethrow this to catch it by type), or null.
  [[nodiscard]] std::exception_ptr error() const { return error_; }

protected:
  /// SystemC drives Tetra signal `to` from port `from`; the signal gets no other driver.
  template <CrossingValue S, SignalValue T>
  void connect(sc_core::sc_in<S>& from, Signal<T>& to) {
    add_input<S, T>(from).bind(to);
  }
  /// SystemC drives design input `to` from port `from`, through a signal at the root of
  /// the Tetra simulation named after the SystemC port.
  template <CrossingValue S, SignalValue T>
  void connect(sc_core::sc_in<S>& from, In<T>& to) {
    Signal<T>& net = add_net<T>(from.basename());
    add_input<S, T>(from).bind(net);
    to.bind(net);
  }
  /// Tetra signal `from` drives port `to`; a two-state port (bool, sc_bv, sc_uint) takes
  /// X and Z bits as `policy` says.
  template <SignalValue T, CrossingValue S>
  void connect(const BasicSignal<T>& from, sc_core::sc_out<S>& to,
               UnknownBitPolicy policy = UnknownBitPolicy::error()) {
    add_output<T, S>(to, policy).bind(from);
  }
  /// Design output `from` drives port `to`, through a signal at the root of the Tetra
  /// simulation named after the SystemC port; `policy` as above.
  template <SignalValue T, CrossingValue S>
  void connect(Out<T>& from, sc_core::sc_out<S>& to, UnknownBitPolicy policy = UnknownBitPolicy::error()) {
    Signal<T>& net = add_net<T>(to.basename());
    add_output<T, S>(to, policy).bind(net);
    from.bind(net);
  }

private:
  // One SystemC port and the Tetra port of boundary() that mirrors it.
  class Input {
  public:
    virtual ~Input() = default;
    // Writes the SystemC value into Tetra if it changed in this delta, or if `all`.
    virtual void transfer(bool all) = 0;
  };
  class Output {
  public:
    virtual ~Output() = default;
    // Writes the Tetra value to SystemC if it changed (or if `all`); false when it was
    // held back for its unknown bits.
    virtual bool transfer(bool all) = 0;
    // The message of the UnknownBitError for a held value still unknown, or nullopt.
    [[nodiscard]] virtual std::optional<std::string> still_unknown() const = 0;
    [[nodiscard]] virtual const char* port_name() const = 0;
  };

  template <CrossingValue S, SignalValue T>
  class InputOf final : public Input {
  public:
    InputOf(Module& boundary, sc_core::sc_in<S>& from) : from_(&from), to_(boundary, from.basename()) {}
    Out<T>& port() { return to_; }
    void transfer(bool all) override {
      if (all || from_->event()) to_.write(to_tetra<T>(from_->read()));
    }

  private:
    sc_core::sc_in<S>* from_;
    Out<T> to_;
  };

  template <SignalValue T, CrossingValue S>
  class OutputOf final : public Output {
  public:
    OutputOf(Module& boundary, sc_core::sc_out<S>& to, UnknownBitPolicy policy)
        : from_(boundary, to.basename()), to_(&to), filler_(policy, to.name(), boundary.simulation()) {}
    In<T>& port() { return from_; }
    bool transfer(bool all) override {
      const T& value = from_.read();
      if (!all && value == sent_) return true;
      sent_ = value;
      if (!to_systemc(value, scratch_, filler_)) return false;
      to_->write(scratch_);
      return true;
    }
    [[nodiscard]] std::optional<std::string> still_unknown() const override {
      const SignalBase& signal = *from_.bound_signal();
      return detail::unknown_bits_reason(signal, "Tetra signal " + signal.path());
    }
    [[nodiscard]] const char* port_name() const override { return to_->name(); }

  private:
    In<T> from_;
    sc_core::sc_out<S>* to_;
    UnknownBitFiller filler_;
    T sent_ = ValueTraits<T>::all_x();
    S scratch_{};
  };

  template <CrossingValue S, SignalValue T>
  Out<T>& add_input(sc_core::sc_in<S>& from) {
    auto input = std::make_unique<InputOf<S, T>>(boundary_, from);
    Out<T>& port = input->port();
    inputs_.push_back(std::move(input));
    sc_core::sc_sensitive::make_static_sensitivity(synchronize_, from);
    return port;
  }
  template <SignalValue T, CrossingValue S>
  In<T>& add_output(sc_core::sc_out<S>& to, UnknownBitPolicy policy) {
    auto output = std::make_unique<OutputOf<T, S>>(boundary_, to, policy);
    In<T>& port = output->port();
    outputs_.push_back(std::move(output));
    return port;
  }
  template <SignalValue T>
  Signal<T>& add_net(const char* name) {
    auto net = std::make_unique<Signal<T>>(simulation_, name);
    Signal<T>& signal = *net;
    nets_.push_back(std::move(net));
    return signal;
  }

  void synchronize();
  void check_unknown_bits();
  void end_of_elaboration() override;
  void end_of_simulation() override;
  void schedule_wake();

  Simulation simulation_;
  Module boundary_;
  std::vector<std::unique_ptr<SignalBase>> nets_;
  std::vector<std::unique_ptr<Input>> inputs_;
  std::vector<std::unique_ptr<Output>> outputs_;
  std::vector<Output*> held_;  // held back for unknown bits, checked once the time step settles
  sc_core::sc_process_handle synchronize_;
  sc_core::sc_event wake_;            // Tetra's next timed event
  sc_core::sc_event unknown_held_;    // an output was held back
  std::optional<Ticks> wake_at_;
  bool started_ = false;
  std::exception_ptr error_;
};

}  // namespace tetra::systemc
