#pragma once
// SystemC models inside a Tetra simulation: a Tetra module that holds SystemC modules
// and passes its ports to and from their sc_in and sc_out ports. Tetra owns time and
// advances SystemC to each of its times (sc_start), delta by delta at the same time. A
// program has one SystemC context, hence one SystemCModule (holding every SystemC
// model). docs/systemc.md gives the semantics.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <systemc>

#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/module/port.hpp"
#include "sim/systemc/errors.hpp"
#include "sim/systemc/systemc_value.hpp"

namespace tetra::systemc {

/// A Tetra module whose behaviour is one or more SystemC models. Derive from it, declare
/// the Tetra ports and the SystemC models as members, and connect() each Tetra port to a
/// SystemC port in the constructor.
///
/// **Example**
///
///     class FifoInTetra : public tetra::systemc::SystemCModule {
///     public:
///       In<Logic> clk{*this, "clk"};
///       Out<Vec<8>> pop_data{*this, "pop_data"};
///       FifoInTetra(Scope& parent, std::string_view name) : SystemCModule(parent, name) {
///         connect(clk, fifo.clk);
///         connect(fifo.pop_data, pop_data);
///       }
///       ScFifo fifo{"fifo"};  // an SC_MODULE
///     };
class SystemCModule : public Module {
public:
  /// A module named `name` in `parent`; its process is "<path>.synchronize". Throws
  /// ElaborationError if another SystemCModule exists (SystemC has one context per
  /// program) or if the simulation's resolution is not a whole number of SystemC's.
  SystemCModule(Scope& parent, std::string_view name);
  ~SystemCModule() override;

protected:
  /// Tetra input `from` drives SystemC port `to`; a two-state port (bool, sc_bv,
  /// sc_uint) takes X and Z bits as `policy` says.
  template <SignalValue T, CrossingValue S>
  void connect(In<T>& from, sc_core::sc_in<S>& to, UnknownBitPolicy policy = UnknownBitPolicy::error()) {
    auto input = std::make_unique<InputOf<T, S>>(from, to, policy);
    if (policy == UnknownBitPolicy::error() && !SystemCValue<S>::four_state) watch_unknown_bits();
    inputs_.push_back(std::move(input));
    synchronize_.sensitive(from);
  }
  /// SystemC port `from` drives Tetra output `to`.
  template <CrossingValue S, SignalValue T>
  void connect(sc_core::sc_out<S>& from, Out<T>& to) {
    outputs_.push_back(std::make_unique<OutputOf<S, T>>(from, to));
  }

private:
  // A Tetra port, the SystemC port it drives or reads, and the sc_signal between them.
  class Input {
  public:
    virtual ~Input() = default;
    // Writes the Tetra value to SystemC if it changed (or if `all`); false when it was
    // held back for its unknown bits.
    virtual bool transfer(bool all) = 0;
    // The error for a held value still unknown, or nullopt.
    [[nodiscard]] virtual std::optional<std::string> still_unknown() const = 0;
    [[nodiscard]] virtual const char* port_name() const = 0;
  };
  class Output {
  public:
    virtual ~Output() = default;
    // Writes the SystemC value to Tetra if it changed (or if `all`).
    virtual void transfer(bool all) = 0;
  };

  template <SignalValue T, CrossingValue S>
  class InputOf final : public Input {
  public:
    InputOf(In<T>& from, sc_core::sc_in<S>& to, UnknownBitPolicy policy)
        : from_(&from), to_(&to), channel_(channel_name(to).c_str()), filler_(policy, to.name(), from.simulation()) {
      to.bind(channel_);
    }
    bool transfer(bool all) override {
      const T& value = from_->read();
      if (!all && value == sent_) return true;
      sent_ = value;
      if (!to_systemc(value, scratch_, filler_)) return false;
      channel_.write(scratch_);
      return true;
    }
    [[nodiscard]] std::optional<std::string> still_unknown() const override {
      return detail::unknown_bits_reason(*from_->bound_signal(), "Tetra port " + from_->path());
    }
    [[nodiscard]] const char* port_name() const override { return to_->name(); }

  private:
    In<T>* from_;
    sc_core::sc_in<S>* to_;
    sc_core::sc_signal<S> channel_;
    UnknownBitFiller filler_;
    T sent_ = ValueTraits<T>::all_x();
    S scratch_{};
  };

  template <CrossingValue S, SignalValue T>
  class OutputOf final : public Output {
  public:
    OutputOf(sc_core::sc_out<S>& from, Out<T>& to) : channel_(channel_name(from).c_str()), to_(&to) {
      from.bind(channel_);
    }
    void transfer(bool all) override {
      T value = to_tetra<T>(channel_.read());
      if (!all && value == sent_) return;
      sent_ = value;
      to_->write(value);
    }

  private:
    sc_core::sc_signal<S> channel_;
    Out<T>* to_;
    T sent_ = ValueTraits<T>::all_x();
  };

  // "tetra_<port path with '_' for '.'>": sc_signal names are flat.
  static std::string channel_name(const sc_core::sc_object& port);
  void watch_unknown_bits();
  void synchronize();
  void run_systemc_deltas(bool first);
  void schedule_wake();

  std::vector<std::unique_ptr<Input>> inputs_;
  std::vector<std::unique_ptr<Output>> outputs_;
  std::vector<Input*> held_;  // held back for unknown bits, checked in the read-only region
  Event wake_;                // SystemC's next timed activity
  Event unknown_held_;        // an input was held back
  std::vector<Ticks> wakes_;  // times wake_ is notified for
  MethodHandle synchronize_;
  bool watching_unknown_bits_ = false;
  bool started_ = false;
};

}  // namespace tetra::systemc
