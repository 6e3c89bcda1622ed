# --format gitlab: a GitLab Code Quality report (JSON array of issues with
# description, check_name, fingerprint, severity, location.path/lines.begin),
# valid against docs/schema/gitlab.schema.json (checked by tests/cli.sh); an
# unreadable input is a critical "cpslint.input" issue; fingerprints are
# unique in the report, across files too (GitLab keys issues by fingerprint
# alone); severities map error -> major, warning (upcoming) -> minor.
setup: cp samples/fr-dpc-autorite-exemple-v4.2.html $TMP/copy.html
run: check --format gitlab --as-of 2019-05-09 samples/fr-dpc-autorite-exemple-v4.2.html $TMP/copy.html nosuch.html
exit: 2
json: len(d) == 15
json: len({i["fingerprint"] for i in d}) == len(d)
json: sorted({i["location"]["path"] for i in d})[1:] == ["nosuch.html", "samples/fr-dpc-autorite-exemple-v4.2.html"]
json: [i["severity"] for i in d if i["check_name"] == "br.3.2.2.4.3.retired"] == ["minor", "minor"]
json: [i["severity"] for i in d if i["check_name"] == "br.3.2.2.4.1.retired"] == ["major", "major"]
json: [i["location"]["lines"]["begin"] for i in d if i["check_name"] == "br.6.3.2.subscriber-validity"] == [762, 762]
json: [(i["severity"], i["description"]) for i in d if i["check_name"] == "cpslint.input"] == [("critical", "No such file or directory")]
