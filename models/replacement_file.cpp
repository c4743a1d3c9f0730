#include "models/replacement_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tetra::models {

namespace {

// Flushes a directory's entries (a rename in it) to the disk.
int sync_directory(const std::filesystem::path& directory) {
  const FileDescriptor handle(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (handle.get() < 0) return errno;
  return ::fsync(handle.get()) == 0 ? 0 : errno;
}

std::string os_reason(int error) { return std::system_category().message(error); }

}  // namespace

ReplacementFile::ReplacementFile(std::filesystem::path destination, std::string_view what)
    : destination_(std::move(destination)), what_(what) {
  struct stat status {};
  if (::stat(destination_.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
    fail("replace", S_ISDIR(status.st_mode) ? "it is a directory" : "it is not a regular file");
  }
  // Proves now that the directory takes the file, so that no work done before write() is
  // wasted; the file itself waits for write(), so that an interrupted run leaves nothing.
  create_temporary();
  remove_temporary();
}

ReplacementFile::~ReplacementFile() {
  if (!committed_) remove_temporary();
}

void ReplacementFile::create_temporary() {
  // A name no other writer uses: the process id and a counter, created exclusively.
  for (unsigned attempt = 0;; ++attempt) {
    temporary_ = fmt::format("{}.partial.{}.{}", destination_.string(), ::getpid(), attempt);
    file_ = FileDescriptor(
        ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (file_.get() >= 0) return;
    if (errno != EEXIST) {
      const std::string reason = os_reason(errno);
      temporary_.clear();
      fail("create", reason);
    }
  }
}

void ReplacementFile::remove_temporary() {
  file_.close();
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

void ReplacementFile::write(std::string_view contents) {
  create_temporary();
  while (!contents.empty()) {
    const ssize_t count = ::write(file_.get(), contents.data(), contents.size());
    if (count < 0) {
      if (errno == EINTR) continue;
      fail("write", os_reason(errno));
    }
    contents.remove_prefix(static_cast<std::size_t>(count));
  }
  if (::fsync(file_.get()) != 0) fail("write", os_reason(errno));
  if (const int error = file_.close(); error != 0) fail("write", os_reason(error));
  written_ = true;
}

void ReplacementFile::commit() {
  if (!written_) throw std::logic_error("ReplacementFile::commit before write");
  if (std::rename(temporary_.c_str(), destination_.c_str()) != 0) {
    fail("replace", os_reason(errno));
  }
  committed_ = true;
  const std::filesystem::path directory =
      destination_.has_parent_path() ? destination_.parent_path() : ".";
  if (const int error = sync_directory(directory); error != 0) fail("write", os_reason(error));
}

void ReplacementFile::fail(std::string_view action, std::string_view reason) const {
  throw FileWriteError(
      fmt::format("{}: cannot {} the {}: {}", destination_.string(), action, what_, reason));
}

}  // namespace tetra::models
