/* main.c — a thin wrapper, so the whole program can run in-process
 * (tests, fuzzing): see cpslint_main in cli.c. */
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
    return cpslint_main(argc, argv, stdout, stderr);
}
