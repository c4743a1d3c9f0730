#pragma once
// What the kernel knows of an object bound to a signal (a port of sim/module): the
// signal it reaches, so that diagnostics can follow a process's inputs through the ports
// of its module (unknown_origin.hpp) without the kernel knowing ports.

namespace tetra {

class SignalBase;

/// An object that stands for the signal it is bound to.
class SignalBinding {
public:
  /// The signal reached after elaboration, or nullptr.
  [[nodiscard]] virtual const SignalBase* bound_signal() const = 0;

protected:
  SignalBinding() = default;
  SignalBinding(const SignalBinding&) = default;
  SignalBinding& operator=(const SignalBinding&) = default;
  ~SignalBinding() = default;
};

}  // namespace tetra
