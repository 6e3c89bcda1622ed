# A directory without documents is an error, not a clean pass.
run: check tests/unit
exit: 2
err-has: no document found
