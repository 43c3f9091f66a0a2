// File: backbalance/io/document.h
//
// Reading input safely: files, size limits and the `schema` a document declares.
#ifndef BACKBALANCE_IO_DOCUMENT_H_
#define BACKBALANCE_IO_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "backbalance/model/limits.h"  // the limits on any input document

namespace backbalance {

enum class DocumentKind { kCatalog, kProfile, kPlan };

// The file's bytes; kNotFound if it cannot be opened, kInvalidArgument over the limit.
absl::StatusOr<std::string> ReadDocumentFile(const std::string& path);

// The kind a document declares in its "schema" field. kInvalidArgument
// (`schema: unknown_name: ...`, `: syntax: ...`) when it is not JSON or names no known schema.
absl::StatusOr<DocumentKind> DetectDocumentKind(std::string_view json_text);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_DOCUMENT_H_
