# samples/methods/fr-dpc-ac-horizon-v3.0: a French DPC numbering its own 3.2.2.4.1-3
# subsections (DNS, website, TLS ALPN): local numbers are not BR methods; the
# IP methods in words ("courriel ... au contact de l'adresse IP", "appel
# téléphonique au contact de l'adresse IP") are offered.
run: check --as-of 2026-11-27 --format json samples/methods/fr-dpc-ac-horizon-v3.0.html
exit: 1
json: {f["rule"] for f in d["documents"][0]["findings"] if ".3.2.2." in f["rule"]} == {"br.3.2.2.5.2.sunset", "br.3.2.2.5.2.retired", "br.3.2.2.5.5.sunset", "br.3.2.2.5.5.retired"}
