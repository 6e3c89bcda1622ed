# history needs versions: FILEs or --git PATH, not both, not neither.
run: history
exit: 2
err-has: history: no versions given (FILE... or --git PATH)
