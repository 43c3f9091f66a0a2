// `backbalance plan-batch PROFILES.jsonl -o PLANS.jsonl [--catalog FILE|builtin]
// [--threads N] [--backend ...] [--time-limit S]`: one plan per profile line, in input
// order (Planner::PlanBatch), one compact JSON document per output line. A bad line is
// reported with its line number and gets an error record in its place; the rest go on.
// A summary (status counts, mean score, time) ends stderr; a progress bar shows on stderr
// when it is a terminal. Exit 1 at the end when any line failed, else 0.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "backbalance/io/document.h"
#include "backbalance/io/plan_json.h"
#include "backbalance/io/profile_json.h"
#include "backbalance/model/problem.h"
#include "backbalance/solver/planner.h"
#include "cli/catalog_source.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/planner_flags.h"
#include "cli/problem_report.h"
#include "nlohmann/json.hpp"

namespace backbalance::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kBatchErrorSchema = "backbalance.batch_error/1";
constexpr int kMaxThreads = 256;
// The most bytes one batch file may hold: every profile is read and checked before
// planning, so the whole input is in memory at once.
constexpr std::size_t kMaxBatchBytes = std::size_t{1} << 30;  // 1 GiB

struct PlanBatchOptions {
  std::string input;
  std::string output;
  std::string catalog = std::string(kBuiltinCatalogName);
  int threads = 0;
  PlannerFlags flags;
};

// One non-blank input line and what became of it.
struct BatchLine {
  int number = 0;  // 1-based line number in the input file
  std::optional<Profile> profile;
  std::vector<Problem> problems;  // why it failed, when it did
};

// The one output line of a failed input line.
std::string ErrorRecord(const BatchLine& line) {
  Json problems = Json::array();
  for (const Problem& p : line.problems) {
    problems.push_back({{"path", p.path}, {"rule", p.rule}, {"detail", p.detail}});
  }
  return Json{{"schema", kBatchErrorSchema}, {"line", line.number}, {"problems", problems}}.dump();
}

std::vector<Problem> ProblemsOrMessage(const absl::Status& status) {
  std::vector<Problem> problems = ProblemsOf(status);
  if (problems.empty()) problems.push_back({"", "invalid", std::string(status.message())});
  return problems;
}

// Draws "[#######.............] 140/400 profiles" over itself on a terminal's stderr.
class ProgressBar {
 public:
  ProgressBar(std::size_t total, bool enabled) : total_(total), enabled_(enabled && total > 0) {}
  void Update(std::size_t done) {
    if (!enabled_) return;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = done * kWidth / total_;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << done << "/" << total_ << " profiles" << std::flush;
  }
  void Clear() {
    if (enabled_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  std::size_t total_;
  bool enabled_;
};

// Reads `path` line by line and calls `take(number, text)` for each non-blank line
// (1-based number, a trailing CR removed). The limits hold while reading, before memory
// grows: a line is one document, so at most kMaxDocumentBytes; the whole input at most
// kMaxBatchBytes. Only regular files and pipes are read: a directory, /dev/zero or a
// terminal is refused as `unreadable`, as the other subcommands refuse a directory.
// False after reporting `PROFILES.jsonl[:N]: (document): <rule>: ...` (unreadable,
// too_large); the lines read before it were taken, and the caller plans none of them.
template <typename Take>
bool ReadBatchLines(const std::string& path, Take take) {
  const auto fail = [&](std::string where, absl::StatusCode code, std::string rule,
                        std::string detail) {
    ReportProblems(where, ProblemsStatus(code, {{"", std::move(rule), std::move(detail)}}));
    return false;
  };
  const auto unreadable = [&](std::string reason) {
    return fail(path, absl::StatusCode::kNotFound, "unreadable",
                absl::StrCat("cannot read \"", path, "\": ", reason));
  };
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (file == nullptr) return unreadable(std::strerror(errno != 0 ? errno : ENOENT));
  struct stat info;
  if (fstat(fileno(file.get()), &info) != 0) return unreadable(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return unreadable(std::strerror(EISDIR));
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode)) {
    return unreadable("not a regular file or a pipe");
  }
  std::string line;
  std::size_t total = 0;
  int number = 1;
  const auto finish_line = [&] {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!absl::StripAsciiWhitespace(line).empty()) take(number, line);
    line.clear();
    ++number;
  };
  char buffer[1 << 16];
  while (true) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    total += n;
    if (total > kMaxBatchBytes) {
      return fail(
          path, absl::StatusCode::kInvalidArgument, "too_large",
          absl::StrCat("a batch may hold at most ", kMaxBatchBytes, " bytes; split the input"));
    }
    for (std::size_t begin = 0; begin < n;) {
      const char* newline = static_cast<const char*>(std::memchr(buffer + begin, '\n', n - begin));
      const std::size_t end = newline != nullptr ? newline - buffer : n;
      if (line.size() + (end - begin) > kMaxDocumentBytes) {
        return fail(
            absl::StrCat(path, ":", number), absl::StatusCode::kInvalidArgument, "too_large",
            absl::StrCat("a line (one document) may hold at most ", kMaxDocumentBytes, " bytes"));
      }
      line.append(buffer + begin, end - begin);
      begin = end;
      if (newline != nullptr) {
        finish_line();
        ++begin;
      }
    }
    if (n < sizeof buffer) {
      if (std::ferror(file.get())) return unreadable(std::strerror(errno != 0 ? errno : EIO));
      break;
    }
  }
  if (!line.empty()) finish_line();
  return true;
}

