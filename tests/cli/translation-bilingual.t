# A bilingual EPC/CPS (French and English in marked paragraphs, table
# columns and unmarked paragraphs): its English part is the English
# version, so ccadb.english-version passes on its own; sections and length
# compare the two languages inside it; version and date are n/a.
run: check --only-ruleset ccadb --format json samples/translation/bilingual-epc-cps-boreale-v2.3.html
exit: 0
json: d["documents"][0]["language"] == "fr"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.english-version"] == "pass"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-sections"] == "pass" and {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-length"] == "pass"
json: {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-version"] == "n/a" and {c["rule"]: c["status"] for c in d["documents"][0]["checklist"]}["ccadb.translation-date"] == "n/a"
