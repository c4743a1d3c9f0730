#pragma once
// A file's new contents, written beside it and put in its place in one step, so that a
// reader (or a crash, or a full disk) sees the old file or the new one, never a part.

#include "models/file_descriptor.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tetra::models {

/// A file that cannot be written; the message names the file and the reason.
class FileWriteError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The new version of one file. Creating it creates and removes a temporary file in the
/// destination's directory, so that a directory that cannot take the file fails before
/// any work is done, while an interrupted run leaves nothing behind; write() creates the
/// temporary file again, fills it and flushes it to the disk (fsync); commit() renames it
/// over the destination and flushes the directory. Destroyed uncommitted, it removes the
/// temporary file and leaves the destination as it was. Files replaced together (a model
/// pair) are all written before any is committed, so that a failed write changes none.
/// Example:
///   ReplacementFile file("models/data/target.hex", "model file");
///   file.write(text);
///   file.commit();
/// Failures throw FileWriteError: "out/target.hex: cannot write the model file: No space
/// left on device".
class ReplacementFile {
public:
  /// `what` names the file in messages ("model file"). A destination that exists and is
  /// not a regular file (a directory) is refused here, not at the rename.
  ReplacementFile(std::filesystem::path destination, std::string_view what);
  ~ReplacementFile();
  ReplacementFile(const ReplacementFile&) = delete;
  ReplacementFile& operator=(const ReplacementFile&) = delete;

  /// Writes all of `contents` to a new temporary file and flushes it to the disk; once.
  void write(std::string_view contents);

  /// Puts the written file in the destination's place; after write() only.
  void commit();

  const std::filesystem::path& destination() const { return destination_; }

private:
  void create_temporary();
  void remove_temporary();
  [[noreturn]] void fail(std::string_view action, std::string_view reason) const;

  std::filesystem::path destination_;
  std::string what_;
  std::filesystem::path temporary_;
  FileDescriptor file_;
  bool written_ = false;
  bool committed_ = false;
};

}  // namespace tetra::models
