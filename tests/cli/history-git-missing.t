# history --git without git: exit 2 naming the package.
env: CPSLINT_GIT=/nonexistent/git
run: history --git CPS.html
exit: 2
err-has: git is not installed: install the git package
