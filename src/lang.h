/* lang.h — which language a text is written in.
 *
 * ICU has no language detector; cpslint counts function words over ICU
 * word tokens (ubrk UBRK_WORD, locale "root", rule status >=
 * UBRK_WORD_LETTER), case-folded, for en, fr, es, de and it. A word of one
 * language scores 1 for it; a word shared by k languages ("la", "de",
 * "in") scores 1/k for each. Elided prefixes count as function words
 * (either apostrophe): d' qu' n' s' c' j' for fr, l' for fr and it
 * (half each), dell' nell' all' un' ... for it. A token containing
 * ê â î ô û ç œ ë ï adds 0.25 to fr, one containing ä ö ü ß adds 0.25 to
 * de (these do not count as function words). Texts with fewer than 8
 * counted function words, or where two languages tie, are "und" (use
 * lang_decide to combine with a declared language).
 *
 * Cost: one UTF-8 -> UTF-16 conversion and a word-break pass, linear in
 * n. Opening an ICU break iterator costs more than detecting the language
 * of a 2 KB sample (~37 K instructions), so callers that detect many texts
 * keep a lang_detector, which holds one iterator (re-pointed with
 * ubrk_setText), a UTF-16 buffer and the function-word table. Only the
 * first 1 GiB of a larger text is looked at.
 * No global state. A detector is not shared between threads: use one per
 * thread (or per analysis).
 */
#ifndef CPSLINT_LANG_H
#define CPSLINT_LANG_H

#include <stddef.h>

#include "err.h"

typedef struct lang_guess {
    char code[4];        /* "en", "fr", "es", "de", "it" or "und" */
    double confidence;   /* 0..1: the winner's share of all scores; 0 for "und" */
    size_t words;        /* function words counted (also for "und") */
} lang_guess;

typedef struct lang_detector lang_detector;

/* Open a detector into *out (caller frees with lang_detector_free). When
 * ICU cannot open a word break iterator (out of memory: CPS_E_NOMEM "out
 * of memory in ICU (...)"; its data missing: CPS_E_INPUT), *out is NULL
 * and e is filled (text_icu_error): the document cannot be read, it is
 * not of an unknown language. */
int lang_detector_open(lang_detector **out, cps_err *e);
void lang_detector_free(lang_detector *d);   /* NULL is fine */

/* Guess the language of UTF-8 text[0..n) into *g (NFC or matching text;
 * invalid sequences count as U+FFFD). text may be NULL when n is 0; d
 * NULL or no text gives "und". The result does not depend on what d was
 * used for before. Fails (e filled, *g "und") when an ICU call reports a
 * failure: never a guess from part of the text. (ICU's word iterator
 * reports no error from ubrk_next: a dictionary it fails to load for
 * Thai or CJK words is out of reach; Latin text loads none.) */
int lang_detect_with(lang_detector *d, const char *text, size_t n, lang_guess *g,
                     cps_err *e);

/* The same with a detector of its own (opened and closed per call): for
 * one-off use and tests only, never on a document's text (an ICU failure
 * reads as "und" here). */
lang_guess lang_detect(const char *text, size_t n);

/* Normalise a BCP 47 tag to its primary subtag, lower case ("fr-FR" ->
 * "fr", "EN_us" -> "en", " fr " -> "fr"); "" for NULL, empty, or a primary
 * subtag that is not 1-8 ASCII letters. out must hold 12 bytes. */
void lang_primary(const char *tag, char out[12]);

/* The language of a document or section, written to out (12 bytes): the
 * content profile g wins over the declared tag when it is confident
 * (confidence >= 0.6 with >= 20 words) and disagrees, provided the declared
 * primary subtag is one the profile can recognise (en fr es de it) or
 * "und"/"mul"/absent: a declared "pt" or "nl" is kept, since the profile
 * would only ever call such a text es or de. Otherwise the declared
 * primary subtag, otherwise the profile's code ("und" if g is NULL).
 * declared and g may be NULL. */
void lang_decide(const char *declared, const lang_guess *g, char out[12]);

#endif
