#include "sim/kernel/scheduler.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

// AddressSanitizer must be told about every stack switch, which Boost.Context only does
// with its ucontext back end; the default assembly back end makes ASan report errors.
#if defined(__SANITIZE_ADDRESS__)
#define BOOST_USE_UCONTEXT
#define BOOST_USE_ASAN
#endif
#include <boost/context/stack_context.hpp>
#include <boost/coroutine2/coroutine.hpp>
#include <fmt/format.h>

#include "sim/kernel/combinational_loop.hpp"
#include "sim/kernel/errors.hpp"
#include "sim/kernel/object.hpp"
#include "sim/kernel/signal.hpp"
#include "sim/kernel/stop_request.hpp"
#include "sim/kernel/thread_stack.hpp"
#include "sim/kernel/unknown_origin.hpp"
#include "sim/values/errors.hpp"

#if defined(__SANITIZE_ADDRESS__)
// The installed Boost.Context library is built for the assembly back end only, so the
// ucontext back end's per-thread record is defined here, as Boost's own fiber.cpp does.
namespace boost::context::detail {
namespace {
thread_local fiber_activation_record* current_record = nullptr;
thread_local std::size_t record_users = 0;
}  // namespace
fiber_activation_record_initializer::fiber_activation_record_initializer() noexcept {
  if (record_users++ == 0) current_record = new fiber_activation_record();
}
fiber_activation_record_initializer::~fiber_activation_record_initializer() {
  if (--record_users == 0) delete current_record;
}
fiber_activation_record*& fiber_activation_record::current() noexcept {
  thread_local static fiber_activation_record_initializer initializer;
  return current_record;
}
}  // namespace boost::context::detail
#endif

