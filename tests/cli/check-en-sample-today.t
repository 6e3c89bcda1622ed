# The English sample conforms as of 2026-11-27 with every rule, limits included.
run: check --as-of 2026-11-27 --format json samples/en-cps-example-ca-v6.0.html
exit: 0
json: d["documents"][0]["findings"] == []
