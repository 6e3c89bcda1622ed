# A CPS whose version and date are only in a revision table headed "Ver." /
# "Date" with "Month D, YYYY" dates: the newest row gives both.
run: outline samples/forms/en-cps-borealis-revtable.md
has: version 3.1, date 2022-03-03
has: sections: 270 of 270 RFC 3647 sections found, 0 missing, 0 extra
