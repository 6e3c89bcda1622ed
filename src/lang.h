/* lang.h — which language a text is written in.
 *
 * ICU has no language detector; cpslint counts function words over ICU
 * word tokens (ubrk UBRK_WORD with rule status >= UBRK_WORD_LETTER) for
 * en, fr, es, de and it, plus French elisions (l' d' qu' n' s' c' j' with
 * either apostrophe), and a small accent-density signal for French. Texts
 * with fewer than 8 counted function words are "und" unless a hint says
 * otherwise.
 */
#ifndef CPSLINT_LANG_H
#define CPSLINT_LANG_H

#include <stddef.h>

typedef struct lang_guess {
    char code[4];        /* "en", "fr", "es", "de", "it" or "und" */
    double confidence;   /* 0..1: share of the winner among counted words */
    size_t words;        /* function words counted */
} lang_guess;

/* Guess the language of UTF-8 text[0..n). */
lang_guess lang_detect(const char *text, size_t n);

/* Normalise a BCP 47 tag to its primary subtag, lower case ("fr-FR" ->
 * "fr"); "" for NULL or empty. out must hold 12 bytes. */
void lang_primary(const char *tag, char out[12]);

/* The language of a document or section: the content profile wins over a
 * declared attribute when it is confident (>= 0.6 with >= 20 words) and
 * disagrees; otherwise the declared language, otherwise the profile. */
void lang_decide(const char *declared, const lang_guess *g, char out[12]);

#endif
