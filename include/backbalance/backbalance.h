/* File: backbalance/backbalance.h
 *
 * The C ABI of backbalance (C99, usable from C and C++): plans a balanced week of
 * exercise for a person with long-term back pain, judges any week, adapts the next
 * week to feedback, and plans whole cohorts on many threads. This header is the only
 * ABI promise of the project; libbackbalance.so.N exports exactly the functions below.
 *
 *   bkb_catalog *catalog = NULL;
 *   bkb_planner *planner = NULL;
 *   bkb_plan *plan = NULL;
 *   if (bkb_catalog_builtin(&catalog) != BKB_OK ||
 *       bkb_planner_create(catalog, NULL, &planner) != BKB_OK ||
 *       bkb_planner_plan(planner, profile_json, &plan) != BKB_OK) {
 *     fprintf(stderr, "%s\n", bkb_last_error_message());
 *   } else {
 *     fputs(bkb_plan_json(plan), stdout);  // backbalance.plan/1, as the CLI prints it
 *   }
 *   bkb_plan_destroy(&plan);  // any order: the planner shares the catalog
 *   bkb_catalog_destroy(&catalog);
 *   bkb_planner_destroy(&planner);
 *
 * Conventions (docs/c-api.md has the whole contract, function by function):
 * - Errors. Every fallible function returns a bkb_status (values equal absl::StatusCode)
 *   and writes its result through its last parameter `out`; on failure `*out` is NULL.
 *   An infeasible week or a red-flag referral is a successful call returning such a
 *   plan. A failed call leaves a message for this thread (bkb_last_error_message) and,
 *   for bad documents, one problem per fault (bkb_last_error_problem): a path in the
 *   document's own syntax, a stable rule code and a detail that may change. Every
 *   fallible call clears this thread's last error on entry. No C++ exception ever
 *   leaves the library.
 * - Ownership. A `**out` result belongs to the caller and is freed with its
 *   bkb_<type>_destroy; destroy accepts NULL (and a pointer to NULL), frees, and sets
 *   the handle to NULL. A `const char *` a function returns is borrowed from its
 *   parent handle (or from the library, as said per function) and must not be freed.
 *   Memory allocated by the library for the caller is freed with bkb_free. Strings are
 *   UTF-8 and NUL-terminated.
 * - Thread-safety. Catalogs and planners are immutable once created: any number of
 *   threads may use one at once. A plan, evaluation, next-week result or batch is
 *   immutable too; its accessors may run on many threads at once. Destroying a handle
 *   while another thread uses it is the caller's bug.
 * - Versions. `@since X.Y` names the version that added each declaration. Functions
 *   declared under BKB_EXPERIMENTAL (none in 0.1) are not part of the ABI baseline.
 */
#ifndef BACKBALANCE_BACKBALANCE_H_
#define BACKBALANCE_BACKBALANCE_H_

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && defined(BKB_BUILDING_LIBRARY)
#define BKB_API __declspec(dllexport)
#elif defined(_WIN32) && !defined(BKB_STATIC)
#define BKB_API __declspec(dllimport)
#elif defined(__GNUC__) || defined(__clang__)
#define BKB_API __attribute__((visibility("default")))
#else
#define BKB_API
#endif

/* Every function is noexcept in C++: no exception ever leaves the library. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define BKB_NOEXCEPT noexcept
#else
#define BKB_NOEXCEPT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------------------ */

/* The version of this header. bkb_version_number() is the version of the library
 * actually loaded; a program may compare the two. @since 0.1 */
#define BKB_VERSION_MAJOR 0
#define BKB_VERSION_MINOR 2
#define BKB_VERSION_PATCH 0
#define BKB_VERSION_NUMBER \
  (BKB_VERSION_MAJOR * 100 * 100 + BKB_VERSION_MINOR * 100 + BKB_VERSION_PATCH)

/* MAJOR*10000 + MINOR*100 + PATCH of the loaded library. Thread-safe. @since 0.1 */
BKB_API uint32_t bkb_version_number(void) BKB_NOEXCEPT;
/* "0.2.0". Library-owned, valid for the life of the process. Thread-safe. @since 0.1 */
BKB_API const char *bkb_version_string(void) BKB_NOEXCEPT;

/* ---- Status and errors -------------------------------------------------------------- */

