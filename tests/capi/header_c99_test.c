/* backbalance.h alone, as C99 under -Wall -Wextra -pedantic -Werror (libgit2's
 * headertest): the public header must not publish sloppy definitions. */
#include "backbalance/backbalance.h"

int main(void) {
  bkb_catalog *catalog = NULL;
  bkb_catalog_destroy(&catalog);
  return bkb_version_number() == BKB_VERSION_NUMBER ? 0 : 1;
}
