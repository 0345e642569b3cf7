/* The stopwatch of `make bench`: runs one command and measures it from just before it starts to just after it ends.
 *
 *   measure [-o FILE] [-c CPU] [-e NAME=VALUE]... COMMAND [ARGUMENT...]
 *
 *   -o FILE        write the measurement there instead of to standard error
 *   -c CPU         run the command on this one CPU only (as `taskset -c CPU` would)
 *   -e NAME=VALUE  set this environment variable for the command (as `env NAME=VALUE` would)
 *
 * Writes "seconds=S maxrss_kb=K cpu_seconds=C" (C: user plus system time of the command and the children it waited
 * for) and exits with the command's exit status (128 + signal when a signal ended it, 127 when it could not be
 * started). The command's own output goes where measure's goes.
 *
 * Timing a command from the shell, with `date` before and after `/usr/bin/time` and `taskset`/`env` in front, counted
 * the start and end of those helper processes too: a few milliseconds, which is 3-4 % of a two-core run over 1,000
 * files, and more for the one-core run that needs taskset and env. Here the clock is read around fork and wait4
 * only, CPU and environment are set in the child itself, and wait4 reports the command's peak resident memory. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

static void usage(void) {
    fprintf(stderr, "usage: measure [-o FILE] [-c CPU] [-e NAME=VALUE]... COMMAND [ARGUMENT...]\n");
    exit(64);
}

int main(int argc, char **argv) {
    const char *output = NULL;
    int cpu = -1;
    int first = 1;
    while (first < argc && argv[first][0] == '-') {
        const char *option = argv[first];
        if (first + 1 >= argc) usage();
        const char *value = argv[first + 1];
        if (strcmp(option, "-o") == 0) {
            output = value;
        } else if (strcmp(option, "-c") == 0) {
            char *end;
            cpu = (int)strtol(value, &end, 10);
            if (*end != '\0' || cpu < 0 || cpu >= CPU_SETSIZE) usage();
        } else if (strcmp(option, "-e") == 0) {
            if (strchr(value, '=') == NULL || putenv((char *)value) != 0) usage();
        } else {
            usage();
        }
        first += 2;
    }
    if (first >= argc) usage();

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child = fork();
    if (child < 0) {
        perror("measure: fork");
        return 127;
    }
    if (child == 0) {
        if (cpu >= 0) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(cpu, &set);
            if (sched_setaffinity(0, sizeof set, &set) != 0) {
                perror("measure: sched_setaffinity");
                _exit(127);
            }
        }
        execvp(argv[first], argv + first);
        perror("measure: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage resources;
    if (wait4(child, &status, 0, &resources) < 0) {
        perror("measure: wait4");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    FILE *sink = output ? fopen(output, "w") : stderr;
    if (sink == NULL) {
        perror("measure: -o");
        return 127;
    }
    double cpu_seconds = (double)(resources.ru_utime.tv_sec + resources.ru_stime.tv_sec)
        + (double)(resources.ru_utime.tv_usec + resources.ru_stime.tv_usec) / 1e6;
    fprintf(sink, "seconds=%.6f maxrss_kb=%ld cpu_seconds=%.6f\n", seconds, resources.ru_maxrss, cpu_seconds);
    if (sink != stderr) fclose(sink);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 127;
}
