/* lang.c — function-word language profile over ICU word tokens. */
#include "lang.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "buf.h"
#include "text.h"

enum { L_EN, L_FR, L_ES, L_DE, L_IT, L_COUNT };

#define EN (1u << L_EN)
#define FR (1u << L_FR)
#define ES (1u << L_ES)
#define DE (1u << L_DE)
#define IT (1u << L_IT)

static const char *const lang_codes[L_COUNT] = {"en", "fr", "es", "de", "it"};

typedef struct lang_word {
    const char *w;  /* case-folded UTF-8 */
    unsigned mask;  /* languages it belongs to; weight 1/popcount each */
} lang_word;

/* Very frequent function words. Words of a single language carry weight 1;
 * words shared by k languages give 1/k to each (they still count as
 * function words). Accent-stripped spellings are listed too, because
 * callers may pass matching text; where the stripped form collides with a
 * word of another language ("sera" fr vs "será" es) only the unambiguous
 * spelling is listed. */
static const lang_word lang_words[] = {
    /* English */
    {"the", EN}, {"of", EN}, {"and", EN}, {"to", EN}, {"is", EN},
    {"are", EN}, {"for", EN}, {"by", EN}, {"with", EN}, {"which", EN},
    {"that", EN}, {"this", EN}, {"these", EN}, {"shall", EN}, {"must", EN},
    {"be", EN}, {"been", EN}, {"or", EN}, {"from", EN}, {"as", EN},
    {"its", EN}, {"it", EN}, {"will", EN}, {"may", EN}, {"not", EN},
    {"any", EN}, {"has", EN}, {"have", EN}, {"such", EN}, {"other", EN},
    {"each", EN}, {"all", EN}, {"should", EN}, {"than", EN}, {"when", EN},
    {"where", EN}, {"were", EN}, {"can", EN}, {"upon", EN},
    /* French */
    {"les", FR}, {"du", FR}, {"et", FR}, {"est", FR}, {"une", FR},
    {"pour", FR}, {"par", FR}, {"dans", FR}, {"qui", FR}, {"au", FR},
    {"aux", FR}, {"sur", FR}, {"pas", FR}, {"ou", FR}, {"sont", FR},
    {"être", FR}, {"etre", FR}, {"ces", FR}, {"cette", FR}, {"ce", FR},
    {"sa", FR}, {"ses", FR}, {"leur", FR}, {"leurs", FR}, {"avec", FR},
    {"doit", FR}, {"peut", FR}, {"à", FR}, {"été", FR}, {"ete", FR},
    {"lors", FR}, {"afin", FR}, {"dont", FR}, {"ainsi", FR},
    {"également", FR}, {"egalement", FR}, {"chaque", FR}, {"sous", FR},
    {"lorsque", FR}, {"aussi", FR}, {"tout", FR}, {"tous", FR},
    {"toute", FR}, {"sera", FR}, {"où", FR}, {"elle", FR}, {"ils", FR},
    /* Spanish */
    {"el", ES}, {"los", ES}, {"las", ES}, {"y", ES}, {"por", ES},
    {"para", ES}, {"como", ES}, {"sus", ES}, {"más", ES}, {"pero", ES},
    {"este", ES}, {"esta", ES}, {"estos", ES}, {"estas", ES}, {"será", ES},
    {"sin", ES}, {"cuando", ES}, {"puede", ES}, {"también", ES},
    {"tambien", ES}, {"debe", ES}, {"dicho", ES}, {"dicha", ES},
    {"según", ES}, {"segun", ES}, {"otros", ES}, {"desde", ES},
    {"sobre", ES}, {"ser", ES}, {"cada", ES}, {"están", ES}, {"deberá", ES},
    {"debera", ES},
    /* German */
    {"der", DE}, {"die", DE}, {"das", DE}, {"und", DE}, {"ist", DE},
    {"von", DE}, {"mit", DE}, {"den", DE}, {"dem", DE}, {"zu", DE},
    {"für", DE}, {"fur", DE}, {"auf", DE}, {"nicht", DE}, {"ein", DE},
    {"eine", DE}, {"einer", DE}, {"eines", DE}, {"einem", DE},
    {"werden", DE}, {"wird", DE}, {"sich", DE}, {"auch", DE}, {"oder", DE},
    {"im", DE}, {"nach", DE}, {"bei", DE}, {"aus", DE}, {"durch", DE},
    {"sind", DE}, {"kann", DE}, {"muss", DE}, {"vom", DE}, {"zur", DE},
    {"zum", DE}, {"wie", DE}, {"als", DE}, {"dass", DE}, {"daß", DE},
    {"diese", DE}, {"dieser", DE}, {"wenn", DE}, {"über", DE},
    {"sowie", DE}, {"gemäß", DE},
    /* Italian */
    {"di", IT}, {"che", IT}, {"della", IT}, {"delle", IT}, {"dei", IT},
    {"degli", IT}, {"dello", IT}, {"è", IT}, {"e", IT}, {"gli", IT},
    {"nel", IT}, {"nella", IT}, {"nei", IT}, {"alla", IT}, {"alle", IT},
    {"dalla", IT}, {"sulla", IT}, {"questo", IT}, {"questa", IT},
    {"questi", IT}, {"deve", IT}, {"essere", IT}, {"può", IT}, {"puo", IT},
    {"anche", IT}, {"come", IT}, {"ogni", IT}, {"dal", IT}, {"ai", IT},
    {"agli", IT}, {"tra", IT}, {"più", IT}, {"piu", IT}, {"viene", IT},
    {"sia", IT}, {"sono", IT}, {"ed", IT}, {"da", IT},
    /* shared, weighed down */
    {"le", FR | IT}, {"des", FR | DE}, {"il", FR | IT}, {"ne", FR | IT},
    {"la", FR | ES | IT}, {"de", FR | ES}, {"en", FR | ES},
    {"un", FR | ES | IT}, {"que", FR | ES}, {"non", FR | IT},
    {"son", FR | ES}, {"se", FR | ES | IT}, {"entre", FR | ES},
    {"lo", ES | IT}, {"del", ES | IT}, {"al", ES | IT}, {"con", ES | IT},
    {"una", ES | IT}, {"su", ES | IT}, {"o", ES | IT}, {"ha", ES | IT},
    {"es", ES | DE}, {"an", EN | DE}, {"in", EN | DE | IT},
    {"on", EN | FR}, {"no", EN | ES | IT}, {"per", EN | IT},
    {"was", EN | DE},
};