namespace tetra {

namespace {
using Coroutine = boost::coroutines2::coroutine<void>;

// Hands Boost a thread's own guarded stack; the thread unmaps it once the coroutine is gone.
struct BorrowedStack {
  detail::GuardedStack* stack;
  boost::context::stack_context allocate() const {
    boost::context::stack_context context;
    context.size = stack->mapped_size();
    context.sp = stack->top();
    return context;
  }
  void deallocate(boost::context::stack_context& /*context*/) const noexcept {}
};

void check_stack_size(std::size_t bytes) {
  if (bytes < detail::kMinimumThreadStackBytes) {
    throw std::invalid_argument(fmt::format("a thread's stack must be at least {} bytes, not {}",
                                            detail::kMinimumThreadStackBytes, bytes));
  }
}

// Thrown inside a thread that kills itself, caught by its own entry frame.
struct ThreadKilled {};
}  // namespace

/// A thread process: its coroutine, wait token and end event.
struct ThreadState {
  ThreadState(Scheduler& scheduler, Callable body_, std::size_t stack_size_)
      : body(std::move(body_)), stack_size(stack_size_), done(scheduler) {}
  Callable body;
  std::size_t stack_size;
  // Mapped when the thread first runs, with the message that names it if it overflows.
  std::unique_ptr<detail::GuardedStack> stack;
  std::string overflow_message;
  std::unique_ptr<Coroutine::push_type> coroutine;  // destroyed before its stack
  Coroutine::pull_type* back_to_scheduler = nullptr;
  std::uint64_t token = 0;  // bumped on every resumption: older wake-ups become stale
  const Event* woken_by = nullptr;
  Event done;
  bool finished = false;
  bool capture_errors = false;
  std::exception_ptr error;
};

thread_local Scheduler* Scheduler::current_ = nullptr;

Scheduler::Scheduler(Duration resolution)
    : resolution_(resolution), resolution_fs_(static_cast<std::uint64_t>(resolution.in_femtoseconds())),
      read_only_event_(*this) {
  // Up to 2^63 - 1 fs, every tick count times the resolution fits a Duration.
  if (resolution.in_femtoseconds() <= 0 || resolution.in_femtoseconds() > std::numeric_limits<std::int64_t>::max()) {
    throw std::invalid_argument(
        fmt::format("the time resolution must be positive and at most 2^63 - 1 fs, not {}", resolution));
  }
}

Scheduler::~Scheduler() = default;

Femtoseconds Scheduler::exact_ticks(Duration delay) const {
  const Femtoseconds fs = delay.in_femtoseconds();
  if (fs < 0) throw std::invalid_argument(fmt::format("negative delay {}", delay));
  // Delays that fit 64 bits, all but absurd ones, take a 64-bit division.
  const bool narrow = fs <= std::numeric_limits<std::uint64_t>::max();
  const Femtoseconds remainder = narrow ? static_cast<std::uint64_t>(fs) % resolution_fs_ : fs % resolution_fs_;
  if (remainder != 0) {
    throw std::invalid_argument(
        fmt::format("delay {} is not a whole number of ticks of the resolution {}", delay, resolution_));
  }
  return narrow ? static_cast<std::uint64_t>(fs) / resolution_fs_ : fs / resolution_fs_;
}

Ticks Scheduler::to_ticks(Duration delay) const {
  const Femtoseconds ticks = exact_ticks(delay);
  if (ticks > std::numeric_limits<Ticks>::max()) {
    throw std::out_of_range(fmt::format("{} is {} ticks of {}, more than the 2^64 - 1 a simulation counts", delay,
                                        ticks, resolution_));
  }
  return static_cast<Ticks>(ticks);
}

namespace {
[[noreturn, gnu::cold]] void throw_time_overflow(const Scheduler& scheduler, Duration delay) {
  const ProcessId process = scheduler.current_process();
  throw TimeOverflowError(scheduler.now(), process == kNoProcess ? std::string() : scheduler.process_path(process),
                          fmt::format("{} from now is past the last time the simulation can count, {} (2^64 - 1 "
                                      "ticks of {})",
                                      delay, scheduler.to_duration(std::numeric_limits<Ticks>::max()),
                                      scheduler.resolution()));
}
}  // namespace

Ticks Scheduler::ticks_after(Duration delay) const {
  // Every clock edge comes through here: a delay that fits 64 bits, a whole number of
  // ticks, within the tick range, takes one division and no call.
  const Femtoseconds fs = delay.in_femtoseconds();
  if (fs >= 0 && fs <= std::numeric_limits<std::uint64_t>::max()) [[likely]] {
    const auto narrow = static_cast<std::uint64_t>(fs);
    const std::uint64_t ticks = narrow / resolution_fs_;
    if (ticks * resolution_fs_ == narrow && ticks <= std::numeric_limits<Ticks>::max() - now_) return now_ + ticks;
  }
  const Femtoseconds ticks = exact_ticks(delay);  // throws for a negative or fractional delay
  if (ticks > std::numeric_limits<Ticks>::max() - now_) throw_time_overflow(*this, delay);
  return now_ + static_cast<Ticks>(ticks);
}

void Scheduler::count_signal() {
  ++signal_count_;
  if (signal_count_ <= pending_.size()) return;
  const auto used = pending_end_ - pending_.data();
  pending_.resize(std::max<std::size_t>(2 * pending_.size(), 64));
  pending_end_ = pending_.data() + used;
}

// --- processes ---------------------------------------------------------------------

MethodHandle Scheduler::add_method(const Scope& owner, std::string_view name, Callable body) {
  const auto id = static_cast<ProcessId>(slots_.size());
  auto stored = std::make_unique<Callable>(std::move(body));
  slots_.push_back({stored->entry(), stored->object(), 0, id, false});
  infos_.push_back({&owner, std::string(name), {}, {}, {}, std::nullopt, std::move(stored), nullptr});
  return MethodHandle(*this, id);
}

ProcessId Scheduler::add_thread(const Scope& owner, std::string_view name, Callable body) {
  const auto id = static_cast<ProcessId>(slots_.size());
  slots_.push_back({nullptr, nullptr, 0, id, true});
  infos_.push_back({&owner, std::string(name), {}, {}, {}, std::nullopt, nullptr,
                    std::make_unique<ThreadState>(*this, std::move(body), default_stack_size_)});
  if (started_) start_thread(id);
  return id;
}

ProcessId Scheduler::spawn(std::string_view name, Callable body, bool share_driver, bool capture_errors) {
  const ProcessId parent = require_thread("spawn");
  const ProcessId id = add_thread(*infos_[parent].owner, name, std::move(body));
  if (share_driver) slots_[id].driver = slots_[parent].driver;
  thread_state(id).capture_errors = capture_errors;
  return id;
}

void Scheduler::set_default_stack_size(std::size_t bytes) {
  check_stack_size(bytes);
  default_stack_size_ = bytes;
}

void Scheduler::set_stack_size(ProcessId id, std::size_t bytes) {
  check_stack_size(bytes);
  ThreadState& state = thread_state(id);
  if (state.coroutine || state.finished) {
    throw std::logic_error(fmt::format("the stack size of thread {} is set after it started", process_path(id)));
  }
  state.stack_size = bytes;
}

std::string Scheduler::process_path(ProcessId id) const {
  if (id == kNoProcess) return "(no process)";
  if (id == kReadOnlyRegion) return "(read-only region)";
  const ProcessInfo& info = infos_.at(id);
  const std::string owner = info.owner->path();
  return owner.empty() ? info.name : owner + '.' + info.name;
}

ThreadState& Scheduler::thread_state(ProcessId id) const {
  ThreadState* state = infos_.at(id).thread.get();
  if (state == nullptr) throw std::invalid_argument(fmt::format("{} is not a thread process", process_path(id)));
  return *state;
}

void Scheduler::throw_not_in_thread(const char* operation) const {
  throw NotInThreadError(fmt::format("{}() can only be called from a thread process (called from {})", operation,
                                     process_path(current_process_)));
}

const Event& Scheduler::done_event(ProcessId id) const { return thread_state(id).done; }
bool Scheduler::is_done(ProcessId id) const { return thread_state(id).finished; }
std::exception_ptr Scheduler::captured_error(ProcessId id) const { return thread_state(id).error; }

void Scheduler::make_sensitive(ProcessId id, const Event& event) {
  if (&event.scheduler() != this) {
    throw ElaborationError(fmt::format("{} is sensitive to an event of another simulation", process_path(id)));
  }
  // A method body runs while its event's method array is walked, which a new entry
  // could reallocate: what a method adds takes effect once the delta's evaluation ends.
  if (current_process_ != kNoProcess && !slots_[current_process_].is_thread) {
    sensitivity_from_methods_.push_back({id, &event});
    return;
  }
  std::vector<const Event*>& events = infos_[id].events;
  if (std::find(events.begin(), events.end(), &event) != events.end()) return;
  events.push_back(&event);
  event.static_methods_.push_back({slots_[id].entry, infos_[id].method_body->runner(), slots_[id].object, id, 0});
  // The new entry may extend a run, and a second event makes the method shared on all.
  for (const Event* sensitive_event : events) sensitive_event->runs_known_ = false;
  set_listened(event, true);
  // Sensitivity added at run time: the signals the process already writes must also be
  // committed when this event runs it.
  for (SignalBase* signal : infos_[id].batched) add_to_batch(event, *signal);
}

void Scheduler::find_runs(const Event& event) const {
  std::vector<MethodEntry>& methods = event.static_methods_;
  // Backwards, so that each entry extends the run found after it.
  for (std::size_t i = methods.size(); i-- > 0;) {
    MethodEntry& entry = methods[i];
    const bool shared = infos_[entry.id].events.size() > 1 || event.kind() == EventKind::plain;
    if (shared) {
      entry.run_length = 0;
      continue;
    }
    const MethodEntry* next = i + 1 < methods.size() ? &methods[i + 1] : nullptr;
    const bool continues = next != nullptr && next->run_length != 0 && next->runner == entry.runner;
    entry.run_length = continues ? next->run_length + 1 : 1;
  }
  event.runs_known_ = true;
}

void Scheduler::add_to_batch(const Event& event, SignalBase& signal) {
  if (!event.commit_batches_) event.commit_batches_ = std::make_unique<std::vector<CommitBatch>>();
  auto& batches = *event.commit_batches_;
  auto batch = std::find_if(batches.begin(), batches.end(),
                            [&](const CommitBatch& candidate) { return candidate.commit == signal.commit_range(); });
  if (batch == batches.end()) batch = batches.insert(batches.end(), CommitBatch{signal.commit_range(), {}});
  batch->signals.push_back(signal.core_);
}

void Scheduler::batch_with_clock_events(SignalBase& signal) {
  SignalCore& core = *signal.core_;
  const ProcessId writer = core.writer;
  if (writer >= slots_.size() || slots_[writer].is_thread) return;
  ProcessInfo& info = infos_[writer];
  const bool clocked = !info.events.empty() && std::all_of(info.events.begin(), info.events.end(), [](const Event* event) {
    return event->kind() == EventKind::edge;
  });
  if (!clocked) return;
  for (const Event* event : info.events) add_to_batch(*event, signal);
  info.batched.push_back(&signal);
  core.update_state |= SignalCore::kBatched;
  core.clocked_writer = writer;
  // The event that runs the writer now may have had no batch before this first write.
  for (const Event* event : info.events) queue_commit_batches(*event);
}

void MethodHandle::add_sensitivity(EventRef source) {
  if (scheduler_->elaborated_) {
    scheduler_->make_sensitive(id_, source.get());
  } else {
    scheduler_->infos_[id_].sensitivity.push_back(source);
  }
}

MethodHandle& MethodHandle::run_at_start(bool enabled) {
  scheduler_->infos_[id_].run_at_start = enabled;
  return *this;
}

// --- threads -----------------------------------------------------------------------

void Scheduler::start_thread(ProcessId id) { queue_.push_back({nullptr, id, thread_state(id).token}); }

void Scheduler::create_coroutine(ProcessId id) {
  ThreadState& state = *infos_[id].thread;
  detail::catch_stack_overflows(&Scheduler::overflow_message_at);
  state.stack = std::make_unique<detail::GuardedStack>(state.stack_size);
  state.overflow_message = fmt::format(
      "tetra: stack overflow in thread {}: its stack of {} bytes is full (ThreadHandle::stack_size or "
      "Scheduler::set_default_stack_size give a thread more)\n",
      process_path(id), state.stack->usable_size());
  state.coroutine = std::make_unique<Coroutine::push_type>(BorrowedStack{state.stack.get()}, [&state](Coroutine::pull_type& back) {
    state.back_to_scheduler = &back;
    try {
      state.body();
    } catch (const boost::context::detail::forced_unwind&) {
      throw;  // a kill unwinding this stack: let Boost finish it
    } catch (const ThreadKilled&) {
      // killed itself: end normally
    } catch (...) {
      if (!state.capture_errors) throw;
      state.error = std::current_exception();
    }
  });
}

const char* Scheduler::overflow_message_at(const void* address) {
  const Scheduler* scheduler = current_;
  if (scheduler == nullptr || scheduler->current_process_ >= scheduler->infos_.size()) return nullptr;
  const ThreadState* state = scheduler->infos_[scheduler->current_process_].thread.get();
  if (state == nullptr || !state->stack || !state->stack->guard_holds(address)) return nullptr;
  return state->overflow_message.c_str();
}

void Scheduler::resume(ProcessId id, std::uint64_t token, const Event* cause) {
  ThreadState& state = *infos_[id].thread;
  if (state.token != token || state.finished) return;  // a stale wake-up
  ++state.token;
  state.woken_by = cause;
  current_process_ = id;
  detail::running_driver = in_read_only_ ? kReadOnlyRegion : slots_[id].driver;
  if (!state.coroutine) [[unlikely]] create_coroutine(id);
  (*state.coroutine)();
  current_process_ = kNoProcess;
  detail::running_driver = kNoProcess;
  if (!*state.coroutine) finish_thread(id);
}

void Scheduler::finish_thread(ProcessId id) {
  ThreadState& state = *infos_[id].thread;
  state.finished = true;
  state.coroutine.reset();
  state.stack.reset();
  notify_now(state.done);
}

void Scheduler::kill(ProcessId id) {
  ThreadState& state = thread_state(id);
  if (state.finished) return;
  if (id == current_process_) throw ThreadKilled{};
  ++state.token;
  const ProcessId killer = current_process_;
  const ProcessId killer_driver = detail::running_driver;
  state.coroutine.reset();  // unwinds the thread's stack (Boost forced_unwind)
  current_process_ = killer;
  detail::running_driver = killer_driver;
  finish_thread(id);
}

void Scheduler::wait_one(const Event& event) {
  const ProcessId id = require_thread("wait");
  ThreadState& state = *infos_[id].thread;
  event.waiters_.push_back({id, state.token});
  set_listened(event, true);
  (*state.back_to_scheduler)();
}

std::optional<std::size_t> Scheduler::wait_any(std::span<const Event* const> events,
                                                std::optional<Duration> timeout) {
  const ProcessId id = require_thread("wait");
  ThreadState& state = *infos_[id].thread;
  const std::uint64_t token = state.token;
  for (const Event* event : events) {
    event->waiters_.push_back({id, token});
    set_listened(*event, true);
  }
  if (timeout) schedule(ticks_after(*timeout), {nullptr, id, token});
  (*state.back_to_scheduler)();
  if (state.woken_by == nullptr) return std::nullopt;
  const auto it = std::find(events.begin(), events.end(), state.woken_by);
  return static_cast<std::size_t>(it - events.begin());
}

// --- events ------------------------------------------------------------------------

void Scheduler::notify_now(const Event& event) {
  if (event.queued_now_) return;
  event.queued_now_ = true;
  queue_.push_back({&event, kNoProcess, 0});
}

void Scheduler::notify_at(const Event& event, Duration delay) {
  schedule(ticks_after(delay), {&event, current_process_, 0});
}

void Scheduler::schedule(Ticks time, Activation activation) {
  timed_.push({time, timed_sequence_++, activation});
}

void Event::notify() { scheduler_->notify_now(*this); }
void Event::notify_delta() { scheduler_->notify_next_delta(*this); }
void Event::notify_after(Duration delay) { scheduler_->notify_at(*this, delay); }

void Scheduler::fire(const Event& event) {
  event.queued_now_ = false;
  if (!event.runs_known_) find_runs(event);
  run_methods(event.static_methods_.data(), event.static_methods_.data() + event.static_methods_.size());
  queue_commit_batches(event);
  if (event.waiters_.empty()) return;
  if (event.waiters_.size() == 1) {  // the common hand-off: no copy needed
    const Wakeup only = event.waiters_.front();
    event.waiters_.clear();
    set_listened(event, !event.static_methods_.empty());  // until a thread waits again
    resume(only.process, only.token, &event);
    return;
  }
  // Resumed threads may wait on this event again: iterate a copy (its capacity is kept).
  waking_.assign(event.waiters_.begin(), event.waiters_.end());
  event.waiters_.clear();
  set_listened(event, !event.static_methods_.empty());
  for (const Wakeup& wakeup : waking_) resume(wakeup.process, wakeup.token, &event);
}

// --- the region loop ---------------------------------------------------------------

void Scheduler::evaluate_queue() {
  // Immediate notifications append to the queue while it is being walked.
  for (std::size_t i = 0; i < queue_.size(); ++i) {
    const Activation activation = queue_[i];
    if (activation.event != nullptr) {
      fire(*activation.event);
    } else if (slots_[activation.process].is_thread) {
      resume(activation.process, activation.token, nullptr);
    } else {
      // A method run at start-up, not by its events: what it wrote is committed with them.
      const ProcessSlot& slot = slots_[activation.process];
      const MethodEntry alone{slot.entry, nullptr, slot.object, activation.process, 0};
      run_methods(&alone, &alone + 1);
      for (const Event* event : infos_[activation.process].events) queue_commit_batches(*event);
    }
  }
  queue_.clear();
  current_process_ = kNoProcess;
  detail::running_driver = kNoProcess;
  if (!sensitivity_from_methods_.empty()) [[unlikely]] add_sensitivity_from_methods();
}

void Scheduler::add_sensitivity_from_methods() {
  const std::vector<Sensitivity> added = std::exchange(sensitivity_from_methods_, {});
  for (const auto& [id, event] : added) make_sensitive(id, *event);
}

void Scheduler::evaluate() {
  ++delta_serial_;
  evaluate_queue();
}

void Scheduler::update() {
  for (SignalBase* signal : pending()) signal->commit_queued();
  pending_end_ = pending_.data();
  if (!commit_events_.empty()) commit_batches();
}

void Scheduler::commit_batches() {
  for (const Event* event : commit_events_) {
    event->queued_commit_ = false;
    for (const CommitBatch& batch : *event->commit_batches_) {
      batch.commit(batch.signals.data(), batch.signals.data() + batch.signals.size());
    }
  }
  commit_events_.clear();
}

void Scheduler::start_next_delta() {
  for (const Event* event : next_events_) {
    event->queued_next_ = false;
    if (!event->queued_now_) {
      event->queued_now_ = true;
      queue_.push_back({event, kNoProcess, 0});
    }
  }
  next_events_.clear();
}

void Scheduler::run_time_slot() {
  if (queue_.empty() && pending().empty() && next_events_.empty() && commit_events_.empty()) return;
  while (true) {
    evaluate();
    if (!pending().empty() || !next_events_.empty() || !commit_events_.empty()) {
      if (++deltas_at_now_ > delta_limit_) throw_delta_limit();
      update();
      start_next_delta();
      if (finish_requested_) break;
      continue;
    }
    if (read_only_event_.listened()) {
      in_read_only_ = true;
      ++delta_serial_;
      fire(read_only_event_);
      evaluate_queue();
      in_read_only_ = false;
      if (!next_events_.empty()) {  // notified for a later delta from a monitor
        start_next_delta();
        continue;
      }
    }
    break;
  }
  report_changes();
}

void Scheduler::report_changes() {
  if (step_observers_.empty() || changed_in_slot_.empty()) return;
  for (const StepObserver& observer : step_observers_) observer(now_, changed_in_slot_);
  for (SignalBase* signal : changed_in_slot_) signal->core_->noted_changed = false;
  changed_in_slot_.clear();
}

void Scheduler::throw_delta_limit() const {
  // The signals queued by their writes, then the clock events' registers about to change.
  std::vector<const SignalBase*> changing(pending().begin(), pending().end());
  for (const Event* event : commit_events_) {
    for (const CommitBatch& batch : *event->commit_batches_) {
      for (const SignalCore* core : batch.signals) {
        const SignalBase* signal = core->signal;
        if (signal->has_pending_change() && std::find(changing.begin(), changing.end(), signal) == changing.end()) {
          changing.push_back(signal);
        }
      }
    }
  }
  std::string culprits;
  std::size_t listed = 0;
  for (const SignalBase* signal : changing) {
    if (listed++ == 8) {
      culprits += fmt::format(", and {} more", changing.size() - 8);
      break;
    }
    culprits += fmt::format("{}{} (driven by {})", listed == 1 ? "" : ", ", signal->path(),
                            process_path(signal->driver_process()));
  }
  // The changing signals may all be downstream of the loop: the loop is named apart.
  const std::vector<const SignalBase*> cycle = find_combinational_loop(*this, changing);
  std::string loop;
  for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
    loop += fmt::format("{}{} (driven by {}) -> ", i == 0 ? "loop: " : "", cycle[i]->path(),
                        process_path(cycle[i]->driver_process()));
  }
  if (!cycle.empty()) loop += cycle.back()->path() + "; ";
  throw DeltaCycleLimitError(now(), "",
                             fmt::format("delta-cycle limit of {} reached (a combinational loop?); {}signals still "
                                         "changing: {}",
                                         delta_limit_, loop, culprits.empty() ? std::string("none (events only)") : culprits));
}

