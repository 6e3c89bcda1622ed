/* prefilter.h — which blocks a pattern cannot match, found without PCRE2.
 *
 * Most rules' patterns are alternations of words ("\b(?:ccadb|common\s+ca
 * \s+database)\b"), and most blocks contain none of them, yet each
 * (pattern, block) pair cost one PCRE2 call that scanned the whole block.
 * A prefilter reads each pattern's source once, at load, for a set of
 * literals of which every match must contain at least one ("ccadb",
 * "common"); one Aho-Corasick pass over a document's matching text then
 * tells, for every pattern and block, whether one of its literals occurs
 * there. Where none does, the pattern cannot match the block or any part
 * of it, and PCRE2 is not called; where one does, PCRE2 decides as before,
 * so results are identical.
 *
 * Soundness rests on two things. (1) The extractor is conservative: it
 * understands a subset of PCRE2 syntax (literals, escapes, classes,
 * groups, alternation, quantifiers, lookarounds) and gives up (no
 * literals: the pattern is always run) on anything else (\Q, inline
 * options, verbs, conditionals, backreferences, recursion). Literals are
 * ASCII only, lower-cased; what is optional (a quantifier with minimum 0)
 * or inside a lookaround contributes none. (2) Subjects are matching text
 * (text.h): ASCII is lower case there, and the only non-ASCII characters
 * that a caseless UCP pattern matches to an ASCII letter, U+212A KELVIN
 * SIGN and U+017F LONG S, are folded to k and s. The scan lower-cases
 * ASCII itself, so only (2)'s non-ASCII half is assumed.
 *
 * Ownership: a prefilter is built from pattern sources (copied as
 * literals; the sources are not kept) and is read-only afterwards, so one
 * may serve several threads. A pf_hits belongs to one document scan.
 */
#ifndef CPSLINT_PREFILTER_H
#define CPSLINT_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

/* The necessary literals of pattern src (UTF-8, compiled caseless): on
 * success returns their number (>= 1) and sets *out to a malloc'd array
 * of malloc'd NUL-terminated strings (prefilter_literals_free). Returns 0
 * (nothing set) when the pattern may match without any literal, or its
 * syntax is beyond the extractor. */
size_t prefilter_literals(const char *src, char ***out);
void prefilter_literals_free(char **lits, size_t n);

typedef struct prefilter prefilter;

/* An automaton over the literals of npat patterns (lits[i][0..nlits[i]),
 * as prefilter_literals gives them; copied): pattern i gets id i, and one
 * with nlits[i] == 0 is always a candidate. Never NULL (aborts on
 * out-of-memory, as buf.h). */
prefilter *prefilter_build(char *const *const *lits, const size_t *nlits, size_t npat);
void prefilter_free(prefilter *pf);                 /* NULL is fine */
size_t prefilter_npatterns(const prefilter *pf);

/* One bit per (pattern, block): 1 when the pattern may match the block. */
typedef struct pf_hits {
    size_t npat, nblocks;
    size_t words;            /* 64-bit words per pattern row */
    uint64_t *bits;          /* npat rows of `words` words (owned) */
} pf_hits;

/* Scan the matching text of blocks 0..nblocks-1; texts[i], lens[i] is
 * block i's (NULL, 0 for a block without text). *h owns its bits
 * (pf_hits_free). */
void prefilter_scan(const prefilter *pf, const char *const *texts, const size_t *lens,
                    size_t nblocks, pf_hits *h);
void pf_hits_free(pf_hits *h);

/* 1 if pattern id may match block bi (always 1 for an id or block outside
 * the scan). */
static inline int pf_may(const pf_hits *h, size_t id, size_t bi)
{
    if (!h || id >= h->npat || bi >= h->nblocks)
        return 1;
    return (int)((h->bits[id * h->words + bi / 64] >> (bi % 64)) & 1u);
}

#endif
