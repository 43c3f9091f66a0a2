// File: cli/output_file.h
//
// The `-o FILE` of `import` and `plan-batch`: a file written as a whole or line by line,
// or stdout for `-`. Failures (cannot create, disk full) are reported as
// `backbalance: cannot write "FILE": <reason>` and make the command exit 1.
#ifndef BACKBALANCE_CLI_OUTPUT_FILE_H_
#define BACKBALANCE_CLI_OUTPUT_FILE_H_

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace backbalance::cli {

inline constexpr const char* kStdoutName = "-";

class OutputFile {
 public:
  // Opens `path` for writing (truncating it), or stdout for "-"; nullptr after reporting
  // why it cannot be opened.
  static std::unique_ptr<OutputFile> Open(const std::string& path);

  std::ostream& stream() { return file_ ? *file_ : *stdout_; }
  // Flushes and closes; false after reporting a write error.
  bool Close();

 private:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}

  std::string path_;
  std::unique_ptr<std::ofstream> file_;
  std::ostream* stdout_ = nullptr;
};

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_OUTPUT_FILE_H_
