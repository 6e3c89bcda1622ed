/* cli.h — the dispatcher: `cpslint COMMAND ...` to cmd_COMMAND (cli_util.h
 * holds what the commands share). main() is a thin wrapper around
 * cpslint_main so that tests and the fuzzing harness can run the whole
 * program in-process.
 *
 * Ownership: borrows argv and both streams.
 */
#ifndef CPSLINT_CLI_H
#define CPSLINT_CLI_H

#include <stdio.h>

/* Run one command line; returns the exit status (cli_util.h EXIT_*). A
 * failed write to out is reported here, for every command. */
int cpslint_main(int argc, char **argv, FILE *out, FILE *err);

#endif
