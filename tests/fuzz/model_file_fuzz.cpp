// Fuzz target: bytes as a model file through load_model (both roles). Either the model
// loads, or it is a ModelFileError with a short printable message; the loader reads a
// path, so each input goes through one scratch file.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "models/model_file.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path scratch =
      std::filesystem::temp_directory_path() / ("tetra_model_fuzz_" + std::to_string(::getpid()) + ".hex");
  {
    std::ofstream out(scratch, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  for (const auto role : {tetra::models::ModelRole::target, tetra::models::ModelRole::draft}) {
    try {
      (void)tetra::models::load_model(scratch, role);
    } catch (const tetra::models::ModelFileError& error) {
      tetra::fuzz::check_message(error.what());
    }
  }
  return 0;
}