/* The outcome of a call. Each value equals the absl::StatusCode (google.rpc.Code) it
 * stands for; values never change and new ones are only appended. @since 0.1 */
typedef enum bkb_status {
  BKB_OK = 0,
  BKB_CANCELLED = 1,
  BKB_UNKNOWN = 2,
  BKB_INVALID_ARGUMENT = 3, /* a bad document, option or argument; see the problems */
  BKB_DEADLINE_EXCEEDED = 4,
  BKB_NOT_FOUND = 5, /* a file could not be read */
  BKB_ALREADY_EXISTS = 6,
  BKB_PERMISSION_DENIED = 7,
  BKB_RESOURCE_EXHAUSTED = 8, /* out of memory */
  BKB_FAILED_PRECONDITION = 9,
  BKB_ABORTED = 10,
  BKB_OUT_OF_RANGE = 11,  /* an index past the end */
  BKB_UNIMPLEMENTED = 12, /* e.g. the exact backend in a build without CBC */
  BKB_INTERNAL = 13,      /* a bug in backbalance */
  BKB_UNAVAILABLE = 14,
  BKB_DATA_LOSS = 15,
  BKB_UNAUTHENTICATED = 16
} bkb_status;

/* "OK", "INVALID_ARGUMENT", ...; "UNKNOWN_STATUS" for a value not listed above.
 * Library-owned, static. Thread-safe. @since 0.1 */
BKB_API const char *bkb_status_name(bkb_status status) BKB_NOEXCEPT;

/* The problems of this thread's last failed bkb_ call, one per line
 * ("path: rule: detail"; "(document): ..." for the whole document), or the error's text
 * when it is not about a document. Never NULL; "" after a successful call.
 * Library-owned; valid until this thread's next fallible bkb_ call. This function and
 * the two below do not clear the last error. @since 0.1 */
BKB_API const char *bkb_last_error_message(void) BKB_NOEXCEPT;

/* How many problems the last failed call of this thread reported (0 after a success or
 * for an error that is not about a document). @since 0.1 */
BKB_API uint32_t bkb_last_error_problem_count(void) BKB_NOEXCEPT;

/* Problem `index` (0-based, in document order) of this thread's last failed call:
 * `path` in the document's own syntax ("" for the whole document, e.g.
 * "exercises[12].rest_hours"), `rule` a stable code ("range", "required", "type",
 * "unknown_field", "duplicate_id", ...), `detail` a sentence that may change. Each out
 * pointer may be NULL; the strings are library-owned and valid until this thread's
 * next fallible bkb_ call. Returns BKB_OUT_OF_RANGE (and sets the non-NULL out
 * pointers to NULL) when `index` >= bkb_last_error_problem_count(). @since 0.1 */
BKB_API bkb_status bkb_last_error_problem(uint32_t index, const char **path, const char **rule,
                                          const char **detail) BKB_NOEXCEPT;

/* Frees memory the library allocated for the caller (documented per function). NULL is
 * ignored. @since 0.1 */
BKB_API void bkb_free(void *memory) BKB_NOEXCEPT;

/* ---- Catalog ------------------------------------------------------------------------ */

/* An immutable, validated set of exercises; shareable across threads. @since 0.1 */
typedef struct bkb_catalog bkb_catalog;

/* The catalog built into the library (data/catalog/builtin.json). Never fails except
 * for lack of memory. `out` must not be NULL; the caller owns `*out`. @since 0.1 */
BKB_API bkb_status bkb_catalog_builtin(bkb_catalog **out) BKB_NOEXCEPT;

/* Parses and validates a backbalance.catalog/1 document (plan model section 11).
 * BKB_INVALID_ARGUMENT lists every problem of the document (bkb_last_error_problem),
 * e.g. "exercises[3].rest_hours: range: must be an integer in 0..96, got 120".
 * `json` (NUL-terminated UTF-8) is not retained. The caller owns `*out`. @since 0.1 */
BKB_API bkb_status bkb_catalog_from_json(const char *json, bkb_catalog **out) BKB_NOEXCEPT;

/* bkb_catalog_from_json on a file's bytes; BKB_NOT_FOUND when it cannot be read.
 * @since 0.1 */
BKB_API bkb_status bkb_catalog_from_file(const char *path, bkb_catalog **out) BKB_NOEXCEPT;

