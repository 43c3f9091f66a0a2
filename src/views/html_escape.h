// Text placed in HTML element content or a quoted attribute, with the five characters
// that could end either written as entities: the HTML views (plan, programme, progress)
// put catalogue and profile text there, and a name must never become markup.
#ifndef BACKBALANCE_SRC_VIEWS_HTML_ESCAPE_H_
#define BACKBALANCE_SRC_VIEWS_HTML_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace backbalance::internal {

inline std::string HtmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace backbalance::internal

#endif  // BACKBALANCE_SRC_VIEWS_HTML_ESCAPE_H_
