#pragma once
// Signals: named values in the hierarchy whose writes take effect in the update phase.
// Signal<T> has one driver; Wire<T> (wire.hpp) resolves several. Both derive from
// BasicSignal<T>, which is what input ports read.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>

#include "sim/kernel/event.hpp"
#include "sim/kernel/object.hpp"
#include "sim/kernel/scheduler.hpp"
#include "sim/kernel/value_traits.hpp"

namespace tetra {

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

  /// Fires in the delta after any change of value.
  [[nodiscard]] const Event& changed() const { return *changed_; }
  /// Sensitivity to any change (lets a signal appear in sensitive(...)).
  operator EventRef() const { return *changed_; }  // NOLINT: implicit by design
  /// The process that writes this signal, or kNoProcess.
  [[nodiscard]] ProcessId driver_process() const { return writer_; }
  /// The port or object declared as this signal's driver at elaboration, or nullptr.
  [[nodiscard]] const Object* driver_object() const { return driver_object_; }
  /// Declares `driver` (an output port) as the single driver; throws ElaborationError
  /// naming both if another one was declared.
  void claim_driver(const Object& driver);
  /// Declares process `id` as the single writer (elaboration-time driver check).
  void claim_driver_process(ProcessId id);

  /// Applies the pending write (update phase).
  void commit() {
    SignalBase* const self = this;
    commit_(&self, &self + 1);
  }
  /// The update-phase function of this signal's type (batches group signals by it).
  [[nodiscard]] CommitRange commit_range() const { return commit_; }

protected:
  /// `changed` is the derived class's event, kept after its values so that the fields
  /// the write and update paths touch share cache lines.
  SignalBase(Scope& parent, std::string_view name, ObjectKind kind, CommitRange commit_values, const Event& changed);

  /// Queues this signal for the update phase once per delta, unless its writer's
  /// clock events commit it (then update_state_ is never 0).
  void mark_pending() {
    if (update_state_ == 0) queue_for_update();
  }
  /// Called when the writing process is not the recorded one: claims the signal, or
  /// throws DriverConflictError / ReadOnlyWriteError. It also queues the signal, which
  /// its clock events may not commit (a write from set-up code); a signal committed
  /// twice in a delta changes once, as the second commit finds no difference.
  void check_writer();
  /// The update-phase epilogue of a value change of the signal whose event is `changed`;
  /// `observing` is the scheduler's observing(), read once per commit loop.
  void announce_change(const Event& changed, bool observing) {
    if (changed.listened()) scheduler_->notify_next_delta(changed);
    if (observing && !noted_changed_) [[unlikely]] {
      noted_changed_ = true;
      scheduler_->note_changed(*this);
    }
  }

private:
  friend class Scheduler;
  static constexpr ProcessId kNotClocked = 0xFFFF'FFFDu;  // not a process, nor a region
  static constexpr std::uint8_t kQueued = 1;   // in the scheduler's pending list
  static constexpr std::uint8_t kBatched = 2;  // committed with its writer's clock events
  void queue_for_update() {
    update_state_ |= kQueued;
    scheduler_->add_pending(*this);
  }

  CommitRange commit_;
  const Event* changed_;
  const Object* driver_object_ = nullptr;

protected:
  // What a write and a commit touch, last: the derived class's current, next and
  // previous values and the flags of its "changed" event follow, so that a register's
  // write and commit touch one run of contiguous bytes (36 for a Vec<16>).
  Scheduler* scheduler_;
  ProcessId writer_ = kNoProcess;
  // writer_ once the signal is committed with its writer's clock events, before that a
  // value no driver has: a clocked register's write then checks both its driver and
  // that it needs no queuing with one comparison.
  ProcessId clocked_writer_ = kNotClocked;

private:
  std::uint8_t update_state_ = 0;
  bool noted_changed_ = false;
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

  /// The current value.
  [[nodiscard]] const T& read() const { return current_; }
  /// The value before the last change (all-X before the first one unless given).
  [[nodiscard]] const T& previous() const { return previous_; }

