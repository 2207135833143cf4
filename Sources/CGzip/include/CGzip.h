// Reads a whole gzip file (a dictd `.dict.dz` is gzip with an index in its header) through zlib.
// The header includes only <stdint.h>, like CICU's and CXML's.
#ifndef WERGER_CGZIP_H
#define WERGER_CGZIP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Inflates the gzip file at `path` into a buffer the caller frees with wgz_free. Returns the
/// length, or -1 when the file cannot be opened or is not valid gzip, -2 when it inflates to more
/// than `limit` bytes.
int64_t wgz_read_file(const char *path, int64_t limit, uint8_t **out);
void wgz_free(uint8_t *buffer);

#ifdef __cplusplus
}
#endif

#endif
