# The text outline marks sections recognised by title and lists them.
run: outline tests/data/unnumbered.md
has:     1.3.3       found            25  Subscribers  [unnumbered]
has: unnumbered (recognised by title): 1 1.1 1.2 1.3.1 1.3.3 1.4
