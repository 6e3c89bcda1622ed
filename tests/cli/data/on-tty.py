# Run a command with its standard output on a pseudo-terminal (isatty is
# true), copying what it writes to our standard output; exit with its
# status. For the --color auto cases: python3 on-tty.py CMD ARGS... >FILE
import os
import pty
import sys

status = pty.spawn(sys.argv[1:])
sys.exit(os.waitstatus_to_exitcode(status))
