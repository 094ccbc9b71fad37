#!/bin/sh
# vanban with every fast scan path off (VANBAN_PLAIN_SCANS=1): the build's
# binary is $VANBAN_EQ_BIN, set by tests/eqcheck/run.sh.
VANBAN_PLAIN_SCANS=1 exec "$VANBAN_EQ_BIN" "$@"
