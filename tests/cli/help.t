# --help prints the usage on stdout and exits 0.
run: --help
has: Usage: cpslint [check] [options] FILE...
has: Exit status: 0
