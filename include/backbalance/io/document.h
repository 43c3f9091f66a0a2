// File: backbalance/io/document.h
//
// Reading input safely: files, size limits and the `schema` a document declares.
#ifndef BACKBALANCE_IO_DOCUMENT_H_
#define BACKBALANCE_IO_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace backbalance {

// Limits on any input document (docs/errors.md).
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;  // 64 MiB
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxStringLength = 4096;
inline constexpr std::size_t kMaxExercises = 100000;
inline constexpr std::size_t kMaxListLength = 1000;  // ids in one list, conditions, ...

enum class DocumentKind { kCatalog, kProfile, kPlan };

// The file's bytes; kNotFound if it cannot be opened, kInvalidArgument over the limit.
absl::StatusOr<std::string> ReadDocumentFile(const std::string& path);

// The kind a document declares in its "schema" field. kInvalidArgument
// (`schema: unknown_name: ...`, `: syntax: ...`) when it is not JSON or names no known schema.
absl::StatusOr<DocumentKind> DetectDocumentKind(std::string_view json_text);

}  // namespace backbalance

#endif  // BACKBALANCE_IO_DOCUMENT_H_
