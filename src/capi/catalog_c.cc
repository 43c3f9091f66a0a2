// Catalog handles: the built-in set, JSON text or a file; canonical JSON; profile checks.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "backbalance/backbalance.h"
#include "backbalance/io/catalog_json.h"
#include "backbalance/io/profile_json.h"
#include "capi/guarded.h"
#include "capi/handles.h"
#include "capi/profile_input.h"
#include "capi/status_macros.h"

namespace backbalance::capi {
namespace {

absl::Status Wrap(absl::StatusOr<std::shared_ptr<const Catalog>> loaded, bkb_catalog** out) {
  if (!loaded.ok()) return loaded.status();
  *out = ToC<bkb_catalog>(new CatalogHandle(*std::move(loaded)));
  return absl::OkStatus();
}

}  // namespace
}  // namespace backbalance::capi

using backbalance::capi::Guarded;
using backbalance::capi::RequireArgument;
using backbalance::capi::ResetOut;
using backbalance::capi::ToC;
using backbalance::capi::ToImpl;

extern "C" {

bkb_status bkb_catalog_builtin(bkb_catalog** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    *out = ToC<bkb_catalog>(new backbalance::capi::CatalogHandle(backbalance::Catalog::Builtin()));
    return absl::OkStatus();
  });
}

bkb_status bkb_catalog_from_json(const char* json, bkb_catalog** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(json, "json"));
    return backbalance::capi::Wrap(backbalance::LoadCatalog(json), out);
  });
}

bkb_status bkb_catalog_from_file(const char* path, bkb_catalog** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(path, "path"));
    return backbalance::capi::Wrap(backbalance::LoadCatalogFile(path), out);
  });
}

uint32_t bkb_catalog_size(const bkb_catalog* catalog) noexcept {
  return static_cast<uint32_t>(ToImpl(catalog)->catalog->size());
}

const char* bkb_catalog_sha256(const bkb_catalog* catalog) noexcept {
  return ToImpl(catalog)->catalog->sha256().c_str();
}

const char* bkb_catalog_json(const bkb_catalog* catalog) noexcept {
  auto* shared = const_cast<backbalance::capi::CatalogHandle*>(
      ToImpl(catalog));  // the lazily made text is a cache
  try {
    std::call_once(shared->json_once,
                   [&] { shared->json = backbalance::SaveCatalog(*shared->catalog); });
  } catch (...) {
    return nullptr;  // out of memory; call_once lets a later call try again
  }
  return shared->json.c_str();
}

bkb_status bkb_profile_canonical_json(const bkb_catalog* catalog, const char* profile_json,
                                      char** out) noexcept {
  return Guarded([&]() -> absl::Status {
    BKB_RETURN_IF_ERROR(ResetOut(out));
    BKB_RETURN_IF_ERROR(RequireArgument(catalog, "catalog"));
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(*ToImpl(catalog)->catalog, profile_json));
    *out = backbalance::capi::CopyForCaller(backbalance::SaveProfile(profile));
    return absl::OkStatus();
  });
}

void bkb_catalog_destroy(bkb_catalog** catalog) noexcept {
  backbalance::capi::DestroyHandle(catalog);
}

}  // extern "C"