/* The number of exercises. `catalog` must not be NULL. @since 0.1 */
BKB_API uint32_t bkb_catalog_size(const bkb_catalog *catalog) BKB_NOEXCEPT;

/* SHA-256 (64 lowercase hex digits) of the catalog's canonical JSON: the catalog_sha256
 * of every plan made from it. Borrowed from `catalog`. @since 0.1 */
BKB_API const char *bkb_catalog_sha256(const bkb_catalog *catalog) BKB_NOEXCEPT;

/* The canonical JSON of the catalog (every default spelled out), as `backbalance
 * catalog --format json` prints it. Borrowed from `catalog`; made on first use
 * (thread-safe). NULL only when memory ran out. @since 0.1 */
BKB_API const char *bkb_catalog_json(const bkb_catalog *catalog) BKB_NOEXCEPT;

/* Checks a backbalance.profile/1 document against `catalog` without planning (its
 * form, then the exercise ids and conditions it names) and writes the profile with
 * every field spelled out to `*out`: a NUL-terminated string the caller frees with
 * bkb_free. BKB_INVALID_ARGUMENT lists the problems, as bkb_planner_plan would.
 * @since 0.1 */
BKB_API bkb_status bkb_profile_canonical_json(const bkb_catalog *catalog, const char *profile_json,
                                              char **out) BKB_NOEXCEPT;

/* Frees the catalog and sets `*catalog` to NULL. Planners made from it keep their own
 * share, so this may come before or after destroying them. NULL or a pointer to NULL
 * is ignored. @since 0.1 */
BKB_API void bkb_catalog_destroy(bkb_catalog **catalog) BKB_NOEXCEPT;

/* ---- Planner ------------------------------------------------------------------------ */

/* Plans weeks from one catalog with fixed options; immutable and shareable across
 * threads. It shares ownership of its catalog. @since 0.1 */
typedef struct bkb_planner bkb_planner;

/* Every planner option with its default, as one JSON object in the form
 * bkb_planner_create takes (PlannerOptions: pain bands, targets, score weights,
 * feedback steps, catalog defaults, backend, quality, search_iterations,
 * time_limit_seconds, gap_tolerance).
 * Library-owned, valid for the life of the process. Thread-safe. @since 0.1 */
BKB_API const char *bkb_options_default_json(void) BKB_NOEXCEPT;

/* A planner over `catalog` (not NULL; shared, not copied). `options_json` is NULL (all
 * defaults) or a JSON object holding any subset of bkb_options_default_json()'s fields;
 * all of it is checked at once: BKB_INVALID_ARGUMENT names each problem as
 * "options.<field>: <rule>: <detail>" (unknown_field, type, length, range).
 * The caller owns `*out`. @since 0.1 */
BKB_API bkb_status bkb_planner_create(const bkb_catalog *catalog, const char *options_json,
                                      bkb_planner **out) BKB_NOEXCEPT;

/* The planner's options, every field spelled out, in bkb_options_default_json()'s form.
 * Borrowed from `planner`. @since 0.1 */
BKB_API const char *bkb_planner_options_json(const bkb_planner *planner) BKB_NOEXCEPT;

/* Frees the planner (its catalog lives on while other handles share it) and sets
 * `*planner` to NULL. NULL or a pointer to NULL is ignored. @since 0.1 */
BKB_API void bkb_planner_destroy(bkb_planner **planner) BKB_NOEXCEPT;

/* ---- Plans -------------------------------------------------------------------------- */

/* One week (backbalance.plan/1), owned by the caller; immutable. @since 0.1 */
typedef struct bkb_plan bkb_plan;

/* What a plan says about the person. @since 0.1 */
typedef enum bkb_plan_status {
  BKB_PLAN_OK = 0,         /* a week that satisfies every hard rule */
  BKB_PLAN_INFEASIBLE = 1, /* no week does; the JSON's diagnosis says why */
  BKB_PLAN_REFER = 2       /* a red flag: see a professional, no exercise */
} bkb_plan_status;

/* The phase of an item within its day. @since 0.1 */
typedef enum bkb_phase {
  BKB_PHASE_WARMUP = 0,
  BKB_PHASE_MAIN = 1,
  BKB_PHASE_COOLDOWN = 2,
  BKB_PHASE_NONE = -1 /* returned for an index out of range */
} bkb_phase;

