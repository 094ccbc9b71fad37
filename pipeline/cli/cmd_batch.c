/* Placeholder until `vanban batch` lands. */
#include <stdio.h>

#include "commands.h"

int vb_cmd_batch(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "vanban batch: not built yet\n");
    return 70;
}
