run: rules --disable br.3.2.2.4 --format json
exit: 0
json: all(not r["enabled"] for r in d["rules"] if r["id"].startswith("br.3.2.2.4.")) and len(d["rules"]) >= 60