/* The best week for the profile (`profile_json`: a backbalance.profile/1 document,
 * not retained). BKB_INVALID_ARGUMENT for a bad profile or one naming exercises or
 * conditions the catalog does not know; BKB_UNIMPLEMENTED for the exact backend in a
 * build without CBC. The caller owns `*out`. Thread-safe. @since 0.1 */
BKB_API bkb_status bkb_planner_plan(const bkb_planner *planner, const char *profile_json,
                                    bkb_plan **out) BKB_NOEXCEPT;

/* A plan read from a backbalance.plan/1 document (e.g. a week a clinician wrote), for
 * bkb_evaluate and bkb_planner_next_week. Only its form is checked (plan model section 10).
 * The caller owns `*out`. @since 0.1 */
BKB_API bkb_status bkb_plan_from_json(const char *json, bkb_plan **out) BKB_NOEXCEPT;

/* The plan as JSON, byte for byte what `backbalance plan --format json` prints for the
 * same input (two-space indented, ending in a newline). Borrowed from `plan`; made on
 * first use (thread-safe). NULL only when memory ran out. @since 0.1 */
BKB_API const char *bkb_plan_json(const bkb_plan *plan) BKB_NOEXCEPT;

/* Typed accessors, for programs that do not parse JSON. `plan` must not be NULL. */
/* @since 0.1 */
BKB_API bkb_plan_status bkb_plan_get_status(const bkb_plan *plan) BKB_NOEXCEPT;
/* The weighted score (plan model section 7); NaN when the plan carries none (a plan
 * read from JSON without one). @since 0.1 */
BKB_API double bkb_plan_score(const bkb_plan *plan) BKB_NOEXCEPT;
/* Always 7: monday (0) .. sunday (6). @since 0.1 */
BKB_API uint32_t bkb_plan_day_count(const bkb_plan *plan) BKB_NOEXCEPT;
/* Minutes planned on `day`; -1 for a day out of range. @since 0.1 */
BKB_API int32_t bkb_plan_day_minutes(const bkb_plan *plan, uint32_t day) BKB_NOEXCEPT;
/* Items on `day` in order (0 on a rest day or a day out of range). @since 0.1 */
BKB_API uint32_t bkb_plan_item_count(const bkb_plan *plan, uint32_t day) BKB_NOEXCEPT;
/* The exercise id of item `index` on `day`, borrowed from `plan`; NULL when out of
 * range. @since 0.1 */
BKB_API const char *bkb_plan_item_exercise(const bkb_plan *plan, uint32_t day,
                                           uint32_t index) BKB_NOEXCEPT;
/* Its phase; BKB_PHASE_NONE when out of range. @since 0.1 */
BKB_API bkb_phase bkb_plan_item_phase(const bkb_plan *plan, uint32_t day,
                                      uint32_t index) BKB_NOEXCEPT;
/* Its minutes; -1 when out of range. @since 0.1 */
BKB_API int32_t bkb_plan_item_minutes(const bkb_plan *plan, uint32_t day,
                                      uint32_t index) BKB_NOEXCEPT;

/* Frees the plan and sets `*plan` to NULL. NULL or a pointer to NULL is ignored.
 * @since 0.1 */
BKB_API void bkb_plan_destroy(bkb_plan **plan) BKB_NOEXCEPT;

/* ---- Batches ------------------------------------------------------------------------ */

/* The results of bkb_planner_plan_batch, in input order; immutable. @since 0.1 */
typedef struct bkb_batch bkb_batch;

/* bkb_planner_plan for each of `count` profiles (`profile_jsons[i]`, none NULL, not
 * retained) on up to `threads` threads (0: one per hardware thread), with the GIL-free
 * parallelism a cohort needs. Each result is exactly what bkb_planner_plan gives for
 * that profile. The call itself fails only for bad arguments (NULL pointers, negative
 * `threads`) or lack of memory; a bad profile fails its own entry
 * (bkb_batch_status). The caller owns `*out`. @since 0.1 */
BKB_API bkb_status bkb_planner_plan_batch(const bkb_planner *planner,
                                          const char *const *profile_jsons, uint32_t count,
                                          int32_t threads, bkb_batch **out) BKB_NOEXCEPT;

/* The number of entries (the `count` planned). @since 0.1 */
BKB_API uint32_t bkb_batch_size(const bkb_batch *batch) BKB_NOEXCEPT;
/* BKB_OK when entry `index` holds a plan, its error otherwise; BKB_OUT_OF_RANGE for an
 * index past the end. @since 0.1 */
