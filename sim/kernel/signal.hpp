#pragma once
// Signals: named values in the hierarchy whose writes take effect in the update phase.
// Signal<T> has one driver; Wire<T> (wire.hpp) resolves several. Both derive from
// BasicSignal<T>, which is what input ports read.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <type_traits>

#include "sim/kernel/event.hpp"
#include "sim/kernel/object.hpp"
#include "sim/values/packed_struct.hpp"
#include "sim/kernel/running_driver.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/signal_state.hpp"
#include "sim/kernel/value_traits.hpp"

namespace tetra {

enum class PortDirection;
template <SignalValue T, class S, PortDirection D>
class Port;

/// What every signal has, whatever its value type: introspection for tracers and
/// tools, the "changed" event, and the update-phase bookkeeping.
class SignalBase : public Object {
public:
  /// Width of the value in bits.
  [[nodiscard]] virtual std::size_t width() const = 0;
  /// Copies the current value's planes, word 0 first (each span needs (width+63)/64 words).
  virtual void read_planes(std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) const = 0;
  /// True when committing now would change the value (for diagnostics).
  [[nodiscard]] virtual bool has_pending_change() const = 0;
  /// The current value as a Verilog-style binary string, MSB first ("01xz").
  [[nodiscard]] std::string value_bits() const;
  /// The fields of the value's bits when its type is a packed struct, else empty (for
  /// tracers, which show each field as a variable).
  [[nodiscard]] virtual std::span<const PackedField> packed_fields() const = 0;

  /// Fires in the delta after any change of value.
  [[nodiscard]] const Event& changed() const { return *changed_; }
  /// Sensitivity to any change (lets a signal appear in sensitive(...)).
  operator EventRef() const { return *changed_; }  // NOLINT: implicit by design
  /// The tick of the last change of value (0 before any).
  [[nodiscard]] Ticks changed_at() const { return core_->changed_at; }
  /// The posedge (`rising`) or negedge event of a one-bit signal, nullptr for a wider one
  /// (for diagnostics that relate sensitivity to signals; posedge() and negedge() are
  /// the typed way).
  [[nodiscard]] virtual const Event* edge_event(bool rising) const = 0;
  /// The process that writes this signal, or kNoProcess.
  [[nodiscard]] ProcessId driver_process() const { return core_->writer; }
  /// The port or object declared as this signal's driver at elaboration, or nullptr.
  [[nodiscard]] const Object* driver_object() const { return driver_object_; }
  /// Declares `driver` (an output port) as the single driver; throws ElaborationError
  /// naming both if another one was declared.
  void claim_driver(const Object& driver);
  /// Declares process `id` as the single writer (elaboration-time driver check).
  void claim_driver_process(ProcessId id);

  /// Applies the pending write of a signal queued by its write (update phase).
  void commit_queued() {
    SignalCore* const core = core_;
    // Batched signals are committed without touching their queue state, so it is
    // cleared here, for the signals that were queued.
    core->update_state &= SignalCore::kBatched;
    commit_(&core, &core + 1);
  }
  /// The update-phase function of this signal's type (batches group signals by it).
  [[nodiscard]] CommitRange commit_range() const { return commit_; }

protected:
  /// `core` is the signal's state in the simulation's arena, `changed` the derived
  /// class's event.
  SignalBase(Scope& parent, std::string_view name, ObjectKind kind, CommitRange commit_values, const Event& changed,
             SignalCore& core);

  /// Queues the signal of `core` for the update phase once per delta, unless its
  /// writer's clock events commit it (then update_state is never 0).
  static void mark_pending(SignalCore& core) {
    if (core.update_state == 0) queue_for_update(core);
  }
  /// Called when the writing process is not the recorded one: claims the signal, or
  /// throws DriverConflictError / ReadOnlyWriteError. It also queues the signal, which
  /// its clock events may not commit (a write from set-up code); a signal committed
  /// twice in a delta changes once, as the second commit finds no difference.
  void check_writer();
  /// Reports a value change of the signal of `core` to the step observers, once per
  /// time slot.
  static void note_change(SignalCore& core) {
    if (!core.noted_changed) {
      core.noted_changed = true;
      core.scheduler->note_changed(*core.signal);
    }
  }
  /// The scheduler keeps `flag` equal to the listened() of `event` (a signal's own event).
  static void mirror_listened(const Event& event, bool& flag) { event.listened_mirror_ = &flag; }

  SignalCore* core_;

private:
  friend class Scheduler;
  static void queue_for_update(SignalCore& core) {
    core.update_state |= SignalCore::kQueued;
    core.scheduler->add_pending(*core.signal);
  }

