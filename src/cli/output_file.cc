#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <utility>

#include "cli/problem_report.h"

namespace backbalance::cli {
namespace {

void ReportWriteError(const std::string& path, int error) {
  ReportError("cannot write \"" + path +
              "\": " + (error != 0 ? std::strerror(error) : "write failed"));
}

// The temporary file being written, for the signal handler (one output per command).
// A fixed buffer: the handler may only call async-signal-safe functions.
char g_temporary[4096];
std::atomic<bool> g_temporary_set{false};

extern "C" void RemoveTemporaryAndDie(int signal_number) {
  if (g_temporary_set.load()) unlink(g_temporary);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void TrackTemporary(const std::string& path) {
  if (path.size() >= sizeof g_temporary) return;  // mkstemp's name fits PATH_MAX anyway
  std::memcpy(g_temporary, path.c_str(), path.size() + 1);
  g_temporary_set.store(true);
  std::signal(SIGINT, RemoveTemporaryAndDie);
  std::signal(SIGTERM, RemoveTemporaryAndDie);
}

void ForgetTemporary() {
  g_temporary_set.store(false);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace

// A stream buffer that writes with write(2) and keeps the errno of the first failure.
// Through stdio or std::filebuf, a write that failed while a large document filled the
// buffer left errno to whatever came after, and the error read "write failed" instead
// of "No space left on device".
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && !failed_) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failed_ = true;
        error_ = n < 0 ? errno : EIO;
        break;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_, buffer_ + sizeof buffer_);  // a failed write's bytes are dropped
    return !failed_;
  }

  int fd_;
  char buffer_[1 << 16];
  int error_ = 0;
  bool failed_ = false;
};

namespace {

FdBuffer& TheStdoutBuffer() {
  static FdBuffer* buffer = new FdBuffer(STDOUT_FILENO);  // lives until exit: cout flushes then
  return *buffer;
}

}  // namespace

std::unique_ptr<OutputFile> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile(path));
  if (path == kStdoutName) {
    out->stdout_ = &std::cout;
    return out;
  }
  struct stat existing;
  if (stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming
    // over it would replace the device with a file.
    errno = 0;
    const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
      ReportWriteError(path, errno);
      return nullptr;
    }
    out->Attach(fd);
    return out;
  }
  // ".NAME.XXXXXX" in FILE's directory: hidden, and on FILE's file system.
  const std::size_t slash = path.rfind('/');
  const std::string directory = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string pattern = directory + "." + name + ".XXXXXX";
  errno = 0;
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    ReportWriteError(path, errno);
    return nullptr;
  }
  // mkstemp creates the file 0600; give it the mode a new file would get (0666 & ~umask).
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  out->temporary_ = pattern;
  TrackTemporary(pattern);
  out->Attach(fd);
  return out;
}

void OutputFile::Attach(int fd) {
  fd_ = fd;
  auto buffer = std::make_unique<FdBuffer>(fd);
  buffer_ = buffer.get();
  owned_buffer_ = std::move(buffer);
  file_ = std::make_unique<std::ostream>(buffer_);
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) close(fd_);
  if (!temporary_.empty()) {
    std::remove(temporary_.c_str());
    ForgetTemporary();
  }
}

bool OutputFile::Close() {
  if (!file_) {
    // Stdout: main reports a failure once, as `write: <reason>`.
    return FlushStdout();
  }
  file_->flush();
  bool ok = !buffer_->failed();
  int error = buffer_->error();
  const int fd = std::exchange(fd_, -1);
  if (close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && !temporary_.empty() && std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    ReportWriteError(path_, error);
    return false;  // the destructor removes the temporary file
  }
  temporary_.clear();
  ForgetTemporary();
  return true;
}

bool OutputIsAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  if (output == kStdoutName) return false;
  struct stat out_stat;
  if (stat(output.c_str(), &out_stat) != 0) return false;
  for (const std::string& input : inputs) {
    struct stat in_stat;
    if (input == kStdoutName || stat(input.c_str(), &in_stat) != 0) continue;
    if (in_stat.st_dev == out_stat.st_dev && in_stat.st_ino == out_stat.st_ino) {
      ReportError("cannot write \"" + output + "\": it is the input \"" + input +
                  "\"; write to another file");
      return true;
    }
  }
  return false;
}

void InstallStdoutBuffer() { std::cout.rdbuf(&TheStdoutBuffer()); }

bool FlushStdout() {
  std::cout.flush();
  return !TheStdoutBuffer().failed();
}

bool FinishStdout() {
  if (FlushStdout()) return true;
  const int error = TheStdoutBuffer().error();
  ReportError(std::string("write: ") + (error != 0 ? std::strerror(error) : "write failed"));
  return false;
}

}  // namespace backbalance::cli
