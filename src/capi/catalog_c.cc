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
#include "internal/status_macros.h"

using backbalance::capi::GuardedOut;
using backbalance::capi::RequireArgument;
using backbalance::capi::ToImpl;
using LoadedCatalog = absl::StatusOr<std::shared_ptr<const backbalance::Catalog>>;

extern "C" {

bkb_status bkb_catalog_builtin(bkb_catalog** out) noexcept {
  return GuardedOut(out, []() -> LoadedCatalog { return backbalance::Catalog::Builtin(); });
}

bkb_status bkb_catalog_from_json(const char* json, bkb_catalog** out) noexcept {
  return GuardedOut(out, [&]() -> LoadedCatalog {
    BKB_RETURN_IF_ERROR(RequireArgument(json, "json"));
    return backbalance::LoadCatalog(json);
  });
}

bkb_status bkb_catalog_from_file(const char* path, bkb_catalog** out) noexcept {
  return GuardedOut(out, [&]() -> LoadedCatalog {
    BKB_RETURN_IF_ERROR(RequireArgument(path, "path"));
    return backbalance::LoadCatalogFile(path);
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
  return GuardedOut(out, [&]() -> absl::StatusOr<std::string> {
    BKB_RETURN_IF_ERROR(RequireArgument(catalog, "catalog"));
    BKB_ASSIGN_OR_RETURN(const backbalance::Profile profile,
                         backbalance::capi::ReadProfile(*ToImpl(catalog)->catalog, profile_json));
    return backbalance::SaveProfile(profile);
  });
}

void bkb_catalog_destroy(bkb_catalog** catalog) noexcept {
  backbalance::capi::DestroyHandle(catalog);
}

}  // extern "C"
