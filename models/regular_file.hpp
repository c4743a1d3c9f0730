#pragma once
// Reading a file the user named: the whole of it, only if it is a regular file, with the
// operating system's reason when it cannot be read.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tetra::models {

/// A file that cannot be read; the message names the file and the reason.
class FileReadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The whole contents of `path`. Anything but a regular file (a directory, a device such
/// as /dev/zero, a FIFO, a socket) is refused before a byte is read, so that nothing reads
/// forever or blocks. `what` names the file in messages; for example
/// read_regular_file("/tmp", "model file") throws FileReadError
/// "/tmp: cannot read the model file: it is a directory, not a regular file", and a file
/// without read permission "...: cannot open the model file: Permission denied".
std::string read_regular_file(const std::filesystem::path& path, std::string_view what);

}  // namespace tetra::models
