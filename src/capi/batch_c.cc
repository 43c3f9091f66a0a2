// Batches: many profiles planned on many threads, one result (plan or error) each.
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "backbalance/backbalance.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "internal/status_macros.h"

using backbalance::capi::BatchHandle;
using backbalance::capi::Guarded;
using backbalance::capi::GuardedOut;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToC;
using backbalance::capi::ToImpl;

namespace {

const BatchHandle::Entry* EntryAt(const bkb_batch* batch, uint32_t index) {
  const std::vector<BatchHandle::Entry>& entries = ToImpl(batch)->entries;
  return index < entries.size() ? &entries[index] : nullptr;
}

}  // namespace

extern "C" {

bkb_status bkb_planner_plan_batch(const bkb_planner* planner, const char* const* profile_jsons,
                                  uint32_t count, int32_t threads, bkb_batch** out) noexcept {
  return GuardedOut(out, [&]() -> absl::StatusOr<std::unique_ptr<BatchHandle>> {
    BKB_RETURN_IF_ERROR(RequireArgument(planner, "planner"));
    if (count > 0) BKB_RETURN_IF_ERROR(RequireArgument(profile_jsons, "profile_jsons"));
    if (threads < 0) {
      return backbalance::ProblemsStatus(
          absl::StatusCode::kInvalidArgument,
          {{"argument threads", "range",
            absl::StrCat("must be 0 (one per hardware thread) or more, got ", threads)}});
    }
    auto batch = std::make_unique<BatchHandle>();
    batch->entries.resize(count);

    // Read every profile first; the readable ones are planned together.
    std::vector<backbalance::Profile> profiles;
    std::vector<uint32_t> planned;  // the entry of each profile in `profiles`
    profiles.reserve(count);
    planned.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      absl::StatusOr<backbalance::Profile> profile =
          profile_jsons[i] == nullptr ? absl::StatusOr<backbalance::Profile>(RequireArgument(
                                            nullptr, absl::StrCat("profile_jsons[", i, "]")))
                                      : backbalance::capi::ReadProfile(
                                            ToImpl(planner)->planner.catalog(), profile_jsons[i]);
      if (!profile.ok()) {
        batch->entries[i].error.Assign(profile.status());
        continue;
      }
      profiles.push_back(*std::move(profile));
      planned.push_back(i);
    }

    std::vector<absl::StatusOr<backbalance::Plan>> plans =
        ToImpl(planner)->planner.PlanBatch(profiles, threads);
    for (std::size_t k = 0; k < plans.size(); ++k) {
      BatchHandle::Entry& entry = batch->entries[planned[k]];
      if (plans[k].ok()) {
        entry.plan = std::make_unique<backbalance::capi::PlanHandle>(*std::move(plans[k]));
      } else {
        entry.error.Assign(plans[k].status());
      }
    }
    return batch;
  });
}

uint32_t bkb_batch_size(const bkb_batch* batch) noexcept {
  return static_cast<uint32_t>(ToImpl(batch)->entries.size());
}

bkb_status bkb_batch_status(const bkb_batch* batch, uint32_t index) noexcept {
  const BatchHandle::Entry* entry = EntryAt(batch, index);
  return entry != nullptr ? entry->error.status : BKB_OUT_OF_RANGE;
}

const bkb_plan* bkb_batch_plan(const bkb_batch* batch, uint32_t index) noexcept {
  const BatchHandle::Entry* entry = EntryAt(batch, index);
  return entry != nullptr ? ToC<const bkb_plan>(entry->plan.get()) : nullptr;
}

const char* bkb_batch_error_message(const bkb_batch* batch, uint32_t index) noexcept {
  const BatchHandle::Entry* entry = EntryAt(batch, index);
  return entry != nullptr ? entry->error.message.c_str() : "";
}

uint32_t bkb_batch_problem_count(const bkb_batch* batch, uint32_t index) noexcept {
  const BatchHandle::Entry* entry = EntryAt(batch, index);
  return entry != nullptr ? static_cast<uint32_t>(entry->error.problems.size()) : 0;
}

bkb_status bkb_batch_problem(const bkb_batch* batch, uint32_t index, uint32_t problem,
                             const char** path, const char** rule, const char** detail) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(RequireArgument(batch, "batch"));
    const BatchHandle::Entry* entry = EntryAt(batch, index);
    static const std::vector<backbalance::Problem>* const kNone =
        new std::vector<backbalance::Problem>();
    // A reference, not a copy: the strings handed out must live as long as the batch.
    const std::vector<backbalance::Problem>& problems =
        entry != nullptr ? entry->error.problems : *kNone;
    if (backbalance::capi::ReadProblem(problems, problem, path, rule, detail) == BKB_OK) {
      return absl::OkStatus();
    }
    return absl::OutOfRangeError(
        absl::StrCat("entry ", index, " problem ", problem, ": out_of_range: the batch has ",
                     ToImpl(batch)->entries.size(), " entries; this entry lists ",
                     entry != nullptr ? entry->error.problems.size() : 0, " problems"));
  });
}

void bkb_batch_destroy(bkb_batch** batch) noexcept { backbalance::capi::DestroyHandle(batch); }

}  // extern "C"
