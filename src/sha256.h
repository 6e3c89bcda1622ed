/* sha256.h — SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes
 * of the HTML report's own script and style. Not for secrets. */
#ifndef CPSLINT_SHA256_H
#define CPSLINT_SHA256_H

#include <stddef.h>

#define SHA256_LEN 32

/* The digest of data[0..n) into out. */
void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN]);

/* The digest as base64 (44 characters and a NUL), as CSP writes it. */
void sha256_base64(const void *data, size_t n, char out[45]);

#endif
