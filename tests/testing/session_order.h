// The order a session does its main items in (plan model section 10): aerobic,
// strength, balance, flexibility, relaxation. Written here, apart from the planner's own
// (src/solver/plan_builder.cc), so that the tests check the planner against the spec
// rather than against itself.
#ifndef BACKBALANCE_TESTS_TESTING_SESSION_ORDER_H_
#define BACKBALANCE_TESTS_TESTING_SESSION_ORDER_H_

#include "backbalance/model/vocabulary.h"

namespace backbalance::testkit {

constexpr int SessionRank(Category category) {
  switch (category) {
    case Category::kAerobic:
      return 0;
    case Category::kStrength:
      return 1;
    case Category::kBalance:
      return 2;
    case Category::kFlexibility:
      return 3;
    case Category::kRelaxation:
      return 4;
  }
  return 5;
}

}  // namespace backbalance::testkit

#endif  // BACKBALANCE_TESTS_TESTING_SESSION_ORDER_H_
