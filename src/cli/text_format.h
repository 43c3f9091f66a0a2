// File: cli/text_format.h
//
// The readable form of a week plan (`plan --format text`, `next-week --format text`): at
// most 80 columns; the week as a table (day, phase, exercise, dose, minutes; rest days
// named), then minutes by category against the targets, the score and its terms, the
// excluded exercises grouped by reason, the advisories and, for a week that could not be
// planned, the diagnosis. The JSON form is the reference; this one may change.
#ifndef BACKBALANCE_CLI_TEXT_FORMAT_H_
#define BACKBALANCE_CLI_TEXT_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/plan.h"

namespace backbalance::cli {

inline constexpr std::size_t kTextWidth = 80;

// `catalog` supplies categories when the plan carries no totals.
std::string FormatPlanText(const Plan& plan, const Catalog& catalog, std::string_view title);

// A dose as people read it: "2 x 10 reps", "5 x 30 s hold", "20 min".
std::string DoseText(const Dose& dose);

// `text` broken at spaces into lines of at most `width` columns; the first line starts
// with `first_prefix`, the others with `next_prefix`. Each line ends in a newline.
std::string Wrap(std::string_view text, std::string_view first_prefix,
                 std::string_view next_prefix, std::size_t width = kTextWidth);

}  // namespace backbalance::cli

#endif  // BACKBALANCE_CLI_TEXT_FORMAT_H_