void Scheduler::throw_zero_delay_limit() const {
  // The zero-delay wake-ups due now, by the process that asked for each.
  std::vector<ProcessId> processes;
  std::size_t events_from_outside = 0;
  for (auto entries = timed_; !entries.empty() && entries.top().time == now_; entries.pop()) {
    const Activation& activation = entries.top().activation;
    if (activation.process == kNoProcess) {
      ++events_from_outside;
    } else if (std::find(processes.begin(), processes.end(), activation.process) == processes.end()) {
      processes.push_back(activation.process);
    }
  }
  std::string culprits;
  for (std::size_t i = 0; i < processes.size() && i < 8; ++i) {
    culprits += fmt::format("{}{}", i == 0 ? "" : ", ", process_path(processes[i]));
  }
  if (processes.size() > 8) culprits += fmt::format(", and {} more", processes.size() - 8);
  if (events_from_outside > 0) {
    culprits += fmt::format("{}{} event(s) notified from outside any process", culprits.empty() ? "" : ", ",
                            events_from_outside);
  }
  throw DeltaCycleLimitError(now(), processes.empty() ? std::string() : process_path(processes.front()),
                             fmt::format("delta-cycle limit of {} reached by zero-delay waits or notifications (a "
                                         "wait(0) in a loop?); still scheduling at zero delay: {}",
                                         delta_limit_, culprits));
}

