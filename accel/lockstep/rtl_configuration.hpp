#pragma once
// What the Verilated RTL of the accelerator (rtl/accel, target rtl_accelerator) is told
// at run time: the model files it reads with $readmemh and the hardware options, as the
// plusargs accelerator.sv reads. The build holds the largest configuration that
// rtl/accel/CMakeLists.txt gives accelerator.sv's parameters, and this library as
// TETRA_RTL_* (kRtlLimits here); a model or option beyond it, or one the
// contract does not allow, is refused in C++ before the model is built, since the RTL
// would stop the run at time 0 with a $fatal.

#include "accel/accelerator_config.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tetra::accel {

/// The largest configuration of the rtl_accelerator build: accelerator.sv's LANES,
/// VOCABULARY_MAX, EMBEDDING_MAX, INPUTS_MAX and HIDDEN_MAX, as the build set them.
struct RtlLimits {
  std::size_t lanes = TETRA_RTL_LANES;
  std::size_t vocabulary = TETRA_RTL_VOCABULARY_MAX;
  std::size_t embedding = TETRA_RTL_EMBEDDING_MAX;
  std::size_t hidden_inputs = TETRA_RTL_INPUTS_MAX;  ///< C * E
  std::size_t hidden = TETRA_RTL_HIDDEN_MAX;
};
inline constexpr RtlLimits kRtlLimits{};

/// The RTL's run-time configuration.
struct RtlConfiguration {
  std::filesystem::path target_file;  ///< read by the RTL; the same file as the kernel model's
  std::filesystem::path draft_file;
  HardwareParameters hardware;
  std::vector<std::string> extra_plusargs;  ///< test only: +fault_push=N (host_interface.sv)

  /// The plusargs of accelerator.sv: +target= +draft= +lanes= +mem_bw= +mem_latency= +draft_bw=.
  [[nodiscard]] std::vector<std::string> plusargs() const;
};

/// Throws std::invalid_argument naming the option or the model and the limit, unless the
/// models (shapes as loaded from `configuration`'s files) and the hardware suit both the
/// contract (accel::validate) and the build (kRtlLimits).
void validate(const RtlConfiguration& configuration, const models::ModelShape& target,
              const models::ModelShape& draft);

}  // namespace tetra::accel