/* Elided prefixes (the part before the apostrophe, folded). */
static const lang_word lang_elisions[] = {
    {"d", FR}, {"qu", FR}, {"n", FR}, {"s", FR}, {"c", FR}, {"j", FR},
    {"jusqu", FR}, {"lorsqu", FR}, {"puisqu", FR},
    {"l", FR | IT},
    {"dell", IT}, {"nell", IT}, {"all", IT}, {"dall", IT}, {"sull", IT},
    {"un", IT}, {"quest", IT},
};

#define LANG_NWORDS (sizeof lang_words / sizeof lang_words[0])
#define LANG_HSIZE 1024u  /* power of two, > 2 * LANG_NWORDS */

typedef struct lang_table {
    uint16_t slot[LANG_HSIZE];  /* index + 1; 0 = empty */
} lang_table;

static uint32_t lang_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void lang_table_build(lang_table *t)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < LANG_NWORDS; i++) {
        const char *w = lang_words[i].w;
        uint32_t h = lang_hash(w, strlen(w)) & (LANG_HSIZE - 1);
        while (t->slot[h])
            h = (h + 1) & (LANG_HSIZE - 1);
        t->slot[h] = (uint16_t)(i + 1);
    }
}

static unsigned lang_table_find(const lang_table *t, const char *w, size_t n)
{
    uint32_t h = lang_hash(w, n) & (LANG_HSIZE - 1);
    while (t->slot[h]) {
        const lang_word *e = &lang_words[t->slot[h] - 1];
        if (strlen(e->w) == n && memcmp(e->w, w, n) == 0)
            return e->mask;
        h = (h + 1) & (LANG_HSIZE - 1);
    }
    return 0;
}