void Scheduler::drop_stale_wakeups() {
  // Wake-ups of threads that were resumed otherwise (timeouts that did not expire) must
  // neither move time nor keep the simulation alive.
  while (!timed_.empty()) {
    const Activation& top = timed_.top().activation;
    if (top.event != nullptr) break;
    const ThreadState& state = *infos_[top.process].thread;
    if (state.token == top.token && !state.finished) break;
    timed_.pop();
  }
}

void Scheduler::take_due_events() {
  while (!timed_.empty() && timed_.top().time == now_) {
    const Activation activation = timed_.top().activation;
    timed_.pop();
    if (activation.event != nullptr) {
      notify_now(*activation.event);
    } else {
      queue_.push_back(activation);
    }
  }
}

bool Scheduler::advance_time(std::optional<Ticks> end, bool through_end) {
  drop_stale_wakeups();
  if (timed_.empty()) return false;
  const Ticks next = timed_.top().time;
  if (end && (next > *end || (next == *end && !through_end))) return false;
  if (next != now_) {
    deltas_at_now_ = 0;
  } else if (++deltas_at_now_ > delta_limit_) {
    throw_zero_delay_limit();
  }
  now_ = next;
  take_due_events();
  return true;
}

std::optional<Duration> Scheduler::next_event_time() {
  drop_stale_wakeups();
  if (timed_.empty()) return std::nullopt;
  return to_duration(timed_.top().time);
}

