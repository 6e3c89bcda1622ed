# history: --as-of takes a date or today (no doc: each version has its own
# dates); an impossible date is "no such date".
run: history --as-of 2026-02-30 samples/history/lindenfeld-cps-v1.0.html samples/history/lindenfeld-cps-v1.1.html
exit: 2
err-has: cpslint: history: --as-of: '2026-02-30' is no such date
