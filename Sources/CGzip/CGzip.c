#include "CGzip.h"

#include <stdlib.h>
#include <zlib.h>

int64_t wgz_read_file(const char *path, int64_t limit, uint8_t **out) {
    *out = NULL;
    gzFile file = gzopen(path, "rb");
    if (file == NULL) return -1;
    int64_t capacity = 1 << 20, length = 0;
    uint8_t *buffer = malloc((size_t)capacity);
    if (buffer == NULL) { gzclose(file); return -1; }
    for (;;) {
        if (length == capacity) {
            if (capacity >= limit) { free(buffer); gzclose(file); return -2; }
            capacity *= 2;
            uint8_t *grown = realloc(buffer, (size_t)capacity);
            if (grown == NULL) { free(buffer); gzclose(file); return -1; }
            buffer = grown;
        }
        int read = gzread(file, buffer + length, (unsigned)(capacity - length));
        if (read < 0) { free(buffer); gzclose(file); return -1; }
        if (read == 0) break;
        length += read;
    }
    // zlib reads a file that is not gzip as it is; a dictionary's data must be compressed.
    if (gzdirect(file)) { free(buffer); gzclose(file); return -1; }
    int status = gzclose(file);
    if (status != Z_OK) { free(buffer); return -1; }
    *out = buffer;
    return length;
}

void wgz_free(uint8_t *buffer) { free(buffer); }
