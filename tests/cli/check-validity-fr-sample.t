# The French sample: "trois (3) ans" in 6.3.2 fails as of its 2018 date; the
# "dix (10) ans" of the CA certificate in the same section does not count.
run: check --as-of doc --format json samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: [(f["section"], f["match"], f["status"]) for f in d["documents"][0]["findings"] if f["rule"] == "br.6.3.2.subscriber-validity"] == [("6.3.2", "trois (3) ans", "fail")]
json: [f["message"][:40] for f in d["documents"][0]["findings"] if f["rule"] == "br.6.3.2.subscriber-validity"] == ["\"trois (3) ans\" is beyond the maximum in"]
