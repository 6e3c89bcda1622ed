# --max-size caps what cpslint reads.
needs: corpus
run: outline --max-size 1K $CORPUS/isrg-cps-v2.0-2017-04-13.html
exit: 2
err-has: larger than
