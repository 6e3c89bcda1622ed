# --format gitlab: location.path and the fingerprints are the same whether
# the file is named "./x" or "x" (relative to the working directory, where
# GitLab runs the job), so issues match from one pipeline to the next.
run: check --format gitlab --as-of 2019-05-09 ./samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
json: len(d) == 7
json: all(i["location"]["path"] == "samples/fr-dpc-autorite-exemple-v4.2.html" for i in d)
ignore: none
same-json-as: check --format gitlab --as-of 2019-05-09 --exit-zero samples/fr-dpc-autorite-exemple-v4.2.html
