#include "cli/output_file.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <utility>

#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

void ReportWriteError(const std::string& path, int error) {
  ReportError("cannot write \"" + path +
              "\": " + (error != 0 ? std::strerror(error) : "write failed"));
}

}  // namespace

std::unique_ptr<OutputFile> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile(path));
  if (path == kStdoutName) {
    out->stdout_ = &std::cout;
    return out;
  }
  errno = 0;
  out->file_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!out->file_->is_open()) {
    ReportWriteError(path, errno);
    return nullptr;
  }
  return out;
}

bool OutputFile::Close() {
  errno = 0;
  stream().flush();
  bool ok = static_cast<bool>(stream());
  if (file_) {
    file_->close();
    ok = ok && !file_->fail();
  }
  if (!ok) ReportWriteError(path_, errno);
  return ok;
}

}  // namespace backbalance::cli
