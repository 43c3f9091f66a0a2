// File: backbalance/views/progress_views.h
//
// Views of a progress report (plan model section 13), beside backbalance.progress/1:
//   RenderProgressText  an 80-column table of the weeks (pain, band, planned and completed
//                       minutes, adherence, worse and sore uses, targets met), the pain
//                       trend and the doses of the items used in more than one week
//   RenderProgressHtml  one self-contained page with inline-SVG charts: pain over the
//                       weeks, planned vs completed minutes by category, adherence;
//                       no script, nothing fetched
// Thread-safety: pure functions of their arguments.
#ifndef BACKBALANCE_VIEWS_PROGRESS_VIEWS_H_
#define BACKBALANCE_VIEWS_PROGRESS_VIEWS_H_

#include <string>

#include "backbalance/model/progress.h"

namespace backbalance {

std::string RenderProgressText(const Progress& progress);
std::string RenderProgressHtml(const Progress& progress, const std::string& title = "Progress");

}  // namespace backbalance

#endif  // BACKBALANCE_VIEWS_PROGRESS_VIEWS_H_
