# A Spanish CPS: "Versión" / "Fecha" revision table with "9 de mayo de 2019",
# "15/10/2020" and "03/02/2021" (day first: the document's language and its
# own 15/10/2020 decide). Only chapters and their sections are written.
run: outline --format json samples/forms/es-dpc-ejemplar.md
json: d["language"] == "es" and d["version"] == "2.1" and d["date"] == "2021-02-03"
json: d["counts"]["found"] == 77 and d["counts"]["missing"] == 193 and d["counts"]["extra"] == 0
