# - reads standard input.
run: outline --format json -
stdin: samples/xhtml-cps-nordwind-v1.3.xhtml
json: d["counts"]["missing"] == 7
