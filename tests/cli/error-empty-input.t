# Empty input is refused with exit 2 and a reason.
run: outline -
stdin: /dev/null
exit: 2
err-has: empty input
