# The flawed XHTML sample through check: the outline defects it was written
# with are findings of the RFC 3647 structure rules (missing and blank are
# Mozilla's for a 2024 document).
run: check --format json samples/xhtml-cps-nordwind-v1.3.xhtml
exit: 1
json: sorted((f["rule"], f["section"]) for f in d["documents"][0]["findings"] if f["rule"] in ("rfc3647.doc.section-order", "rfc3647.doc.duplicate-section", "rfc3647.doc.heading-title")) == [("rfc3647.doc.duplicate-section", "5.3.2"), ("rfc3647.doc.heading-title", "1.3.2"), ("rfc3647.doc.section-order", "9.4.2")]
json: sorted(f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "mozilla.3.3.missing-section") == ["4.6.%d" % i for i in range(1, 8)]
json: [f["section"] for f in d["documents"][0]["findings"] if f["rule"] == "mozilla.3.3.blank-section"] == ["1.5.3"]
