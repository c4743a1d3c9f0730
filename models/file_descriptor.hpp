#pragma once
// An open POSIX file descriptor that closes itself.

#include <cerrno>
#include <utility>

#include <unistd.h>

namespace tetra::models {

/// Owns one file descriptor (or none, -1) and closes it when destroyed.
class FileDescriptor {
public:
  explicit FileDescriptor(int descriptor = -1) noexcept : descriptor_(descriptor) {}
  FileDescriptor(FileDescriptor&& other) noexcept
      : descriptor_(std::exchange(other.descriptor_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
      close();
      descriptor_ = std::exchange(other.descriptor_, -1);
    }
    return *this;
  }
  ~FileDescriptor() { close(); }

  int get() const { return descriptor_; }

  /// Closes it now; returns 0, or the errno of a failed close (on some file systems the
  /// first report of a failed write).
  int close() noexcept {
    if (descriptor_ < 0) return 0;
    const int result = ::close(std::exchange(descriptor_, -1));
    return result == 0 ? 0 : errno;
  }

private:
  int descriptor_;
};

}  // namespace tetra::models
