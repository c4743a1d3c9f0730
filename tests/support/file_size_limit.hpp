#pragma once
// A disk that fills up, for a test: writes past a size fail with EFBIG ("File too large")
// as they would with ENOSPC, and no root or mount is needed.

#include <sys/resource.h>

#include <cerrno>
#include <csignal>
#include <system_error>

namespace tetra::test_support {

/// While it lives, no regular file of the process can grow past `bytes`: a write beyond
/// fails with EFBIG instead of raising SIGXFSZ, which is ignored meanwhile.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t bytes) {
    if (::getrlimit(RLIMIT_FSIZE, &saved_) != 0) {
      throw std::system_error(errno, std::system_category(), "getrlimit");
    }
    saved_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limited{bytes, saved_.rlim_max};
    if (::setrlimit(RLIMIT_FSIZE, &limited) != 0) {
      throw std::system_error(errno, std::system_category(), "setrlimit");
    }
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, saved_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
  rlimit saved_{};
  void (*saved_handler_)(int) = nullptr;
};

}  // namespace tetra::test_support