void Scheduler::elaborate() {
  if (elaborated_) return;
  elaborate_design();
  for (ProcessId id = 0; id < infos_.size(); ++id) {
    for (const EventRef& source : infos_[id].sensitivity) make_sensitive(id, source.get());
  }
  elaborated_ = true;
}

void Scheduler::begin_run() {
  if (ended_) throw std::logic_error("the simulation has ended and cannot run again");
  if (running_) throw std::logic_error("run() called while the simulation is running");
  elaborate();
  if (started_) return;
  started_ = true;
  changed_in_slot_.reserve(signal_count_);
  for (ProcessId id = 0; id < infos_.size(); ++id) {
    ProcessInfo& info = infos_[id];
    if (info.thread) {
      start_thread(id);
      continue;
    }
    const bool edge_triggered = std::any_of(info.sensitivity.begin(), info.sensitivity.end(),
                                            [](const EventRef& source) { return source.get().kind() == EventKind::edge; });
    if (info.run_at_start.value_or(!edge_triggered)) queue_.push_back({nullptr, id, 0});
  }
}

std::exception_ptr Scheduler::locate(std::exception_ptr error) const {
  if (current_process_ == kNoProcess) return error;
  try {
    std::rethrow_exception(error);
  } catch (const SimulationError&) {
    return error;
  } catch (const UnknownValueError& cause) {
    return std::make_exception_ptr(ProcessError(
        now(), process_path(current_process_), cause.what() + unknown_origin(*this, current_process_), error));
  } catch (const std::exception& cause) {
    return std::make_exception_ptr(ProcessError(now(), process_path(current_process_), cause.what(), error));
  } catch (...) {
    return std::make_exception_ptr(
        ProcessError(now(), process_path(current_process_), "a non-standard exception was thrown", error));
  }
}

