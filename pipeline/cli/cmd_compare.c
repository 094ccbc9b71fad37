/* Placeholder until `vanban compare` lands. */
#include <stdio.h>

#include "commands.h"

int vb_cmd_compare(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "vanban compare: not built yet\n");
    return 70;
}