BKB_API bkb_status bkb_batch_status(const bkb_batch *batch, uint32_t index) BKB_NOEXCEPT;
/* Entry `index`'s plan, borrowed from `batch` (valid until it is destroyed); NULL when
 * the entry failed or `index` is out of range. @since 0.1 */
BKB_API const bkb_plan *bkb_batch_plan(const bkb_batch *batch, uint32_t index) BKB_NOEXCEPT;
/* Entry `index`'s error text in bkb_last_error_message's form; "" when it holds a plan
 * (or `index` is out of range). Borrowed from `batch`. @since 0.1 */
BKB_API const char *bkb_batch_error_message(const bkb_batch *batch, uint32_t index) BKB_NOEXCEPT;
/* How many problems entry `index`'s error lists (0 when it holds a plan). @since 0.1 */
BKB_API uint32_t bkb_batch_problem_count(const bkb_batch *batch, uint32_t index) BKB_NOEXCEPT;
/* Problem `problem` of entry `index`, as bkb_last_error_problem (strings borrowed from
 * `batch`; out pointers may be NULL). BKB_OUT_OF_RANGE past either end. @since 0.1 */
BKB_API bkb_status bkb_batch_problem(const bkb_batch *batch, uint32_t index, uint32_t problem,
                                     const char **path, const char **rule,
                                     const char **detail) BKB_NOEXCEPT;

/* Frees the batch, its plans included, and sets `*batch` to NULL. NULL or a pointer to
 * NULL is ignored. @since 0.1 */
BKB_API void bkb_batch_destroy(bkb_batch **batch) BKB_NOEXCEPT;

/* ---- Evaluate ----------------------------------------------------------------------- */

/* The verdict on one week (backbalance.evaluation/1); immutable. @since 0.1 */
typedef struct bkb_evaluation bkb_evaluation;

/* Judges `plan` (any week: the planner's or one read with bkb_plan_from_json) for the
 * profile, with the planner's catalog and options: every broken hard rule H1-H9 and
 * the score term by term. A week that breaks rules is a successful call whose
 * evaluation is not valid; BKB_INVALID_ARGUMENT only for input the model cannot judge
 * (a bad profile). The caller owns `*out`. Thread-safe. @since 0.1 */
BKB_API bkb_status bkb_evaluate(const bkb_planner *planner, const char *profile_json,
                                const bkb_plan *plan, bkb_evaluation **out) BKB_NOEXCEPT;

/* The evaluation as JSON, byte for byte what `backbalance evaluate` prints. Borrowed
 * from `evaluation`. @since 0.1 */
BKB_API const char *bkb_evaluation_json(const bkb_evaluation *evaluation) BKB_NOEXCEPT;
/* 1 when the week breaks no hard rule, 0 otherwise. @since 0.1 */
BKB_API int32_t bkb_evaluation_is_valid(const bkb_evaluation *evaluation) BKB_NOEXCEPT;
/* The week's score (plan model section 7). @since 0.1 */
BKB_API double bkb_evaluation_score(const bkb_evaluation *evaluation) BKB_NOEXCEPT;
/* The number of broken-rule instances. @since 0.1 */
BKB_API uint32_t bkb_evaluation_violation_count(const bkb_evaluation *evaluation) BKB_NOEXCEPT;
/* Violation `index`'s rule ("H1".."H9") and detail, borrowed from `evaluation`; NULL
 * when out of range. @since 0.1 */
BKB_API const char *bkb_evaluation_violation_rule(const bkb_evaluation *evaluation,
                                                  uint32_t index) BKB_NOEXCEPT;
BKB_API const char *bkb_evaluation_violation_detail(const bkb_evaluation *evaluation,
                                                    uint32_t index) BKB_NOEXCEPT;

/* Frees the evaluation and sets `*evaluation` to NULL. NULL or a pointer to NULL is
 * ignored. @since 0.1 */
BKB_API void bkb_evaluation_destroy(bkb_evaluation **evaluation) BKB_NOEXCEPT;

/* ---- Next week ---------------------------------------------------------------------- */

/* Next week's profile (the input with its history set) and plan; immutable. @since 0.1 */
typedef struct bkb_next_week bkb_next_week;

