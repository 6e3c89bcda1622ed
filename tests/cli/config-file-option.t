# --config FILE: its disable list, as-of and min-level apply; enable and
# disable take several ids on one line or several lines.
setup: printf 'disable = mozilla, ccadb\ndisable = chrome\nas-of = 2024-03-01\nmin-level = error\n' > $TMP/c
run: check --config $TMP/c --format json --fail-on never $ROOT/samples/fr-dpc-autorite-exemple-v4.2.html
json: d["as_of"] == "2024-03-01"
json: not any(x["rule"].split(".")[0] in ("mozilla", "ccadb", "chrome") for x in d["documents"][0]["checklist"])
json: all(f["severity"] == "error" for f in d["documents"][0]["findings"])
