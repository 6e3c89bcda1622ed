# --as-of applies to both versions: in 2019 neither 3.2.2.4.2 nor 3.2.2.4.6 was
# retired yet, so no finding about them is introduced or resolved.
run: diff --format json --as-of 2019-06-01 samples/diff/example-v1.html samples/diff/example-v2.html
exit: 0
json: d["as_of"] == "2019-06-01"
json: not any(f["rule"].startswith("br.3.2.2.4.") for k in ("introduced", "resolved") for f in d["findings"][k])