  /// Fires on 0->1, 0->X/Z and X/Z->1 (IEEE 1800 posedge). One-bit signals only.
  [[nodiscard]] const Event& posedge() const requires(value_width == 1) { return edges_.posedge; }
  /// Fires on 1->0, 1->X/Z and X/Z->0 (IEEE 1800 negedge). One-bit signals only.
  [[nodiscard]] const Event& negedge() const requires(value_width == 1) { return edges_.negedge; }

  [[nodiscard]] std::size_t width() const override { return value_width; }
  void read_planes(std::span<std::uint64_t> aval, std::span<std::uint64_t> bval) const override {
    for (std::size_t i = 0; i < ValueTraits<T>::words; ++i) {
      aval[i] = ValueTraits<T>::aval(current_, i);
      bval[i] = ValueTraits<T>::bval(current_, i);
    }
  }

protected:
  BasicSignal(Scope& parent, std::string_view name, ObjectKind kind, const T& initial, CommitRange commit_values)
      : SignalBase(parent, name, kind, commit_values, changed_),
        current_(initial),
        next_(initial),
        previous_(initial),
        changed_(*scheduler_, EventKind::value_change),
        edges_(*scheduler_) {}

  /// Makes `next_` the current value if it differs, and triggers the events.
  void apply_next(bool observing) {
    if (same_value(next_, current_)) return;
    previous_ = current_;
    current_ = next_;
    if constexpr (value_width == 1) trigger_edges();
    announce_change(changed_, observing);
  }

  T current_;
  T next_;
  T previous_;  // only written by a commit that changes the value
  Event changed_;

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

private:
  void trigger_edges() {
    const std::uint64_t old_a = ValueTraits<T>::aval(previous_, 0) & 1u;
    const std::uint64_t old_b = ValueTraits<T>::bval(previous_, 0) & 1u;
    const std::uint64_t new_a = ValueTraits<T>::aval(current_, 0) & 1u;
    const std::uint64_t new_b = ValueTraits<T>::bval(current_, 0) & 1u;
    const bool old_zero = (old_a | old_b) == 0, old_one = old_a == 1 && old_b == 0;
    const bool new_zero = (new_a | new_b) == 0, new_one = new_a == 1 && new_b == 0;
    // The value changed, so "from 0" means to 1/X/Z and "from X/Z to 1" is the other posedge.
    const bool rose = old_zero || (!old_one && new_one), fell = old_one || (!old_zero && new_zero);
    if (rose && edges_.posedge.listened()) scheduler_->notify_next_delta(edges_.posedge);
    if (fell && edges_.negedge.listened()) scheduler_->notify_next_delta(edges_.negedge);
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

  [[nodiscard]] bool has_pending_change() const override { return !this->same_value(this->next_, this->current_); }

  /// Schedules `value` for the update phase of this delta; the last write wins.
  void write(const T& value) {
    const ProcessId driver = this->scheduler_->current_driver();
    if (this->clocked_writer_ != driver) {
      if (this->writer_ != driver) [[unlikely]] return write_as_new_driver(value);
      this->mark_pending();
    }
    this->next_ = value;
  }

private:
  // The slow path is a tail call that takes small values in registers: the inlined fast
  // path then keeps nothing across a call (no register saves), and the value is never
  // spilled to the stack and reloaded wider (a store-forwarding stall).
  using SlowPathValue = std::conditional_t<sizeof(T) <= 16 && std::is_trivially_copyable_v<T>, T, const T&>;
  [[gnu::noinline]] void write_as_new_driver(SlowPathValue value) {
    this->check_writer();  // throws before the value lands; queues the signal otherwise
    this->next_ = value;
  }

  static void commit_signals(SignalBase* const* first, SignalBase* const* last) {
    if (first == last) return;
    // One loop per answer, so that a commit does not test it for every changed signal.
    if (static_cast<Signal&>(**first).scheduler_->observing()) {
      commit_each<true>(first, last);
    } else {
      commit_each<false>(first, last);
    }
  }
  template <bool observing>
  static void commit_each(SignalBase* const* first, SignalBase* const* last) {
    // A clocked register's commit is about ten instructions, so the loop's own count:
    // unrolling saves about two per register.
#pragma GCC unroll 4
    for (; first != last; ++first) static_cast<Signal&>(**first).apply_next(observing);
  }
};

}  // namespace tetra
