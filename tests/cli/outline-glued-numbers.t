# Headings glued to their numbers ("1.INTRODUCTION", "1.5.2.Contact Person",
# "1.5.3Person ..."), a number alone with its title on the next bold line
# ("4.2.1." / "**Performing ...**"), and a table of contents of lines ending
# in page numbers without leaders: all 270 sections, no TOC line taken.
run: outline --format json samples/forms/en-cps-kestrel-glued.md
json: d["version"] == "1.4" and d["date"] == "2024-02-14"
json: d["counts"] == {"expected": 270, "found": 270, "missing": 0, "extra": 0, "duplicate": 0, "out_of_order": 0}
json: {s["number"]: s["heading"] for s in d["sections"]}["4.2.1"] == "Performing identification and authentication functions"
json: {s["number"]: s["heading"] for s in d["sections"]}["1"] == "INTRODUCTION"
json: {s["number"]: s["heading"] for s in d["sections"]}["1.5.2"] == "Contact Person"
json: min(s["line"] for s in d["sections"]) > 100
