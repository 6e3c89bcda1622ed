# The profiles of the shipped samples: the English and French TLS CPSes, the
# Nordwind combined CP/CPS, the S/MIME CPS and the French stand-alone CP.
run: check --format json --exit-zero samples/en-cps-example-ca-v6.0.html samples/fr-dpc-autorite-exemple-v4.2.html samples/xhtml-cps-nordwind-v1.3.xhtml samples/en-smime-cps-exemplar-v2.1.html samples/fr-pc-exemplaire-confiance-v3.0.html
exit: 0
json: [(x["profile"]["kind"], x["profile"]["scopes"]) for x in d["documents"]] == [("cps", ["tls-server"]), ("cps", ["tls-server"]), ("cp-cps", ["tls-server"]), ("cps", ["smime"]), ("cp", ["tls-server"])]
json: all(x["profile"]["source"] == "detected" for x in d["documents"])
