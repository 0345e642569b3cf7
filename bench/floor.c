/* The floor for `make bench`: read every file, run libyaml's event parser over it, free. Nothing else.
 *
 *   floor [-j THREADS] LISTFILE     LISTFILE holds one path per line
 *
 * Prints "files=N bytes=B events=E seconds=S" on stdout. */
#include <yaml.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static char **paths;
static size_t count;
static size_t next_index;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

struct totals { size_t files, bytes, events, failures; };

static void parse_one(const char *path, struct totals *t) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { t->failures++; return; }
    struct stat info;
    if (fstat(fd, &info) != 0) { close(fd); t->failures++; return; }
    size_t size = (size_t)info.st_size;
    unsigned char *buffer = malloc(size + 1);
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buffer + got, size - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, got);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { t->failures++; break; }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        t->events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buffer);
    t->files++;
    t->bytes += got;
}

static void *worker(void *arg) {
    struct totals *t = arg;
    for (;;) {
        pthread_mutex_lock(&lock);
        size_t start = next_index;
        next_index += 64;
        pthread_mutex_unlock(&lock);
        if (start >= count) break;
        size_t end = start + 64 < count ? start + 64 : count;
        for (size_t i = start; i < end; i++) parse_one(paths[i], t);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1;
    int arg = 1;
    if (argc > 2 && strcmp(argv[1], "-j") == 0) { threads = atoi(argv[2]); arg = 3; }
    if (arg >= argc || threads < 1) { fprintf(stderr, "usage: floor [-j THREADS] LISTFILE\n"); return 64; }
    FILE *list = fopen(argv[arg], "r");
    if (!list) { perror(argv[arg]); return 1; }
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[count++] = strdup(line);
    }
    fclose(list);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t ids[64];
    struct totals totals[64];
    memset(totals, 0, sizeof totals);
    if (threads > 64) threads = 64;
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, worker, &totals[i]);
    struct totals sum = {0, 0, 0, 0};
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        sum.files += totals[i].files; sum.bytes += totals[i].bytes;
        sum.events += totals[i].events; sum.failures += totals[i].failures;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("files=%zu bytes=%zu events=%zu failures=%zu seconds=%.6f\n", sum.files, sum.bytes, sum.events, sum.failures, seconds);
    return sum.failures ? 1 : 0;
}
