# rules --kinds lists the kind table: every kind with its summary and the
# keys it needs and takes beyond the common ones.
run: rules --kinds
has: forbid       each match in scope is a finding
has: limit        durations near a `near` cue
has:              needs: scope; near; max, min
has: format       the file format read (html, xhtml, markdown, pdf, text) against `match`: a match is a finding (no examples)
has: manual       text cannot decide: always n/a, the message says what to check (no examples)
has:              also takes: span = section; subject; headings = no; offer, mention, local