/* Adapts to last week (plan model section 8): `last_week` is the plan the person was
 * given, `feedback_json` how its uses went, a JSON array of entries {"day",
 * "exercise", "completed", "pain_after", "soreness_hours", "rpe"}, as the CLI's
 * next-week --feedback takes it. BKB_INVALID_ARGUMENT names each problem, e.g.
 * "feedback[2].rpe: range: ..." or "feedback[0]: unknown_use: ..." for a use the plan
 * does not hold. The caller owns `*out`. Thread-safe. @since 0.1 */
BKB_API bkb_status bkb_planner_next_week(const bkb_planner *planner, const char *profile_json,
                                         const bkb_plan *last_week, const char *feedback_json,
                                         bkb_next_week **out) BKB_NOEXCEPT;

/* The backbalance.next_week/1 document, byte for byte what `backbalance next-week`
 * prints. Borrowed from `next_week`. @since 0.1 */
BKB_API const char *bkb_next_week_json(const bkb_next_week *next_week) BKB_NOEXCEPT;
/* Next week's profile (backbalance.profile/1, history included), to store for the week
 * after. Borrowed from `next_week`. @since 0.1 */
BKB_API const char *bkb_next_week_profile_json(const bkb_next_week *next_week) BKB_NOEXCEPT;
/* Next week's plan, borrowed from `next_week` (valid until it is destroyed). Never NULL
 * for a valid `next_week`. @since 0.1 */
BKB_API const bkb_plan *bkb_next_week_plan(const bkb_next_week *next_week) BKB_NOEXCEPT;

/* Frees the result, its plan included, and sets `*next_week` to NULL. NULL or a pointer
 * to NULL is ignored. @since 0.1 */
BKB_API void bkb_next_week_destroy(bkb_next_week **next_week) BKB_NOEXCEPT;

#ifdef BKB_EXPERIMENTAL
/* ---- Experimental: programmes and progress (plan model section 13) -----------------
 * Not part of the ABI baseline (abi/suppressions.ini drops them): they may change or go
 * before they are promised. Same conventions as the rest: the caller owns `*out` and
 * frees it with bkb_free; `*out` is NULL on failure; the planner is only read, so any
 * number of threads may call these at once. */

/* The weeks ahead: the backbalance.programme/1 document, byte for byte what
 * `backbalance programme --format json` prints. `options_json` is NULL (defaults) or an
 * object {"weeks": 1..26 (default 4), "deload_every": 0 or >= 2 (default 0),
 * "assumed_rpe": 1..10 (default 5)}. BKB_INVALID_ARGUMENT names each problem
 * ("weeks: range: ...", or the profile's, as bkb_planner_plan). @since 0.2 */
BKB_API bkb_status bkb_planner_programme(const bkb_planner *planner, const char *profile_json,
                                         const char *options_json, char **out) BKB_NOEXCEPT;

/* What a journal (backbalance.journal/1) says: the backbalance.progress/1 document, as
 * `backbalance progress` prints it. BKB_INVALID_ARGUMENT names each problem
 * ("weeks[3].profile.history.plan: chain: ...", "weeks[2].feedback[0]: unknown_use: ...").
 * @since 0.2 */
BKB_API bkb_status bkb_planner_progress(const bkb_planner *planner, const char *journal_json,
                                        char **out) BKB_NOEXCEPT;

/* ---- Experimental: views of a plan by name -------------------------------------------
 * `plan` in the view named `format`, byte for byte what `backbalance plan --format <format>`
 * prints for the same plan and options:
 *   "json"      the plan document (bkb_plan_json's text)
 *   "text"      an 80-column report; options {"title": string, "color": bool (false)}
 *   "markdown"  tables; options {"title"}
 *   "html"      one self-contained page; options {"title"}
 *   "ics"       iCalendar (CRLF lines); options {"start": "YYYY-MM-DDTHH:MM" (required),
 *               "weeks": 1..52 (1), "title"}
 *   "fhir"      a FHIR R4 Bundle: CarePlan, Goal, ServiceRequests, Conditions
 *               (docs/integration.md); options {"subject": "Patient/123"}; needs
 *               `profile_json`, the profile the plan was made for (its conditions)
 * `planner` (not NULL) gives the catalog (names) and options the view reads; `plan` (not
 * NULL) may be the planner's or one read with bkb_plan_from_json. `profile_json` is NULL
 * or a backbalance.profile/1 document, checked as bkb_planner_plan checks it whenever it is
 * given; only "fhir" reads it. `options_json` is NULL (defaults) or a JSON object holding
 * options of the chosen format only. Nothing is retained.
 * Errors (`*out` NULL): BKB_INVALID_ARGUMENT for a NULL argument, a format not listed
 * ("argument format: unknown_name: must be one of json, text, markdown, html, ics, fhir;
 * got \"pdf\""), "fhir" without a profile ("argument profile_json: required"), a bad
 * option ("options.weeks: range", "options.title: unknown_field" for a format that takes
 * none, "options.start: required" for ics) or a bad profile; BKB_FAILED_PRECONDITION
 * ("status: no_sessions") for "ics" of an infeasible or refer plan, which has no session.
 * The caller owns `*out` (NUL-terminated UTF-8) and frees it with bkb_free. Thread-safe:
 * any number of threads may render plans of one planner at once. @since 0.2 */
