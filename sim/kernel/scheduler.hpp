#pragma once
// The discrete-event scheduler. Each time slot runs, like IEEE 1800 and SystemC:
//   active:    triggered processes run (method processes at most once per delta);
//   update:    signal writes commit; changes trigger sensitive processes for the next
//              delta; repeated until nothing changes (bounded by the delta limit);
//   read-only: monitors run; a signal write there throws;
// then time advances to the earliest timed event. Everything happens in a fixed order
// (registration order, then notification order), so runs are reproducible.

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <span>
#include <string>
#include <vector>

#include "sim/kernel/event.hpp"
#include "sim/kernel/process.hpp"
#include "sim/kernel/running_driver.hpp"
#include "sim/kernel/state_arena.hpp"
#include "sim/kernel/time.hpp"

namespace tetra {

class Scope;
class SignalBase;
struct ThreadState;

/// "Processes running in the read-only region": no signal may be written.
inline constexpr ProcessId kReadOnlyRegion = 0xFFFF'FFFEu;

/// Called once per time slot, after it settled, with the signals that changed in it.
using StepObserver = std::function<void(Ticks time, std::span<SignalBase* const> changed)>;
/// Called once when the simulation ends; `failed` is true when it ends by an exception.
using EndHook = std::function<void(bool failed)>;

/// The event queue, process table and region loop of one simulation.
class Scheduler {
public:
  /// A scheduler whose tick is `resolution` (default 1 ps, at most 2^63 - 1 fs).
  explicit Scheduler(Duration resolution = Duration::femtoseconds(1'000));
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  virtual ~Scheduler();

  // --- time ---------------------------------------------------------------------
  /// Current simulated time.
  [[nodiscard]] Duration now() const { return to_duration(now_); }
  /// Current simulated time in ticks.
  [[nodiscard]] Ticks now_ticks() const { return now_; }
  /// The duration of one tick.
  [[nodiscard]] Duration resolution() const { return resolution_; }
  /// The duration of `ticks` ticks (exact: every tick count fits a Duration).
  [[nodiscard]] Duration to_duration(Ticks ticks) const {
    return Duration::femtoseconds(static_cast<Femtoseconds>(ticks) * resolution_fs_);
  }
  /// `delay` in ticks; throws std::invalid_argument if negative or not a whole number of
  /// ticks, std::out_of_range beyond 2^64 - 1 ticks.
  [[nodiscard]] Ticks to_ticks(Duration delay) const;
  /// The tick `delay` from now; throws like to_ticks(), and TimeOverflowError (located at
  /// now() in the running process) when that is past the last tick, 2^64 - 1.
  [[nodiscard]] Ticks ticks_after(Duration delay) const;

  // --- running ------------------------------------------------------------------
  /// Runs until no event is left or finish() is called; this ends the simulation.
  void run();
  /// Runs every time slot before now() + `duration`, then sets now() to that time.
  void run(Duration duration);
  /// Runs the time slot at now() until it settles: the timed events due now, the writes
  /// made since the last run and every delta cycle they cause. Time does not advance;
  /// after run(d), settle() runs the slot at the end time that run(d) leaves pending. For
  /// a host simulator that owns time (sim/systemc): run(t - now()) then settle() at each
  /// of its times t.
  void settle();
  /// The time of the earliest pending timed event (a wait(d), a notify_after), or nullopt
  /// when none is left: when a host simulator must next settle this one.
  [[nodiscard]] std::optional<Duration> next_event_time();
  /// Ends the simulation after the current delta cycle.
  void finish() { finish_requested_ = true; }
  /// True once the simulation ended (finish(), event starvation in run(), or an error).
  [[nodiscard]] bool has_ended() const { return ended_; }
  /// Checks the design and freezes sensitivity; run() calls it the first time.
  void elaborate();
  /// True once elaborate() ran.
  [[nodiscard]] bool is_elaborated() const { return elaborated_; }
  /// Most delta cycles a time may take before DeltaCycleLimitError (default 10,000); a
  /// time slot entered again at the same time (a wait or notify_after of zero) counts as
  /// a delta cycle of that time.
  void set_delta_limit(std::uint64_t limit) { delta_limit_ = limit; }
  /// The delta-cycle limit.
  [[nodiscard]] std::uint64_t delta_limit() const { return delta_limit_; }
  /// The scheduler whose run() is executing on this OS thread, or nullptr.
  [[nodiscard]] static Scheduler* current() { return current_; }

  // --- processes ----------------------------------------------------------------
  /// Registers a method process named `name` inside `owner`.
  MethodHandle add_method(const Scope& owner, std::string_view name, Callable body);
  /// Registers a thread process started at time 0 (or now, if already running).
  ProcessId add_thread(const Scope& owner, std::string_view name, Callable body);
  /// The stack size of threads registered from now on (default 256 KiB, at least 16 KiB).
  /// A thread that overflows its stack ends the process with a message naming it.
  void set_default_stack_size(std::size_t bytes);
  /// The stack size of thread `id`, which must not have run yet.
  void set_stack_size(ProcessId id, std::size_t bytes);
  /// Hierarchical name of a process ("top.fifo.push").
  [[nodiscard]] std::string process_path(ProcessId id) const;
  /// The scope that declared process `id`.
  [[nodiscard]] const Scope& process_owner(ProcessId id) const { return *infos_.at(id).owner; }
  /// True when process `id` is a thread, false for a method.
  [[nodiscard]] bool is_thread(ProcessId id) const { return slots_.at(id).is_thread; }
  /// The events of a method process's static sensitivity, once the design is elaborated.
  [[nodiscard]] std::span<const Event* const> process_events(ProcessId id) const { return infos_.at(id).events; }
  /// The process being run, or kNoProcess.
  [[nodiscard]] ProcessId current_process() const { return current_process_; }
  /// Fires in the read-only region of every time slot: sensitivity for monitors.
  [[nodiscard]] const Event& read_only_event() const { return read_only_event_; }

  // --- observers ----------------------------------------------------------------
  /// Adds an observer called after each time slot with the signals that changed.
  void add_step_observer(StepObserver observer);
  /// Adds a hook run when the simulation ends, normally or by an exception.
  void add_end_hook(EndHook hook);
  /// Runs the end hooks now if they have not run (the Simulation's destructor does);
  /// all of them run, then the first exception one of them threw is rethrown.
  void end_simulation(bool failed);

  // --- used by signals and thread primitives --------------------------------------
  /// Queues `event` to fire later in the current evaluation phase.
  void notify_now(const Event& event);
  /// Queues `event` to fire in the next delta cycle (once, however often notified).
  void notify_next_delta(const Event& event) {
    if (event.queued_next_) return;
    event.queued_next_ = true;
    next_events_.push_back(&event);
  }
  /// Fires `event` `delay` from now.
  void notify_at(const Event& event, Duration delay);
  /// The process whose writes are being made (kReadOnlyRegion in the read-only region),
  /// kNoProcess unless this simulation is the one running.
  [[nodiscard]] ProcessId current_driver() const { return current_ == this ? detail::running_driver : kNoProcess; }
  /// Remembers a signal write for the update phase. The signal de-duplicates, so the
  /// list, sized to the number of signals, cannot overflow and needs no check.
  void add_pending(SignalBase& signal) { *pending_end_++ = &signal; }
  /// Records a changed signal for the step observers (the signal de-duplicates).
  void note_changed(SignalBase& signal) { changed_in_slot_.push_back(&signal); }
  /// True when a step observer wants changed signals.
  [[nodiscard]] bool observing() const { return observing_; }
  /// Counts a new signal and makes room for it in the update list.
  void count_signal();
  /// Where the signals of this simulation keep their hot state.
  [[nodiscard]] StateArena& state_arena() { return state_arena_; }
  /// Called when `signal` gets its writer: a method process sensitive only to edges
  /// (a clocked process) has the signal committed with its clock events from now on,
  /// so that its writes need not be queued one by one.
  void batch_with_clock_events(SignalBase& signal);

  /// Suspends the current thread until one of `events` fires or `timeout` elapses;
  /// returns the index of the event, or nullopt on timeout.
  std::optional<std::size_t> wait_any(std::span<const Event* const> events, std::optional<Duration> timeout);
  /// Starts a child thread of the current process; `share_driver` lets it write the
  /// parent's signals (with_timeout bodies), `capture_errors` keeps its exception for
  /// the parent instead of stopping the run.
  ProcessId spawn(std::string_view name, Callable body, bool share_driver, bool capture_errors);
  /// Stops a thread: it unwinds (if another thread) and its done event fires.
  void kill(ProcessId id);
  /// Event fired when thread `id` finishes or is killed.
  [[nodiscard]] const Event& done_event(ProcessId id) const;
  /// True once thread `id` finished or was killed.
  [[nodiscard]] bool is_done(ProcessId id) const;
  /// The exception a capture_errors thread ended with (null if none).
  [[nodiscard]] std::exception_ptr captured_error(ProcessId id) const;
  /// Suspends the current thread until `event` fires (the common single-event wait).
  void wait_one(const Event& event);
  /// Throws NotInThreadError unless a thread process is running; returns its id.
  ProcessId require_thread(const char* operation) const {
    if (current_process_ == kNoProcess || !slots_[current_process_].is_thread) [[unlikely]] throw_not_in_thread(operation);
    return current_process_;
  }

protected:
  /// Elaborates the design hierarchy (ports, drivers); the Simulation overrides it.
  virtual void elaborate_design() {}

private:
  friend class MethodHandle;
  struct ProcessSlot {  // what the active region touches, kept small and flat
    void (*entry)(void*);
    void* object;
    std::uint64_t ran_in_delta;
    ProcessId driver;
    bool is_thread;
  };
  struct ProcessInfo {  // everything else
    const Scope* owner;
    std::string name;
    std::vector<EventRef> sensitivity;
    std::vector<const Event*> events;      // the sensitivity, resolved
    std::vector<SignalBase*> batched;      // signals it writes, committed with `events`
    std::optional<bool> run_at_start;
    std::unique_ptr<Callable> method_body;
    std::unique_ptr<ThreadState> thread;
  };
  struct Activation {  // an event to fire, or a thread to resume if its token still matches
    const Event* event;
    ProcessId process;  // for a timed event, the process that notified it (for messages)
    std::uint64_t token;
  };
  struct TimedEntry {
    Ticks time;
    std::uint64_t sequence;
    Activation activation;
    bool operator>(const TimedEntry& other) const {
      return time != other.time ? time > other.time : sequence > other.sequence;
    }
  };

  // Runs the slots before `end` (and at `end` too when `through_end`; none: until no
  // event is left).
  void run_until(std::optional<Ticks> end, bool through_end);
  void begin_run();
  void run_time_slot();
  void evaluate();
  void fire(const Event& event);
  // A method body cannot change the delta serial nor the region, so they are read once
  // for all the methods of an event (a clock edge runs every clocked process at once).
  // A method is its own driver, except in the read-only region, where writes must fail:
  // there, runs are taken one method at a time. evaluate_queue() clears current_* once
  // the queue is done.
  template <bool read_only>
  void run_methods(const MethodEntry* first, const MethodEntry* last) {
    const std::uint64_t serial = delta_serial_;
    while (first != last) {
      const std::uint32_t run_length = first->run_length;
      if (run_length == 0) {
        std::uint64_t& ran_in_delta = slots_[first->id].ran_in_delta;
        if (ran_in_delta == serial) {
          ++first;
          continue;
        }
        ran_in_delta = serial;
      } else if (!read_only && run_length > 1) {
        first->runner(first, first + run_length, current_process_);
        first += run_length;
        continue;
      }
      current_process_ = first->id;
      detail::running_driver = read_only ? kReadOnlyRegion : first->id;
      first->entry(first->object);
      ++first;
    }
  }
  void run_methods(const MethodEntry* first, const MethodEntry* last) {
    if (in_read_only_) {
      run_methods<true>(first, last);
    } else {
      run_methods<false>(first, last);
    }
  }
  void find_runs(const Event& event) const;
  void queue_commit_batches(const Event& event) {
    if (!event.commit_batches_ || event.queued_commit_) return;
    event.queued_commit_ = true;
    commit_events_.push_back(&event);
  }
  static void add_to_batch(const Event& event, SignalBase& signal);
  static void set_listened(const Event& event, bool listened) {
    event.listened_ = listened;
    if (event.listened_mirror_ != nullptr) *event.listened_mirror_ = listened;
  }
  void resume(ProcessId id, std::uint64_t token, const Event* cause);
  void evaluate_queue();
  ThreadState& thread_state(ProcessId id) const;
  void update();
  void commit_batches();  // of the clock events that fired in this delta
  [[nodiscard]] std::span<SignalBase* const> pending() const { return {pending_.data(), pending_end_}; }
  void start_next_delta();
  bool advance_time(std::optional<Ticks> end, bool through_end);
  void drop_stale_wakeups();
  void take_due_events();  // the timed events at now_, into the active queue
  void schedule(Ticks time, Activation activation);
  void report_changes();  // to the step observers: the slot's changed signals
  [[noreturn]] void throw_delta_limit() const;
  [[noreturn]] void throw_zero_delay_limit() const;
  // `delay` in ticks, not bounded to Ticks: negative or fractional delays throw.
  [[nodiscard]] Femtoseconds exact_ticks(Duration delay) const;
  void make_sensitive(ProcessId id, const Event& event);
  [[gnu::noinline]] void add_sensitivity_from_methods();  // out of the evaluation loop's way
  void start_thread(ProcessId id);
  void create_coroutine(ProcessId id);  // when the thread first runs
  // The message for a stack overflow of the thread running on this OS thread, if
  // `address` is in its stack's guard; called from the SIGSEGV handler.
  static const char* overflow_message_at(const void* address);
  void finish_thread(ProcessId id);
  std::exception_ptr locate(std::exception_ptr error) const;
  [[noreturn]] void throw_not_in_thread(const char* operation) const;

  // Hot state first.
  std::vector<ProcessSlot> slots_;
  std::vector<Activation> queue_;
  std::vector<const Event*> next_events_;
  std::vector<const Event*> commit_events_;  // events whose commit batches are due
  SignalBase** pending_end_ = nullptr;  // one past the last pending signal in pending_
  std::vector<SignalBase*> pending_;     // sized to the number of signals
  std::vector<SignalBase*> changed_in_slot_;
  std::vector<Wakeup> waking_;
  struct Sensitivity {
    ProcessId process;
    const Event* event;
  };
  std::vector<Sensitivity> sensitivity_from_methods_;  // added by method bodies this delta
  ProcessId current_process_ = kNoProcess;
  std::uint64_t delta_serial_ = 0;
  bool in_read_only_ = false;
  bool observing_ = false;
  bool finish_requested_ = false;
  Ticks now_ = 0;

  Duration resolution_;
  std::uint64_t resolution_fs_;
  std::uint64_t delta_limit_ = 10'000;
  std::size_t default_stack_size_ = 256 * 1024;  // testbench code with formatted messages
  std::uint64_t deltas_at_now_ = 0;  // delta cycles and zero-delay slots at now_ in this run
  std::uint64_t timed_sequence_ = 0;
  std::size_t signal_count_ = 0;
  StateArena state_arena_;
  std::priority_queue<TimedEntry, std::vector<TimedEntry>, std::greater<>> timed_;
  std::vector<ProcessInfo> infos_;
  std::vector<StepObserver> step_observers_;
  std::vector<EndHook> end_hooks_;
  Event read_only_event_;
  bool elaborated_ = false;
  bool running_ = false;
  bool ended_ = false;
  bool started_ = false;
  static thread_local Scheduler* current_;
};

}  // namespace tetra
