#include "sim/kernel/unknown_origin.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "sim/kernel/object.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/signal.hpp"
#include "sim/kernel/signal_binding.hpp"
#include "sim/kernel/unknown_bit_policy.hpp"

namespace tetra {

namespace {

// Longer chains are cut: a message is read by a person.
constexpr std::size_t kMostSteps = 32;

// The signals of `process`'s module holding X or Z that the process does not drive
// itself, in the module's order, each once.
std::vector<const SignalBase*> unknown_inputs(const Scheduler& scheduler, ProcessId process) {
  std::vector<const SignalBase*> inputs;
  for (const Object* child : scheduler.process_owner(process).children()) {
    const auto* signal = dynamic_cast<const SignalBase*>(child);
    if (signal == nullptr) {
      if (const auto* binding = dynamic_cast<const SignalBinding*>(child)) signal = binding->bound_signal();
    }
    if (signal == nullptr || signal->driver_process() == process || !unknown_value(*signal)) continue;
    if (std::find(inputs.begin(), inputs.end(), signal) == inputs.end()) inputs.push_back(signal);
  }
  return inputs;
}

// The input that changed last, not after `not_after`; the first of equals.
const SignalBase* last_changed(const std::vector<const SignalBase*>& inputs, Ticks not_after) {
  const SignalBase* last = nullptr;
  for (const SignalBase* input : inputs) {
    if (input->changed_at() <= not_after && (last == nullptr || input->changed_at() > last->changed_at())) last = input;
  }
  return last;
}

}  // namespace

std::string unknown_origin(const Scheduler& scheduler, ProcessId process) {
  if (scheduler.is_thread(process)) {
    return "; where the X came from is not followed from a thread, whose inputs the kernel does not know";
  }
  std::vector<const SignalBase*> chain;  // from the rejecting process's input back to the origin
  if (const SignalBase* input = last_changed(unknown_inputs(scheduler, process), ~Ticks{0})) chain.push_back(input);
  if (chain.empty()) {
    return fmt::format("; no input of {} holds X or Z: the unknown value is the process's own", scheduler.process_path(process));
  }
  std::string stop;  // why the walk ends at chain.back()
  while (stop.empty()) {
    const SignalBase& signal = *chain.back();
    const ProcessId driver = signal.driver_process();
    if (driver == kNoProcess) {
      stop = signal.kind() == ObjectKind::wire ? "a wire, whose drivers are not followed" : "no process drives it";
    } else if (scheduler.is_thread(driver)) {
      stop = fmt::format("written by the thread {}", scheduler.process_path(driver));
    } else if (const SignalBase* input = last_changed(unknown_inputs(scheduler, driver), signal.changed_at())) {
      if (std::find(chain.begin(), chain.end(), input) != chain.end()) {
        stop = fmt::format("driven by {} in a loop of unknown values", scheduler.process_path(driver));
      } else if (chain.size() == kMostSteps) {
        stop = fmt::format("driven by {}; the trail is cut after {} signals", scheduler.process_path(driver), kMostSteps);
      } else {
        chain.push_back(input);
      }
    } else {
      stop = fmt::format("made unknown by {} from known inputs", scheduler.process_path(driver));
    }
  }
  const SignalBase& origin = *chain.back();
  std::string text = fmt::format("; the X entered at {} on {} ({}, {})", scheduler.to_duration(origin.changed_at()),
                                 origin.path(), *unknown_value(origin), stop);
  for (std::size_t i = chain.size() - 1; i-- > 0;) {
    text += fmt::format("{} {} at {}", i == chain.size() - 2 ? ", then reached" : ",", chain[i]->path(),
                        scheduler.to_duration(chain[i]->changed_at()));
  }
  return text;
}

}  // namespace tetra