static unsigned lang_elision_find(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof lang_elisions / sizeof lang_elisions[0]; i++)
        if (strlen(lang_elisions[i].w) == n && memcmp(lang_elisions[i].w, w, n) == 0)
            return lang_elisions[i].mask;
    return 0;
}

static void lang_add(double score[L_COUNT], unsigned mask, double weight)
{
    int k = 0;
    for (int l = 0; l < L_COUNT; l++)
        if (mask & (1u << l))
            k++;
    if (k == 0)
        return;
    for (int l = 0; l < L_COUNT; l++)
        if (mask & (1u << l))
            score[l] += weight / k;
}

/* Longest token we look up whole; longer tokens are only checked for an
 * elided prefix and accents. */
#define LANG_MAXWORD 12

/* Scores one word token u[0..len). */
static void lang_token(const lang_table *t, const UChar *u, int32_t len,
                       double score[L_COUNT], size_t *words)
{
    char w[64];
    size_t wn = 0;
    size_t apos = 0;   /* byte index of the first apostrophe + 1; 0 = none */
    int ncp = 0;
    int truncated = 0;
    int fr_accent = 0, de_accent = 0;
    int32_t i = 0;

    while (i < len) {
        UChar32 c;
        U16_NEXT(u, i, len, c);
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        switch (c) {
        case 0x00EA: case 0x00E2: case 0x00EE: case 0x00F4: case 0x00FB:
        case 0x00E7: case 0x0153: case 0x00EB: case 0x00EF:
            fr_accent = 1;   /* ê â î ô û ç œ ë ï */
            break;
        case 0x00E4: case 0x00F6: case 0x00FC: case 0x00DF:
            de_accent = 1;   /* ä ö ü ß */
            break;
        case 0x2019: case 0x02BC: case 0x2018:
            c = '\'';
            break;
        default:
            break;
        }
        if (truncated)
            continue;
        if (++ncp > LANG_MAXWORD || wn + 4 >= sizeof w) {
            truncated = 1;
            continue;
        }
        if (c == '\'' && !apos)
            apos = wn + 1;
        U8_APPEND_UNSAFE(w, wn, c);
    }
    if (fr_accent)
        score[L_FR] += 0.25;
    if (de_accent)
        score[L_DE] += 0.25;

    /* "l'autorité", "qu'il", "dell'autorità": one ICU token each. */
    if (apos > 1 && (truncated || apos < wn)) {
        unsigned m = lang_elision_find(w, apos - 1);
        if (m) {
            lang_add(score, m, 1.0);
            (*words)++;
        }
        return;
    }
    if (truncated || apos)
        return;
    unsigned m = lang_table_find(t, w, wn);
    if (m) {
        lang_add(score, m, 1.0);
        (*words)++;
    }
}

struct lang_detector {
    UBreakIterator *bi;  /* word iterator, re-pointed with ubrk_setText */
    UChar *u;            /* UTF-16 buffer, grown as needed */
    size_t ucap;         /* UChars u holds */
    lang_table t;        /* function words, hashed once */
};

int lang_detector_open(lang_detector **out, cps_err *e)
{
    *out = NULL;
    lang_detector *d = xcalloc(1, sizeof *d);
    UErrorCode st = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    d->bi = ubrk_open(UBRK_WORD, "root", empty, 0, &st);
    if (U_FAILURE(st)) {
        ubrk_close(d->bi); /* NULL-safe */
        free(d);
        return text_icu_error(e, "opening the word break iterator", st);
    }
    lang_table_build(&d->t);
    *out = d;
    return CPS_OK;
}

void lang_detector_free(lang_detector *d)
{
    if (!d)
        return;
    ubrk_close(d->bi);
    free(d->u);
    free(d);
}

