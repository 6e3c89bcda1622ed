# Going back from v1.4 to v1.3 fails all three update checks: exit 1.
run: diff --format json samples/diff/example-v2.html samples/diff/example-v1.html
exit: 1
json: not d["version_incremented"] and not d["date_advanced"] and not d["changelog_entry_added"]
json: d["problems"][:3] == ["version number not incremented", "effective date not moved forward", "no new dated row in the revision table"]
json: sorted((r["from"], r["to"]) for r in d["sections"]["renumbered"])[0] == ("11", "10")
