# history --git outside a repository: exit 2 with git's reason.
run: history -C $TMP --git CPS.html
exit: 2
err-has: cpslint: CPS.html: git log failed: fatal: not a git repository
