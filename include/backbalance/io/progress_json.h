// File: backbalance/io/progress_json.h
//
// Journals (backbalance.journal/1) and progress reports (backbalance.progress/1), plan
// model section 13, 13.1.
//   {"schema": "backbalance.journal/1",
//    "weeks": [{"profile": {...}, "plan": {...}, "feedback": [...]}]}
// Read strictly: every problem names its path (`weeks[2].profile.pain: range: ...`,
// `weeks[2].feedback[0]: unknown_use: ...`, `weeks[3].profile.history.plan: chain: ...`).
#ifndef BACKBALANCE_IO_PROGRESS_JSON_H_
#define BACKBALANCE_IO_PROGRESS_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "backbalance/model/progress.h"

namespace backbalance {

absl::StatusOr<Journal> LoadJournal(std::string_view json_text);
absl::StatusOr<Journal> LoadJournalFile(const std::string& path);
std::string SaveJournal(const Journal& journal);

std::string SaveProgress(const Progress& progress);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_PROGRESS_JSON_H_
