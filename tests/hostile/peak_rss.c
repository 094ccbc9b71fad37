/* peak_rss OUT -- CMD [ARG...]: run CMD, write its peak RSS (KiB, from
 * wait4) to the file OUT, and end as CMD ended: its exit status, or the
 * same signal raised again, so the caller sees what CMD did.
 *
 * Why not measure from the test's Python: a child's ru_maxrss counts the
 * pages it shared with its parent at fork (Linux folds the old address
 * space's high-water mark in at exec), so a Python parent holding a few
 * hundred megabytes of earlier output inflates every figure.  This process
 * is small when it forks. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: peak_rss OUT -- CMD [ARG...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak_rss: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        perror("peak_rss: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno == EINTR) continue;
        perror("peak_rss: wait4");
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f || fprintf(f, "%ld\n", ru.ru_maxrss) < 0 || fclose(f) != 0) {
        perror("peak_rss: writing the figure");
        return 2;
    }
    if (WIFSIGNALED(status)) {
        signal(WTERMSIG(status), SIG_DFL);
        struct rlimit none = {0, 0}; /* the child's crash is reported, not ours again */
        setrlimit(RLIMIT_CORE, &none);
        raise(WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}
