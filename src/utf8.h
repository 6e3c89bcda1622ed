/* utf8.h — strict UTF-8: no overlong forms, no surrogates, nothing above
 * U+10FFFF. One definition for every module that checks or repairs bytes
 * (source decoding, JSON writing and reading).
 */
#ifndef CPSLINT_UTF8_H
#define CPSLINT_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid UTF-8 sequence at s[0..n), or 0 if the bytes
 * there are not one. n must be > 0. */
size_t utf8_seq(const unsigned char *s, size_t n);

/* 1 if s[0..n) is entirely valid UTF-8 (ASCII runs checked 8 bytes at a
 * time). */
int utf8_valid(const unsigned char *s, size_t n);

#endif
