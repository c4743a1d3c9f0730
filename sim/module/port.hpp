#pragma once
// Ports: In<T>, Out<T>, InOut<T> as module members. Binding checks the value type (so
// the width) at compile time; an unbound or doubly bound port, or a signal driven by two
// output ports, fails at elaboration with the paths involved.

#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "sim/kernel/errors.hpp"
#include "sim/kernel/signal.hpp"
#include "sim/kernel/signal_binding.hpp"
#include "sim/kernel/wire.hpp"
#include "sim/module/module.hpp"

namespace tetra {

/// Which way a port passes values (declared in signal.hpp, whose signals befriend ports).
enum class PortDirection { in, out, inout };

/// What every port has: its direction and its binding state, for checks and introspection.
class PortBase : public Object, public SignalBinding {
public:
  /// The port's direction.
  [[nodiscard]] PortDirection direction() const { return direction_; }
  // bound_signal() (SignalBinding): the signal the port reaches after elaboration
  // (through parent ports), or nullptr.

protected:
  PortBase(Module& owner, std::string_view name, PortDirection direction)
      : Object(owner, name, ObjectKind::port), direction_(direction) {}
  /// Records a binding; a second one is reported at elaboration.
  void record_binding(const Object& target) {
    if (target_ == nullptr) {
      target_ = &target;
    } else if (second_target_ == nullptr) {
      second_target_ = &target;
    }
  }
  /// Throws ElaborationError if the port is unbound or bound twice.
  void check_bound_once() const {
    if (target_ == nullptr) throw ElaborationError(fmt::format("port {} is not bound", path()));
    if (second_target_ != nullptr) {
      throw ElaborationError(fmt::format("port {} is bound twice: to {} and to {}", path(), target_->path(),
                                         second_target_->path()));
    }
  }
  /// Claims that `inner` (an output port bound to this one) drives through this port.
  void claim_inner_driver(const PortBase& inner) {
    if (inner_driver_ != nullptr && inner_driver_ != &inner) {
      throw ElaborationError(fmt::format("port {} is driven by two ports: {} and {}", path(), inner_driver_->path(),
                                         inner.path()));
    }
    inner_driver_ = &inner;
  }

  const Object* target_ = nullptr;
  const Object* second_target_ = nullptr;

private:
  PortDirection direction_;
  const PortBase* inner_driver_ = nullptr;
};

/// A port of value type T whose binding resolves to a signal of type S (BasicSignal<T>
/// for inputs, Signal<T> for outputs, Wire<T> for inouts).
template <SignalValue T, class S, PortDirection D>
class Port : public PortBase {
public:
  using value_type = T;

  /// The current value of the bound signal.
  [[nodiscard]] const T& read() const { return state_->current; }
  /// The value before the last change.
  [[nodiscard]] const T& previous() const { return state_->previous; }
  /// The bound signal (after elaboration).
  [[nodiscard]] S& signal() const { return *signal_; }
  [[nodiscard]] const SignalBase* bound_signal() const override { return signal_; }

  /// Value changes of the bound signal, usable in sensitive() before binding.
  operator EventRef() const {  // NOLINT: implicit by design
    return EventRef(this, [](const void* port) -> const Event& { return static_cast<const Port*>(port)->signal().changed(); });
  }
  /// Rising edges of the bound one-bit signal, usable in sensitive() before binding.
  [[nodiscard]] EventRef posedge() const requires(ValueTraits<T>::width == 1) {
    return EventRef(this, [](const void* port) -> const Event& { return static_cast<const Port*>(port)->signal().posedge(); });
  }
  /// Falling edges of the bound one-bit signal, usable in sensitive() before binding.
  [[nodiscard]] EventRef negedge() const requires(ValueTraits<T>::width == 1) {
    return EventRef(this, [](const void* port) -> const Event& { return static_cast<const Port*>(port)->signal().negedge(); });
  }

  void on_elaborate() override { resolve(); }

protected:
  Port(Module& owner, std::string_view name) : PortBase(owner, name, D) {}

  /// Binds to a signal directly.
  void bind_signal(S& signal) {
    record_binding(signal);
    direct_ = &signal;
  }
  /// Binds to another port (usually the parent's) whose signal this one shares.
  template <class P>
  void bind_port(P& port) {
    record_binding(port);
    resolve_through_ = [](const void* target) -> S* { return const_cast<P*>(static_cast<const P*>(target))->resolve(); };
    through_ = &port;
  }

