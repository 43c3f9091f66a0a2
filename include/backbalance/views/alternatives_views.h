// File: backbalance/views/alternatives_views.h
//
// The alternatives for one use (plan model 12.1, backbalance.alternatives/1) as people
// read them: `backbalance alternatives --format text`.
//
// Thread-safety: a pure function of its arguments.
#ifndef BACKBALANCE_VIEWS_ALTERNATIVES_VIEWS_H_
#define BACKBALANCE_VIEWS_ALTERNATIVES_VIEWS_H_

#include <string>

#include "backbalance/catalog/catalog.h"
#include "backbalance/model/alternatives.h"

namespace backbalance {

// A heading naming the use (day, phase, minutes) and the week's score, then one row per
// alternative in the result's order (substitutes first): exercise id, minutes, the new
// week's score and its change, "substitute" where it is one; "none" when no item keeps
// the week valid; for a red-flag profile the referral. No line is wider than 80 columns.
std::string RenderAlternativesText(const AlternativesResult& result, const Catalog& catalog);

}  // namespace backbalance

#endif  // BACKBALANCE_VIEWS_ALTERNATIVES_VIEWS_H_
