#include "models/regular_file.hpp"

#include "models/file_descriptor.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tetra::models {

namespace {

std::string_view file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view action,
                       std::string_view what, std::string_view reason) {
  throw FileReadError(fmt::format("{}: cannot {} the {}: {}", path.string(), action, what,
                                  reason));
}

}  // namespace

std::string read_regular_file(const std::filesystem::path& path, std::string_view what) {
  // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer;
  // it changes nothing for a regular file.
  const int opened = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (opened < 0) fail(path, "open", what, std::system_category().message(errno));
  const FileDescriptor file(opened);
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) {
    fail(path, "read", what, std::system_category().message(errno));
  }
  if (!S_ISREG(status.st_mode)) {
    fail(path, "read", what,
         fmt::format("it is {}, not a regular file", file_kind(status.st_mode)));
  }
  // The size is a hint only: /proc files say 0 and still have contents.
  std::string contents;
  contents.reserve(static_cast<std::size_t>(status.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t count = ::read(file.get(), buffer, sizeof buffer);
    if (count == 0) return contents;
    if (count < 0) {
      if (errno == EINTR) continue;
      fail(path, "read", what, std::system_category().message(errno));
    }
    contents.append(buffer, static_cast<std::size_t>(count));
  }
}

}  // namespace tetra::models
