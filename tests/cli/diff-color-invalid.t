# --color takes auto, always or never (as check's).
run: diff --color sometimes tests/data/diff-table-v1.html tests/data/diff-table-v2.html
exit: 2
err-has: invalid --color 'sometimes' (auto, always or never)