  CommitRange commit_;
  const Event* changed_;
  const Object* driver_object_ = nullptr;
};

namespace detail {
// Posedge and negedge events exist only for one-bit signals.
struct EdgeEvents {
  explicit EdgeEvents(Scheduler& scheduler)
      : posedge(scheduler, EventKind::edge), negedge(scheduler, EventKind::edge) {}
  Event posedge;
  Event negedge;
};
struct NoEdgeEvents {
  explicit NoEdgeEvents(Scheduler&) {}
};
}  // namespace detail

/// A signal's value and events; written through Signal<T> or Wire<T>.
template <SignalValue T>
class BasicSignal : public SignalBase {
public:
  using value_type = T;
  static constexpr std::size_t value_width = ValueTraits<T>::width;

  ~BasicSignal() override {
    if constexpr (!std::is_trivially_destructible_v<T>) std::destroy_at(&state());
  }

  /// The current value.
  [[nodiscard]] const T& read() const { return state().current; }
  /// The value before the last change (all-X before the first one unless given).
  [[nodiscard]] const T& previous() const { return state().previous; }

  /// Fires on 0->1, 0->X/Z and X/Z->1 (IEEE 1800 posedge). One-bit signals only.
  [[nodiscard]] const Event& posedge() const requires(value_width == 1) { return edges_.posedge; }
  /// Fires on 1->0, 1->X/Z and X/Z->0 (IEEE 1800 negedge). One-bit signals only.
  [[nodiscard]] const Event& negedge() const requires(value_width == 1) { return edges_.negedge; }

  [[nodiscard]] std::size_t width() const override { return value_width; }
  [[nodiscard]] const Event* edge_event(bool rising) const override {
    if constexpr (value_width == 1) {
      return rising ? &edges_.posedge : &edges_.negedge;
    } else {
      return nullptr;
    }
  }
  [[nodiscard]] std::span<const PackedField> packed_fields() const override { return packed_fields_of<T>(); }
  void read_planes(std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) const override {
    for (std::size_t i = 0; i < ValueTraits<T>::words; ++i) {
      aval[i] = ValueTraits<T>::aval(read(), i);
      bval[i] = ValueTraits<T>::bval(read(), i);
    }
  }

protected:
  template <SignalValue, class, PortDirection>
  friend class Port;  // keeps a pointer to the state

  /// The hot state (signal_state.hpp).
  [[nodiscard]] SignalState<T>& state() const { return static_cast<SignalState<T>&>(*core_); }

  BasicSignal(Scope& parent, std::string_view name, ObjectKind kind, const T& initial, CommitRange commit_values)
      : SignalBase(parent, name, kind, commit_values, changed_, new_state(parent, initial)),
        changed_(*state().scheduler, EventKind::value_change),
        edges_(*state().scheduler) {
    mirror_listened(changed_, state().changed_listened);
  }

  /// Makes the next value of `state` the current one if it differs, and triggers the
  /// events; `now` (the time of the change) and `observing` (the scheduler's
  /// observing()) are read once per commit loop. A
  /// change touches the signal object only for its events: a one-bit signal's edges,
  /// or a "changed" event that somebody listens to.
  static void apply_next(SignalState<T>& state, Ticks now, bool observing) {
    // Compared in memory: most commits find no change (a register rewritten with its
    // value), and that path is then a load and a compare.
    if (same_value(state.next, state.current)) return;
    state.previous = state.current;
    state.current = state.next;
    state.changed_at = now;
    if constexpr (value_width == 1) static_cast<BasicSignal&>(*state.signal).trigger_edges(state);
    if (state.changed_listened) state.scheduler->notify_next_delta(static_cast<BasicSignal&>(*state.signal).changed_);
    if (observing) [[unlikely]] note_change(state);
  }

  // Values of up to 8 bytes without padding compare as one integer (a commit's most
  // frequent question); other small ones plane by plane, inline (== may call memcmp);
  // big ones (memories) with their own ==, which does not gather bits.
  static bool same_value(const T& a, const T& b) {
    if constexpr (sizeof(T) <= sizeof(std::uint64_t) && std::has_unique_object_representations_v<T>) {
      std::uint64_t a_bytes = 0, b_bytes = 0;
      std::memcpy(&a_bytes, &a, sizeof(T));
      std::memcpy(&b_bytes, &b, sizeof(T));
      return a_bytes == b_bytes;
    } else if constexpr (ValueTraits<T>::words > 2) {
      return a == b;
    } else {
      std::uint64_t difference = 0;
      for (std::size_t i = 0; i < ValueTraits<T>::words; ++i) {
        difference |= (ValueTraits<T>::aval(a, i) ^ ValueTraits<T>::aval(b, i)) |
                      (ValueTraits<T>::bval(a, i) ^ ValueTraits<T>::bval(b, i));
      }
      return difference == 0;
    }
  }

