// File: cli/output_file.h
//
// The `-o FILE` of `import` and `plan-batch`, and the checks of every write to stdout.
//
// A file is written to a temporary file beside it (same directory, so the rename cannot
// cross file systems) and renamed over FILE only once every byte was written, flushed and
// closed: whatever stops the command (a failed write, an error, SIGINT or SIGTERM), FILE
// is either untouched or complete, never half written. The temporary file is removed on
// failure and by the SIGINT/SIGTERM handler. Failures (cannot create, disk full) are
// reported as `backbalance: cannot write "FILE": <reason>` and make the command exit 1.
// An existing FILE that is not a regular file (/dev/null, a FIFO) is written in place.
//
// Stdout is checked the same way: std::cout writes through a buffer of ours that keeps the
// errno of a failed write, every writer flushes through FlushStdout, and main flushes at
// the end; a failure anywhere exits 1 with `backbalance: write: <reason>`
// (`plan ... > /dev/full` no longer exits 0).
#ifndef BACKBALANCE_CLI_OUTPUT_FILE_H_
#define BACKBALANCE_CLI_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace backbalance::cli {

inline constexpr const char* kStdoutName = "-";

class FdBuffer;  // a std::streambuf over a file descriptor (output_file.cc)

class OutputFile {
 public:
  // Creates the temporary file beside `path`, or uses stdout for "-"; nullptr after
  // reporting why it cannot be created.
  static std::unique_ptr<OutputFile> Open(const std::string& path);
  // Removes the temporary file unless Close() renamed it into place.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return file_ ? *file_ : *stdout_; }
  // Flushes and closes, then renames the temporary file to the final name; false after
  // reporting a write error (the final name is then untouched).
  bool Close();

 private:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}
  void Attach(int fd);

  std::string path_;
  std::string temporary_;  // empty for stdout, a device, or once renamed
  int fd_ = -1;
  std::unique_ptr<std::streambuf> owned_buffer_;
  FdBuffer* buffer_ = nullptr;  // owned_buffer_
  std::unique_ptr<std::ostream> file_;
  std::ostream* stdout_ = nullptr;
};

// True, after reporting `backbalance: cannot write "OUT": it is the input "IN"; ...`,
// when `output` names an existing file that is one of `inputs` (same device and inode,
// whatever the spelling or links): writing it would destroy the input before it is read
// in full. "-" and inputs that do not exist never match.
bool OutputIsAnInput(const std::string& output, const std::vector<std::string>& inputs);

// Gives std::cout a buffer that writes straight to file descriptor 1 and remembers the
// errno of a failed write (main calls it first).
void InstallStdoutBuffer();

// Flushes std::cout; false once any write to stdout has failed.
bool FlushStdout();

// At the end of main: flushes stdout; false after reporting `backbalance: write:
// <reason>` (e.g. `No space left on device`) when any write to it failed.
bool FinishStdout();

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_OUTPUT_FILE_H_