void Scheduler::run_until(std::optional<Ticks> end, bool through_end) {
  begin_run();
  // settle(): the events due now join the writes made since the last run in one slot.
  if (through_end && end == now_) take_due_events();
  // A run nested in a process of another simulation hands that process its driver back.
  Scheduler* const outer = current_;
  const ProcessId outer_driver = detail::running_driver;
  current_ = this;
  running_ = true;
  // A host simulator settles once per delta cycle of its own: only the deltas of one run
  // count towards the limit.
  deltas_at_now_ = 0;
  // Signals ask for a stop only while a simulation runs (stop_request.hpp).
  struct RunningCount {
    RunningCount() { detail::count_running_simulation(1); }
    ~RunningCount() { detail::count_running_simulation(-1); }
    RunningCount(const RunningCount&) = delete;
    RunningCount& operator=(const RunningCount&) = delete;
  } running_count;
  try {
    while (true) {
      run_time_slot();
      if (finish_requested_) break;
      if (const int stop = requested_stop(); stop >= 0) [[unlikely]] throw SimulationStopped(now(), stop);
      if (!advance_time(end, through_end)) break;
    }
  } catch (...) {
    std::exception_ptr located = locate(std::current_exception());
    current_process_ = kNoProcess;
    detail::running_driver = outer_driver;
    running_ = false;
    current_ = outer;
    // The slot that failed is reported as far as it got, so that a waveform shows the
    // values at the failure. An observer failing now would only hide the error that
    // stopped the run, which is the one rethrown.
    try {
      report_changes();
    } catch (...) {
    }
    end_simulation(true);
    std::rethrow_exception(located);
  }
  running_ = false;
  current_ = outer;
  detail::running_driver = outer_driver;
  if (finish_requested_ || !end) {
    end_simulation(false);
  } else if (*end > now_) {
    now_ = *end;
  }
}

void Scheduler::run() { run_until(std::nullopt, false); }

void Scheduler::run(Duration duration) { run_until(ticks_after(duration), false); }

void Scheduler::settle() { run_until(now_, true); }

// --- observers ---------------------------------------------------------------------

void Scheduler::add_step_observer(StepObserver observer) {
  step_observers_.push_back(std::move(observer));
  observing_ = true;
}

void Scheduler::add_end_hook(EndHook hook) { end_hooks_.push_back(std::move(hook)); }

void Scheduler::end_simulation(bool failed) {
  if (ended_) return;
  ended_ = true;
  // Every hook runs (each tracer closes its own file) even when one fails.
  std::exception_ptr first_error;
  for (const EndHook& hook : end_hooks_) {
    try {
      hook(failed);
    } catch (...) {
      if (!first_error) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace tetra
