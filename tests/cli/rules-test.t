# Every rule's examples fire (example.bad) or pass (example.good).
run: rules --test
exit: 0
has: ok 1 - br.3.2.2.4.1.retired: example.bad.en fires
lacks: not ok
