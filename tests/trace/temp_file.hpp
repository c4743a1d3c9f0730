#pragma once
// A scratch file named after the running test, removed when the test ends.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace tetra::testing {

class TempFile {
 public:
  /// A file named after the test; `suffix` ("in.vcd", "out.vcd") tells apart several per test.
  explicit TempFile(std::string_view suffix) {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = fmt::format("tetra_{}_{}_{}_{}", test->test_suite_name(), test->name(), ::getpid(), suffix);
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests have '/' in their names
    path_ = std::filesystem::temp_directory_path() / name;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  [[nodiscard]] std::string contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace tetra::testing
