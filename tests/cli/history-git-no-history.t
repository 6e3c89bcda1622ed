# history --git on a path no commit changed: exit 2 with the reason.
setup: sh tests/cli/data/history-repo.sh $TMP/repo
run: history -C $TMP/repo --git no-such-file.html
exit: 2
err-has: no commit of the repository changed this path