struct Summary {
  int ok = 0;
  int infeasible = 0;
  int refer = 0;
  int failed = 0;
  double score_sum = 0;
};

int RunPlanBatch(const PlanBatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::shared_ptr<const Catalog> catalog = LoadCatalogSource(options.catalog);
  if (catalog == nullptr) return kExitInvalid;
  std::optional<Planner> planner = MakePlanner(options.flags, catalog);
  if (!planner) return kExitUsage;
  if (OutputIsAnInput(options.output, {options.input})) return kExitUsage;

  // Read and check every line first: a bad line is known (and reported) before planning,
  // and the progress bar knows the total.
  std::vector<BatchLine> lines;
  const bool read = ReadBatchLines(options.input, [&](int number, std::string_view text) {
    BatchLine line;
    line.number = number;
    absl::StatusOr<Profile> profile = LoadProfile(text);
    absl::Status status = profile.status();
    if (profile.ok()) status = CheckProfileAgainstCatalog(*profile, *catalog);
    if (status.ok()) {
      ApplySeed(options.flags, *profile);
      line.profile = *std::move(profile);
    } else {
      line.problems = ProblemsOrMessage(status);
    }
    lines.push_back(std::move(line));
  });
  if (!read) return kExitInvalid;  // nothing planned, nothing written
  for (const BatchLine& line : lines) {
    for (const Problem& p : line.problems) {
      std::cerr << ProblemLine(absl::StrCat(options.input, ":", line.number), p) << "\n";
    }
  }

  std::unique_ptr<OutputFile> out = OutputFile::Open(options.output);
  if (out == nullptr) return kExitInvalid;
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  // Chunks of a few profiles per thread: enough to keep the threads busy, small enough
  // for the progress bar to move and for memory to stay flat on long files.
  const std::size_t chunk = static_cast<std::size_t>(threads) * 8;
  ProgressBar progress(lines.size(), isatty(STDERR_FILENO) == 1);
  Summary summary;
  // A chunk's lines are written into one buffer, reused from chunk to chunk, and reach
  // the file in one write.
  std::string text;
  std::vector<Profile> profiles;
  for (std::size_t begin = 0; begin < lines.size(); begin += chunk) {
    const std::size_t end = std::min(lines.size(), begin + chunk);
    profiles.clear();
    for (std::size_t i = begin; i < end; ++i) {
      // Planned once: the line keeps only that it had a profile.
      if (lines[i].profile) profiles.push_back(*std::move(lines[i].profile));
    }
    std::vector<absl::StatusOr<Plan>> plans = planner->PlanBatch(profiles, threads);
    std::size_t next_plan = 0;
    text.clear();
    for (std::size_t i = begin; i < end; ++i) {
      BatchLine& line = lines[i];
      if (line.profile) {
        const absl::StatusOr<Plan>& plan = plans[next_plan++];
        const absl::Status written = plan.ok() ? AppendPlanLine(*plan, text) : plan.status();
        if (written.ok()) {
          text += '\n';
          switch (plan->status) {
            case PlanStatus::kOk:
              ++summary.ok;
              summary.score_sum += plan->score.value_or(0);
              break;
            case PlanStatus::kInfeasible:
              ++summary.infeasible;
              break;
            default:
              ++summary.refer;
          }
          continue;
        }
        line.problems = ProblemsOrMessage(written);
        progress.Clear();
        for (const Problem& p : line.problems) {
          std::cerr << ProblemLine(absl::StrCat(options.input, ":", line.number), p) << "\n";
        }
      }
      ++summary.failed;
      absl::StrAppend(&text, ErrorRecord(line), "\n");
    }
    out->stream().write(text.data(), static_cast<std::streamsize>(text.size()));
    progress.Update(end);
  }
  progress.Clear();
  const bool written = out->Close();

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << absl::StrFormat(
      "plan-batch: %d profiles in %.2f s on %d thread%s: %d ok, %d infeasible, %d refer, %d "
      "failed",
      static_cast<int>(lines.size()), seconds, threads, threads == 1 ? "" : "s", summary.ok,
      summary.infeasible, summary.refer, summary.failed);
  if (summary.ok > 0)
    std::cerr << absl::StrFormat("; mean score %.2f", summary.score_sum / summary.ok);
  std::cerr << "\n";
  return summary.failed > 0 || !written ? kExitInvalid : kExitOk;
}

}  // namespace

Command AddPlanBatchCommand(CLI::App& app) {
  auto options = std::make_shared<PlanBatchOptions>();
  CLI::App* sub = app.add_subcommand(
      "plan-batch",
      "Plan a week for each profile of a JSON Lines file (exit 1 when any line failed)");
  sub->add_option("PROFILES", options->input,
                  "One backbalance.profile/1 document per line (blank lines are skipped)")
      ->required()
      ->type_name("PROFILES.jsonl");
  sub->add_option("-o,--output", options->output,
                  "Where to write one plan per line, in input order (`-` for stdout)")
      ->required()
      ->type_name("PLANS.jsonl");
  AddCatalogOption(*sub, options->catalog, /*required=*/false)
      ->default_str(std::string(kBuiltinCatalogName));
  sub->add_option("--threads", options->threads,
                  "Plan on N threads (default 0: one per hardware thread)")
      ->check(CLI::Range(0, kMaxThreads))
      ->type_name("N");
  AddPlannerFlags(*sub, options->flags);
  return {sub, [options] { return RunPlanBatch(*options); }};
}

}  // namespace backbalance::cli