BKB_API bkb_status bkb_plan_render(const bkb_plan *plan, const char *format,
                                   const bkb_planner *planner, const char *profile_json,
                                   const char *options_json, char **out) BKB_NOEXCEPT;

/* ---- Experimental: clinician control (plan model sections 12, 12.1) ------------------
 * The profile's `pins`, `train_days` and `doses` act in every function that plans; these
 * three work on a week that exists. Same conventions as above: `profile_json` and the
 * strings are not retained; `plan` is only read (never changed); the caller owns `*out`
 * (a bkb_plan freed with bkb_plan_destroy, or text freed with bkb_free), NULL on failure;
 * the planner is only read, so any number of threads may call these at once. */

/* The valid week (rules H1-H10) closest to `plan` (an edited, possibly invalid week):
 * the least distance (a use added, removed, or moved to another phase or minutes counts
 * 1), the best score among those. Its JSON carries `changes`, [{"day", "exercise",
 * "change": "removed" | "added" | "changed"}] in day, then exercise order; a week that is
 * already valid comes back as given with `changes: []`. No valid week: a plan with status
 * infeasible and a diagnosis (a successful call); a red flag: status refer.
 * BKB_INVALID_ARGUMENT for a bad profile, as bkb_planner_plan. @since 0.2 */
BKB_API bkb_status bkb_planner_repair(const bkb_planner *planner, const char *profile_json,
                                      const bkb_plan *plan, bkb_plan **out) BKB_NOEXCEPT;

/* The week under way: days before `from_day` (0..7) as they happened, the rest planned
 * afresh for the best score of the whole week, every rule kept across the boundary.
 * `feedback_json` is NULL (the past days happened as planned) or a JSON array of entries
 * as bkb_planner_next_week takes them (then only uses whose entry says completed
 * happened; an item reported worse is not planned again). `from_day` 0 is a fresh plan,
 * 7 the week as it happened. BKB_INVALID_ARGUMENT names each problem:
 * "from_day: range: ...", "feedback[2].day: not_happened: ..." (a day at or after
 * `from_day`), "feedback[0]: unknown_use: ...", "feedback[1]: duplicate_use: ...", or the
 * profile's. @since 0.2 */
BKB_API bkb_status bkb_planner_replan(const bkb_planner *planner, const char *profile_json,
                                      const bkb_plan *plan, int32_t from_day,
                                      const char *feedback_json, bkb_plan **out) BKB_NOEXCEPT;

/* Every eligible item that could take the place of `exercise` (not NULL) on `day` (0..6)
 * in a valid week, the week staying valid: the backbalance.alternatives/1 document, as
 * `backbalance alternatives --format json` prints it (substitutes first, then by score,
 * best first, then by id; each with the new week's score and the change). Written to
 * `*out`, NUL-terminated, freed with bkb_free. BKB_INVALID_ARGUMENT: "plan: invalid: ..."
 * for a week that breaks a rule, "exercise: unknown_use: ..." for a use the week does not
 * hold, "day: range: ...", or the profile's problems. @since 0.2 */
BKB_API bkb_status bkb_planner_alternatives(const bkb_planner *planner, const char *profile_json,
                                            const bkb_plan *plan, int32_t day, const char *exercise,
                                            char **out) BKB_NOEXCEPT;
#endif /* BKB_EXPERIMENTAL */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* BACKBALANCE_BACKBALANCE_H_ */
