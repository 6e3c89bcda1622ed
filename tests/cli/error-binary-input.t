# Binary input is refused with exit 2 and a reason.
run: outline /bin/sh
exit: 2
err-has: binary
