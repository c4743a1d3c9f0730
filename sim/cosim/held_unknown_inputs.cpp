#include "sim/cosim/held_unknown_inputs.hpp"

#include <optional>
#include <string>

#include <fmt/format.h>

#include "sim/cosim/errors.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"
#include "sim/module/port.hpp"

namespace tetra::detail {

void HeldUnknownInputs::hold(const PortBase& port) {
  ports_.push_back(&port);
  held_.notify();
}

void HeldUnknownInputs::check() {
  std::vector<const PortBase*> ports;
  ports.swap(ports_);
  for (const PortBase* port : ports) {
    const std::optional<std::string> value = unknown_value(*port->bound_signal());
    if (!value) continue;
    throw UnknownInputError(port->simulation().now(), port->path(),
                            fmt::format("{} driven into a Verilated model, which is two-state (unknown-bit policy: "
                                        "error; VerilatedOptions chooses zeros, ones or random)",
                                        *value));
  }
}

}  // namespace tetra::detail
