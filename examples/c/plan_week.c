/* plan_week: plans a week for a profile with backbalance's C ABI and prints it as a
 * table, using the typed accessors (no JSON parsing needed).
 *
 *   plan_week PROFILE.json [CATALOG.json]     (the built-in catalog by default)
 *
 * Build against an installed backbalance:
 *   cc -std=c99 plan_week.c $(pkg-config --cflags --libs backbalance) -o plan_week
 *
 * Exit status: 0 for a week, 3 when no week fits the rules, 4 for a referral, 1 for bad
 * input (the problems are printed one per line, as "path: rule: detail"). */
#include <stdio.h>
#include <stdlib.h>

#include "backbalance/backbalance.h"

static const char *const kDayNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};

/* The file's bytes as a NUL-terminated string (free with free()), or NULL. */
static char *read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  char *text = NULL;
  long size;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0 &&
      (text = malloc((size_t)size + 1)) != NULL) {
    if (fread(text, 1, (size_t)size, file) == (size_t)size) {
      text[size] = '\0';
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(file);
  return text;
}

/* Prints the failed call's problems, one per line, under `what`. */
static void report(const char *what, bkb_status status) {
  uint32_t i;
  fprintf(stderr, "%s: %s\n", what, bkb_status_name(status));
  for (i = 0; i < bkb_last_error_problem_count(); ++i) {
    const char *path, *rule, *detail;
    bkb_last_error_problem(i, &path, &rule, &detail);
    fprintf(stderr, "  %s: %s: %s\n", path[0] != '\0' ? path : "(document)", rule, detail);
  }
  if (bkb_last_error_problem_count() == 0) fprintf(stderr, "  %s\n", bkb_last_error_message());
}

static const char *phase_name(bkb_phase phase) {
  switch (phase) {
    case BKB_PHASE_WARMUP:
      return "warmup";
    case BKB_PHASE_MAIN:
      return "main";
    case BKB_PHASE_COOLDOWN:
      return "cooldown";
    default:
      return "?";
  }
}

static void print_week(const bkb_plan *plan) {
  static const char *const kStatus[] = {"ok", "infeasible", "refer"};
  uint32_t day, i;
  printf("status: %s, score: %.2f\n", kStatus[bkb_plan_get_status(plan)], bkb_plan_score(plan));
  for (day = 0; day < bkb_plan_day_count(plan); ++day) {
    const uint32_t count = bkb_plan_item_count(plan, day);
    if (count == 0) {
      printf("%-9s  rest\n", kDayNames[day]);
      continue;
    }
    printf("%-9s  %d min\n", kDayNames[day], (int)bkb_plan_day_minutes(plan, day));
    for (i = 0; i < count; ++i) {
      printf("           %-8s  %-32s %3d min\n", phase_name(bkb_plan_item_phase(plan, day, i)),
             bkb_plan_item_exercise(plan, day, i), (int)bkb_plan_item_minutes(plan, day, i));
    }
  }
}

int main(int argc, char **argv) {
  bkb_catalog *catalog = NULL;
  bkb_planner *planner = NULL;
  bkb_plan *plan = NULL;
  char *profile = NULL;
  bkb_status status;
  int exit_code = 1;

  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s PROFILE.json [CATALOG.json]\n", argv[0]);
    return 2;
  }
  if (bkb_version_number() / 10000 != BKB_VERSION_MAJOR) {
    fprintf(stderr, "libbackbalance %s does not match this program's header %d.%d.%d\n",
            bkb_version_string(), BKB_VERSION_MAJOR, BKB_VERSION_MINOR, BKB_VERSION_PATCH);
    return 1;
  }
  profile = read_file(argv[1]);
  if (profile == NULL) {
    fprintf(stderr, "%s: cannot read the file\n", argv[1]);
    return 1;
  }
  status = argc == 3 ? bkb_catalog_from_file(argv[2], &catalog) : bkb_catalog_builtin(&catalog);
  if (status != BKB_OK) {
    report(argc == 3 ? argv[2] : "built-in catalog", status);
  } else if ((status = bkb_planner_create(catalog, NULL, &planner)) != BKB_OK) {
    report("planner", status);
  } else if ((status = bkb_planner_plan(planner, profile, &plan)) != BKB_OK) {
    report(argv[1], status);
  } else {
    print_week(plan);
    exit_code = bkb_plan_get_status(plan) == BKB_PLAN_OK           ? 0
                : bkb_plan_get_status(plan) == BKB_PLAN_INFEASIBLE ? 3
                                                                   : 4;
  }
  /* Any order; each destroy accepts NULL. */
  bkb_plan_destroy(&plan);
  bkb_planner_destroy(&planner);
  bkb_catalog_destroy(&catalog);
  free(profile);
  return exit_code;
}
