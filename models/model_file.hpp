#pragma once
// The versioned model data file: one hex word per line, readable by Verilog $readmemh.
// docs/models.md describes the layout word by word.

#include "models/integer_model.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace tetra::models {

/// Which side of speculative decoding a file holds; stored in the header.
enum class ModelRole : std::uint32_t { target = 0, draft = 1 };

/// The format version this build reads and writes.
inline constexpr std::uint32_t kModelFileVersion = 1;

/// The first word of every model file: "TETR" in ASCII.
inline constexpr std::uint32_t kModelFileMagic = 0x54455452;

/// A model file that cannot be loaded; the message names the file, the line, what was
/// expected and what was found.
class ModelFileError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The text of a model file: what save_model writes. Throws std::invalid_argument unless
/// the parameters pass validate().
std::string model_file_text(const IntegerModelParameters& parameters, ModelRole role);

/// Writes a model file through a ReplacementFile (models/replacement_file.hpp), so that a
/// failed write leaves the old file, if any, and no partial one; throws ModelFileError
/// with the reason if it cannot be written.
void save_model(const std::filesystem::path& path, const IntegerModelParameters& parameters,
                ModelRole role);

/// Reads a whole model file and checks its magic, version, role, sizes, checksum and
/// value ranges; throws ModelFileError and returns nothing unless all of it is right.
IntegerModelParameters load_model(const std::filesystem::path& path, ModelRole expected_role);

/// The checked-in model for a role: models/data/target.hex or models/data/draft.hex.
std::filesystem::path default_model_path(ModelRole role);

/// "target" or "draft".
std::string_view role_name(ModelRole role);

}  // namespace tetra::models
