#include "backbalance/io/document.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "backbalance/model/problem.h"
#include "io/strict_json.h"

namespace backbalance {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

absl::Status Unreadable(const std::string& path, int error) {
  return ProblemsStatus(
      absl::StatusCode::kNotFound,
      {{"", "unreadable",
        absl::StrCat("cannot read ", internal::Quote(path), ": ", std::strerror(error))}});
}

}  // namespace

absl::StatusOr<std::string> ReadDocumentFile(const std::string& path) {
  try {
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (file == nullptr) return Unreadable(path, errno != 0 ? errno : ENOENT);
    // Read in chunks rather than trusting the size the file system reports: pipes and
    // /dev/stdin have none, and a file may grow while it is read.
    std::string bytes;
    char buffer[1 << 16];
    while (true) {
      const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
      if (n > 0) {
        if (bytes.size() + n > kMaxDocumentBytes) {
          return ProblemsStatus(absl::StatusCode::kInvalidArgument,
                                {{"", "too_large",
                                  absl::StrCat("a document may hold at most ", kMaxDocumentBytes,
                                               " bytes; ", internal::Quote(path), " holds more")}});
        }
        bytes.append(buffer, n);
      }
      if (n < sizeof buffer) {
        // A directory opens but fails to read (EISDIR): that is no document either.
        if (std::ferror(file.get())) return Unreadable(path, errno != 0 ? errno : EIO);
        break;
      }
    }
    return bytes;
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(absl::StrCat("out of memory reading ", path));
  }
}

absl::StatusOr<DocumentKind> DetectDocumentKind(std::string_view json_text) {
  try {
    internal::JsonReader reader;
    std::optional<internal::ParsedJson> document = reader.Parse(json_text);
    if (!document) return ProblemsStatus(absl::StatusCode::kInvalidArgument, reader.problems());
    // Only what stops the kind from being known counts here; the loader of that kind
    // reports everything else (duplicate keys included) with the rest of its problems.
    internal::JsonReader schema_reader;
    if (!schema_reader.Expect(**document, "", internal::Json::value_t::object)) {
      return ProblemsStatus(absl::StatusCode::kInvalidArgument, schema_reader.problems());
    }
    auto it = (*document)->find("schema");
    if (it == (*document)->end()) {
      return ProblemsStatus(absl::StatusCode::kInvalidArgument,
                            {{"schema", "required", "is missing"}});
    }
    std::optional<std::string> schema = schema_reader.String(*it, "schema");
    if (schema) {
      if (*schema == "backbalance.catalog/1") return DocumentKind::kCatalog;
      if (*schema == "backbalance.profile/1") return DocumentKind::kProfile;
      if (*schema == "backbalance.plan/1") return DocumentKind::kPlan;
      schema_reader.Report("schema", "unknown_name",
                           absl::StrCat("must be one of \"backbalance.catalog/1\", "
                                        "\"backbalance.profile/1\", \"backbalance.plan/1\"; got ",
                                        internal::Quote(*schema)));
    }
    return ProblemsStatus(absl::StatusCode::kInvalidArgument, schema_reader.problems());
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory reading a document");
  }
}

}  // namespace backbalance
