/* Helpers of the C ABI tests: reading files of the source tree, running the command line,
 * checking problems. */
#define _POSIX_C_SOURCE 200809L /* popen */

#include <stdlib.h>

#include "capi_test.h"

char *capi_read_source_file(const char *relative) {
  char path[4096];
  FILE *file;
  long size;
  char *text;
  snprintf(path, sizeof path, "%s/%s", BKB_SOURCE_DIR, relative);
  file = fopen(path, "rb");
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0) {
    fclose(file);
    return NULL;
  }
  text = malloc((size_t)size + 1);
  if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
    text[size] = '\0';
  } else {
    free(text);
    text = NULL;
  }
  fclose(file);
  return text;
}

char *capi_cli_output(const char *arguments) {
  char command[8192];
  size_t size = 0;
  size_t capacity = 1 << 16;
  char *text;
  FILE *pipe;
  if (BKB_CLI_PATH[0] == '\0') return NULL;
  snprintf(command, sizeof command, "cd '%s' && '%s' %s", BKB_SOURCE_DIR, BKB_CLI_PATH, arguments);
  text = malloc(capacity);
  pipe = popen(command, "r");
  if (pipe == NULL || text == NULL) {
    if (pipe != NULL) pclose(pipe);
    free(text);
    return NULL;
  }
  for (;;) {
    const size_t got = fread(text + size, 1, capacity - size - 1, pipe);
    size += got;
    if (got == 0) break;
    if (size + 1 == capacity) {
      char *grown = realloc(text, capacity *= 2);
      if (grown == NULL) break;
      text = grown;
    }
  }
  text[size] = '\0';
  pclose(pipe); /* its exit code says ok/infeasible/refer; the text is what matters */
  return text;
}

void capi_check_first_problem(const char *file, int line, uint32_t count, const char *path,
                              const char *rule) {
  const char *actual_path = NULL;
  const char *actual_rule = NULL;
  const char *detail = NULL;
  const uint32_t actual_count = bkb_last_error_problem_count();
  if (actual_count != count ||
      bkb_last_error_problem(0, &actual_path, &actual_rule, &detail) != BKB_OK ||
      strcmp(actual_path, path) != 0 || strcmp(actual_rule, rule) != 0) {
    fprintf(stderr, "%s:%d: expected %u problem(s), the first `%s: %s`; got %u:\n%s\n", file, line,
            (unsigned)count, path, rule, (unsigned)actual_count, bkb_last_error_message());
    ++capi_test_failures;
  }
}

bkb_planner *capi_default_planner(void) {
  bkb_catalog *catalog = NULL;
  bkb_planner *planner = NULL;
  if (bkb_catalog_builtin(&catalog) == BKB_OK) bkb_planner_create(catalog, NULL, &planner);
  bkb_catalog_destroy(&catalog); /* the planner keeps its own share */
  return planner;
}