  /// Finds the signal, checking the binding; idempotent.
  S* resolve() {
    if (signal_ != nullptr) return signal_;
    check_bound_once();
    signal_ = direct_ != nullptr ? direct_ : resolve_through_(through_);
    state_ = &signal_->state();
    if constexpr (D == PortDirection::out) {
      if (direct_ != nullptr) {
        signal_->claim_driver(*this);
      } else {
        static_cast<const Port*>(through_)->claim_inner(*this);
      }
    }
    on_resolved();
    return signal_;
  }
  /// Hook for InOut ports to register their wire driver.
  virtual void on_resolved() {}
  /// Writes the bound signal through its state (output ports).
  void write_signal(const T& value) requires(D == PortDirection::out) { S::write_state(*state_, value); }

  S* signal_ = nullptr;

private:
  template <SignalValue, class, PortDirection>
  friend class Port;
  void claim_inner(const PortBase& inner) const { const_cast<Port*>(this)->claim_inner_driver(inner); }

  S* direct_ = nullptr;
  const void* through_ = nullptr;
  S* (*resolve_through_)(const void*) = nullptr;
  // The signal's hot state: reading and writing through the port skip the signal
  // object. Last, so that it may share a cache line with the member declared after the
  // port, often one that the module's processes use too (measured on the kernel ring
  // benchmark: 6% fewer L1 misses than right after signal_).
  SignalState<T>* state_ = nullptr;
};

template <SignalValue T> class Out;
template <SignalValue T> class InOut;

/// An input port: reads a signal, a wire, or any port of the same value type.
template <SignalValue T>
class In : public Port<T, const BasicSignal<T>, PortDirection::in> {
  using Base = Port<T, const BasicSignal<T>, PortDirection::in>;

public:
  /// An input named `name` of module `owner`.
  In(Module& owner, std::string_view name) : Base(owner, name) {}
  /// Binds to a signal or wire of exactly the same value type.
  void bind(const BasicSignal<T>& signal) { this->bind_signal(signal); }
  /// Binds to a port (the parent's input, or an output of a sibling).
  void bind(In<T>& port) { this->bind_port(port); }
  /// Binds to an output port.
  void bind(Out<T>& port) { this->bind_port(port); }
  /// Ties the input to a constant: binds it to a signal "<port>_tie" beside the port in
  /// its module, holding `value` for the whole run (`dut.enable.tie(L1)`). It counts as
  /// the port's binding, so binding it again is reported at elaboration.
  void tie(const T& value) {
    if (tie_ != nullptr) throw ElaborationError(fmt::format("port {} is tied twice", this->path()));
    tie_ = std::make_unique<Signal<T>>(*this->parent(), fmt::format("{}_tie", this->name()), value);
    bind(*tie_);
  }
  /// Same as bind().
  template <class Target>
  void operator()(Target& target) requires requires(In& self, Target& t) { self.bind(t); } { bind(target); }

private:
  std::unique_ptr<Signal<T>> tie_;  // the constant of tie(), when tied
};

/// An output port: the single driver of a Signal<T>.
template <SignalValue T>
class Out : public Port<T, Signal<T>, PortDirection::out> {
  using Base = Port<T, Signal<T>, PortDirection::out>;

public:
  /// An output named `name` of module `owner`.
  Out(Module& owner, std::string_view name) : Base(owner, name) {}
  /// Binds to a signal of exactly the same value type.
  void bind(Signal<T>& signal) { this->bind_signal(signal); }
  /// Binds to the parent module's output port.
  void bind(Out<T>& port) { this->bind_port(port); }
  /// Same as bind().
  template <class Target>
  void operator()(Target& target) requires requires(Out& self, Target& t) { self.bind(t); } { bind(target); }
  /// Writes the bound signal (takes effect in the update phase).
  void write(const T& value) { this->write_signal(value); }
};

/// A bidirectional port: one driver of a Wire<T>.
template <SignalValue T>
class InOut : public Port<T, Wire<T>, PortDirection::inout> {
  using Base = Port<T, Wire<T>, PortDirection::inout>;

public:
  /// An inout named `name` of module `owner`.
  InOut(Module& owner, std::string_view name) : Base(owner, name) {}
  /// Binds to a wire of exactly the same value type.
  void bind(Wire<T>& wire) { this->bind_signal(wire); }
  /// Binds to the parent module's inout port.
  void bind(InOut<T>& port) { this->bind_port(port); }
  /// Same as bind().
  template <class Target>
  void operator()(Target& target) requires requires(InOut& self, Target& t) { self.bind(t); } { bind(target); }
  /// Drives `value` onto the wire (resolved with the other drivers).
  void write(const T& value) { driver_->write(value); }
  /// Stops driving (contributes all-Z).
  void release() { driver_->release(); }

private:
  void on_resolved() override { driver_.emplace(this->signal_->add_driver()); }
  std::optional<WireDriver<T>> driver_;
};

}  // namespace tetra
