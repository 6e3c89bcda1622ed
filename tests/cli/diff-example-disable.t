# The 6.3.2 validity limit (825 then 398 days, both over 200 as of today) is
# disabled here: its message quotes the number, so the diff sees two findings.
# With the retired-method rule disabled, the ETS update passes: version, date and
# revision row are fine and no other finding at error level is introduced.
run: diff --disable br.3.2.2.4.6.retired --disable br.6.3.2.subscriber-validity samples/diff/example-v1.html samples/diff/example-v2.html
exit: 0
has: findings: 0 introduced
has: result: pass
