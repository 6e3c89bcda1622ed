# Many inputs, one of them missing and one binary: the others' results are
# all there, the bad ones are toolExecutionNotifications, the invocation is
# not successful and the exit status is 2. A path outside the working
# directory is an absolute file:// URI.
run: check --format sarif samples/fr-dpc-autorite-exemple-v4.2.html tests/cli/data/no-such.html samples/xhtml-cps-nordwind-v1.3.xhtml /bin/sh
exit: 2
sarif-valid:
json: d["runs"][0]["invocations"][0]["executionSuccessful"] is False
json: [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in d["runs"][0]["invocations"][0]["toolExecutionNotifications"]] == ["tests/cli/data/no-such.html", "file:///bin/sh"]
json: all(n["level"] == "error" for n in d["runs"][0]["invocations"][0]["toolExecutionNotifications"])
json: set(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in d["runs"][0]["results"]) == {"samples/fr-dpc-autorite-exemple-v4.2.html", "samples/xhtml-cps-nordwind-v1.3.xhtml"}
json: [a["location"]["uri"] for a in d["runs"][0]["artifacts"]] == ["samples/fr-dpc-autorite-exemple-v4.2.html", "tests/cli/data/no-such.html", "samples/xhtml-cps-nordwind-v1.3.xhtml", "file:///bin/sh"]
err-has: tests/cli/data/no-such.html: No such file or directory
err-has: /bin/sh: binary
