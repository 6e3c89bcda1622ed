# The bash completion offers check's text-report options (it reads them
# from `cpslint check --help`) and the values of --color.
setup: PATH=$(dirname "$BIN"):$PATH bash -c '. completions/cpslint.bash; COMP_WORDS=(cpslint check --sh); COMP_CWORD=2; _cpslint; echo "${COMPREPLY[*]}"; COMP_WORDS=(cpslint check --color ""); COMP_CWORD=3; _cpslint; echo "${COMPREPLY[*]}"' >$TMP/out && grep -q "'--show-all\[" completions/_cpslint && grep -q "'--color\[" completions/_cpslint
run: --version
in-file: $TMP/out
has: --show-all --show-evidence
has: auto always never
