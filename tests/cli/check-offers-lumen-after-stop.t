# The same sample once Lumen's stop date for 3.2.2.4.16 (2026-12-01) has passed.
run: check --as-of 2026-12-02 --format json samples/methods/en-cps-lumen-trust-v2.1.html
exit: 1
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["br.3.2.2.4.16.sunset"] == "pass"
