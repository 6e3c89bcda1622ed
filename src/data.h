/* data.h — where cpslint finds its data (rulesets/, the RFC 3647 outline).
 *
 * In order: $CPSLINT_DATA (a directory holding rulesets/); the directory
 * above the running binary when it holds rulesets/ (a build tree:
 * build/cpslint -> ./rulesets); share/cpslint beside the binary's bin/
 * (an installed tree, whatever PREFIX and DESTDIR it was copied to:
 * PREFIX/bin/cpslint -> PREFIX/share/cpslint); CPSLINT_DATADIR, set at
 * build time to $(PREFIX)/share/cpslint.
 */
#ifndef CPSLINT_DATA_H
#define CPSLINT_DATA_H

#include <stddef.h>

#include "err.h"

/* Write the data directory to out (size n). argv0 is main's argv[0], used
 * to find a build tree; may be NULL. */
int data_dir(const char *argv0, char *out, size_t n, cps_err *e);

/* Write "<data_dir>/rulesets/<name>" to out (size n). */
int data_path(const char *dir, const char *name, char *out, size_t n,
              cps_err *e);

#endif
