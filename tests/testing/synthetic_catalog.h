// File: tests/testing/synthetic_catalog.h
//
// A deterministic synthetic catalog of any size, for scale benchmarks and tests: the
// built-in records are the templates, and variant k of template t (id `t_vk`; variant 0
// is t itself) copies t with its doses and secondary muscles varied by a seeded generator. Variants
// of one template form a progression chain (k -> k+1), so the graph has as many edges as a real
// catalog and stays acyclic; contraindications are the template's, so eligibility stays realistic.
#ifndef BACKBALANCE_TESTS_TESTING_SYNTHETIC_CATALOG_H_
#define BACKBALANCE_TESTS_TESTING_SYNTHETIC_CATALOG_H_

#include <cstdint>
#include <vector>

#include "backbalance/model/exercise.h"

namespace backbalance::testing {

// `count` exercises (count >= 1), the same for the same (count, seed).
std::vector<Exercise> SyntheticExercises(int count, uint64_t seed = 1);

}  // namespace backbalance::testing

#endif  // BACKBALANCE_TESTS_TESTING_SYNTHETIC_CATALOG_H_
