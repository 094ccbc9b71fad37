/* Placeholder until `vanban validate` lands. */
#include <stdio.h>

#include "commands.h"

int vb_cmd_validate(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "vanban validate: not built yet\n");
    return 70;
}
