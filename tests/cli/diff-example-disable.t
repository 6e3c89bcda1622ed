# With the retired-method rule disabled, the ETS update passes: version, date and
# revision row are fine and no other finding at error level is introduced.
run: diff --disable br.3.2.2.4.6.retired samples/diff/example-v1.html samples/diff/example-v2.html
exit: 0
has: findings: 0 introduced
has: result: pass
