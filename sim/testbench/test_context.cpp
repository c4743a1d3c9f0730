#include "sim/testbench/test_context.hpp"

#include <charconv>

#include <fmt/format.h>

namespace tetra::testbench {

thread_local TestContext* TestContext::current_ = nullptr;

// Out of line: the thread-local pointer is touched only in this file.
TestContext* TestContext::current() { return current_; }

CurrentTest::CurrentTest(TestContext& context) : previous_(TestContext::current_) { TestContext::current_ = &context; }

CurrentTest::~CurrentTest() { TestContext::current_ = previous_; }

TestContext::TestContext(std::string name, std::uint64_t seed, Plusargs plusargs, Verbosity verbosity,
                         std::FILE* out)
    : name_(std::move(name)),
      seed_(seed),
      random_(seed),
      plusargs_(std::move(plusargs)),
      verbosity_(verbosity),
      out_(out) {}

std::vector<std::string> TestContext::run_end_checks() const {
  std::vector<std::string> failures;
  for (const EndCheck& check : end_checks_) {
    if (std::optional<std::string> failure = check()) failures.push_back(std::move(*failure));
  }
  return failures;
}

TestContext& current_test(const char* operation) {
  TestContext* context = TestContext::current();
  if (context == nullptr) {
    throw std::logic_error(fmt::format("{} needs a running test (a Runner's test, or a CurrentTest)", operation));
  }
  return *context;
}

std::optional<std::string> plusarg(std::string_view name) {
  const Plusargs& plusargs = current_test("plusarg()").plusargs();
  const auto found = plusargs.find(name);
  if (found == plusargs.end()) return std::nullopt;
  return found->second;
}

std::int64_t plusarg_int(std::string_view name, std::int64_t fallback) {
  const std::optional<std::string> text = plusarg(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [stop, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || stop != end || text->empty()) {
    throw std::invalid_argument(fmt::format("plusarg +{}={}: expected a decimal integer", name, *text));
  }
  return value;
}

Random& test_random() { return current_test("test_random()").random(); }

}  // namespace tetra::testbench