int lang_detect_with(lang_detector *d, const char *text, size_t n, lang_guess *out,
                     cps_err *e)
{
    lang_guess g;
    memset(&g, 0, sizeof g);
    strcpy(g.code, "und");
    *out = g;
    if (!d || !text || n == 0)
        return CPS_OK;

    /* ICU lengths are int32_t: look at the first 1 GiB at most. */
    if (n > ((size_t)1 << 30)) {
        n = (size_t)1 << 30;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }

    /* UTF-8 never needs more UTF-16 units than bytes. */
    if (d->ucap < n + 1) {
        free(d->u);
        d->ucap = n + 1 > 256 ? n + 1 : 256;
        d->u = xmalloc(d->ucap * sizeof *d->u);
    }
    UChar *u = d->u;
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, (int32_t)(n + 1), &ulen, text, (int32_t)n,
                         0xFFFD, NULL, &st);
    if (U_FAILURE(st))
        return text_icu_error(e, "u_strFromUTF8WithSub", st);
    UBreakIterator *bi = d->bi;
    ubrk_setText(bi, u, ulen, &st);
    if (U_FAILURE(st))
        return text_icu_error(e, "ubrk_setText", st);

    double score[L_COUNT] = {0};
    size_t words = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE;
         start = end, end = ubrk_next(bi)) {
        if (ubrk_getRuleStatus(bi) < UBRK_WORD_LETTER)
            continue;
        lang_token(&d->t, u + start, end - start, score, &words);
    }
    /* Keep no pointer into the buffer past this call. */
    ubrk_setText(bi, u, 0, &st);

    int best = 0;
    double total = 0, second = 0;
    for (int l = 0; l < L_COUNT; l++) {
        total += score[l];
        if (score[l] > score[best])
            best = l;
    }
    for (int l = 0; l < L_COUNT; l++)
        if (l != best && score[l] > second)
            second = score[l];
    g.words = words;
    if (!(words < 8 || total <= 0 || score[best] <= second)) {
        strcpy(g.code, lang_codes[best]);
        g.confidence = score[best] / total;
    }
    *out = g;
    return CPS_OK;
}

lang_guess lang_detect(const char *text, size_t n)
{
    lang_guess g;
    memset(&g, 0, sizeof g);
    strcpy(g.code, "und");
    if (!text || n == 0)
        return g;
    lang_detector *d;
    if (lang_detector_open(&d, NULL) == 0 && lang_detect_with(d, text, n, &g, NULL) != 0)
        strcpy(g.code, "und");
    lang_detector_free(d);
    return g;
}

void lang_primary(const char *tag, char out[12])
{
    out[0] = '\0';
    if (!tag)
        return;
    while (*tag == ' ' || *tag == '\t' || *tag == '\r' || *tag == '\n')
        tag++;
    size_t k = 0;
    for (; tag[k] && tag[k] != '-' && tag[k] != '_'; k++) {
        char c = tag[k];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            break;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) || k >= 8) {
            out[0] = '\0';   /* not a BCP 47 primary subtag */
            return;
        }
        out[k] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[k] = '\0';
}

static int lang_detectable(const char *code)
{
    for (int l = 0; l < L_COUNT; l++)
        if (strcmp(code, lang_codes[l]) == 0)
            return 1;
    return 0;
}

void lang_decide(const char *declared, const lang_guess *g, char out[12])
{
    char d[12];
    lang_primary(declared, d);
    int profiled = g && lang_detectable(g->code);
    if (profiled && g->confidence >= 0.6 && g->words >= 20 &&
        (d[0] == '\0' || lang_detectable(d) || strcmp(d, "und") == 0 ||
         strcmp(d, "mul") == 0) &&
        strcmp(d, g->code) != 0) {
        strcpy(out, g->code);
        return;
    }
    if (d[0]) {
        strcpy(out, d);
        return;
    }
    strcpy(out, profiled ? g->code : "und");
}
