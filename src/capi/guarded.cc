#include "capi/guarded.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"

namespace backbalance::capi {

bkb_status Report(const absl::Status& status) noexcept {
  if (status.ok()) return BKB_OK;
  LastError().Assign(status);
  return LastError().status;
}

absl::Status RequireArgument(const void* pointer, std::string_view name) {
  if (pointer != nullptr) return absl::OkStatus();
  return ProblemsStatus(
      absl::StatusCode::kInvalidArgument,
      {Problem{absl::StrCat("argument ", absl::string_view(name.data(), name.size())), "required",
               "must not be NULL"}});
}

char* CopyForCaller(std::string_view text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

}  // namespace backbalance::capi
