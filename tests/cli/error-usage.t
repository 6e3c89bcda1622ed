# A bad option or a missing file operand is a usage error (exit 2).
run: outline --frobnicate x.html
exit: 2
err-has: unknown option
