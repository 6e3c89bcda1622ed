# An entry past its expiry date no longer accepts its finding (exit 1, the
# finding is shown); an entry that matches nothing is reported stale.
run: check --only-ruleset tests/cli/data/ci.rules --as-of 2019-05-09 --baseline tests/cli/data/baseline-fr-expired-stale.json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
has: 1 error, 0 warnings, 0 notices, 2 baselined
has: BR>>3.2.2.4.1<<
has: (its baseline entry expired on 2019-01-31)
has: tests/cli/data/baseline-fr-expired-stale.json:4: baseline entry for samples/fr-dpc-autorite-exemple-v4.2.html, rule ci.dv.3.2.2.4.1, section 3.2.3.3 expired on 2019-01-31
has: tests/cli/data/baseline-fr-expired-stale.json:31: stale baseline entry: no finding of rule ci.dv.3.2.2.4.3 in section 9.9
has: error     3.2.3.3 Vérification des noms de domaine (FQDN), line 456  [ci.dv.3.2.2.4.1]
has: 2 rules failing with every finding baselined, suppressed or below --min-level; --show-all lists them