  Event changed_;

private:
  static SignalCore& new_state(Scope& parent, const T& initial) {
    Scheduler& scheduler = parent.simulation();
    void* memory = scheduler.state_arena().allocate(sizeof(SignalState<T>), alignof(SignalState<T>));
    return *new (memory) SignalState<T>(scheduler, initial);
  }

  void trigger_edges(const SignalState<T>& state) const {
    const T& old_value = state.previous;
    const T& new_value = state.current;
    const std::uint64_t old_a = ValueTraits<T>::aval(old_value, 0) & 1u;
    const std::uint64_t old_b = ValueTraits<T>::bval(old_value, 0) & 1u;
    const std::uint64_t new_a = ValueTraits<T>::aval(new_value, 0) & 1u;
    const std::uint64_t new_b = ValueTraits<T>::bval(new_value, 0) & 1u;
    const bool old_zero = (old_a | old_b) == 0, old_one = old_a == 1 && old_b == 0;
    const bool new_zero = (new_a | new_b) == 0, new_one = new_a == 1 && new_b == 0;
    // The value changed, so "from 0" means to 1/X/Z and "from X/Z to 1" is the other posedge.
    const bool rose = old_zero || (!old_one && new_one), fell = old_one || (!old_zero && new_zero);
    Scheduler& scheduler = *state.scheduler;
    if (rose && edges_.posedge.listened()) scheduler.notify_next_delta(edges_.posedge);
    if (fell && edges_.negedge.listened()) scheduler.notify_next_delta(edges_.negedge);
  }

  [[no_unique_address]] std::conditional_t<value_width == 1, detail::EdgeEvents, detail::NoEdgeEvents> edges_;
};

/// A signal with exactly one driver. write() takes effect in the update phase.
template <SignalValue T>
class Signal : public BasicSignal<T> {
public:
  /// A signal named `name` in `parent`, initially `initial` (all-X unless given).
  Signal(Scope& parent, std::string_view name, const T& initial = ValueTraits<T>::all_x())
      : BasicSignal<T>(parent, name, ObjectKind::signal, initial, &Signal::commit_signals) {}

  [[nodiscard]] bool has_pending_change() const override {
    return !this->same_value(this->state().next, this->state().current);
  }

  /// Schedules `value` for the update phase of this delta; the last write wins.
  void write(const T& value) { write_state(this->state(), value); }

private:
  template <SignalValue, class, PortDirection>
  friend class Port;  // writes through the state it keeps

  // The driver is the thread's, not this simulation's: a process of another simulation
  // running in the same thread passes as this signal's driver if their ids are equal,
  // the one case the fast path does not tell apart (any other id takes the slow path,
  // which asks the signal's own scheduler).
  static void write_state(SignalState<T>& state, const T& value) {
    const ProcessId driver = detail::running_driver;
    if (state.clocked_writer != driver) {
      if (state.writer != driver) [[unlikely]] return write_as_new_driver(state, value);
      SignalBase::mark_pending(state);
    }
    state.next = value;
  }

  // The slow path is a tail call that takes small values in registers: the inlined fast
  // path then keeps nothing across a call (no register saves), and the value is never
  // spilled to the stack and reloaded wider (a store-forwarding stall).
  using SlowPathValue = std::conditional_t<sizeof(T) <= 16 && std::is_trivially_copyable_v<T>, T, const T&>;
  [[gnu::noinline]] static void write_as_new_driver(SignalState<T>& state, SlowPathValue value) {
    static_cast<Signal&>(*state.signal).check_writer();  // throws before the value lands; queues otherwise
    state.next = value;
  }

  static void commit_signals(SignalCore* const* first, SignalCore* const* last) {
    if (first == last) return;
    // One loop per answer, so that a commit does not test it for every changed signal.
    const Scheduler& scheduler = *(*first)->scheduler;
    if (scheduler.observing()) {
      commit_each<true>(first, last, scheduler.now_ticks());
    } else {
      commit_each<false>(first, last, scheduler.now_ticks());
    }
  }
  template <bool observing>
  static void commit_each(SignalCore* const* first, SignalCore* const* last, Ticks now) {
    // Last written first: those states are the likeliest to be still in the L1 cache.
    // A clocked register's commit is about ten instructions, so the loop's own count:
    // unrolling saves about two per register.
#pragma GCC unroll 4
    while (last != first) BasicSignal<T>::apply_next(static_cast<SignalState<T>&>(**--last), now, observing);
  }
};

}  // namespace tetra
