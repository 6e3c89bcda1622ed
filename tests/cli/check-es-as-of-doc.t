# The Spanish CPS judged as of its own date.
run: check --as-of doc --format json samples/forms/es-dpc-ejemplar.md
json: d["documents"][0]["as_of"] == "2021-02-03" and d["documents"][0]["as_of_source"] == "document"
exit: 1
