// Replays a fuzz target's checked-in corpus through it in an ordinary (gcc, sanitizer)
// build, so that every input that once mattered stays a regression test without clang.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

TEST(FuzzCorpus, EveryInputPassesTheTargetsChecks) {
  std::size_t inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TETRA_FUZZ_CORPUS)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
    ++inputs;
  }
  EXPECT_GT(inputs, 0U) << "empty corpus " << TETRA_FUZZ_CORPUS;
}

}  // namespace
