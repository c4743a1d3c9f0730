#include "sim/testbench/log.hpp"

#include <cstdio>
#include <string>

#include "sim/kernel/scheduler.hpp"
#include "sim/testbench/test_context.hpp"

namespace tetra::testbench {

void log(Verbosity severity, std::string_view message) {
  TestContext* test = TestContext::current();
  if (test != nullptr && severity == Verbosity::error) test->count_error();
  if (test != nullptr && severity < test->verbosity()) return;
  std::string time = "-";
  std::string where = "-";
  if (const Scheduler* scheduler = Scheduler::current()) {
    time = fmt::format("{}", scheduler->now());
    if (scheduler->current_process() != kNoProcess) where = scheduler->process_path(scheduler->current_process());
  }
  std::FILE* out = test != nullptr ? test->out() : stdout;
  fmt::print(out, "[{:>10}] {:<5} {}: {}\n", time, to_string(severity), where, message);
}

}  // namespace tetra::testbench
