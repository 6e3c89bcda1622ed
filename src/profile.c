#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "text.h"

/* Where a needle counts. */
enum {
    W_TITLE = 1u,  /* <title>, front matter title lines, headings before section 1 */
    W_INTRO = 2u,  /* front matter and sections 1, 1.1, 1.2 */
    W_ANY = 4u     /* every block outside the TOC and the revision history */
};

/* How a needle is bounded. */
enum {
    NB_WORD = 0,   /* no letter or digit either side */
    NB_OID,        /* an OID: not followed by a digit or ".digit" */
    NB_ARC,        /* an OID arc ending in '.': followed by a digit */
    NB_NEG         /* a word, and evidence only when its clause is negated */
};

/* A kind of evidence: counted once per document, at its first occurrence. */
typedef struct group {
    profile_for supports;
    int weight;
    const char *what;
    int stated;    /* title or overview: what the document says it is */
} group;

enum {
    G_T_CPCPS, G_T_CPS, G_T_CP, G_T_NOT, G_T_FORUM,
    G_I_CPCPS, G_I_CPS, G_I_CP, G_I_NOT, G_I_FORUM, G_GENERIC,
    G_OID_TLS, G_OID_SMIME, G_OID_CODE,
    G_EKU_TLS, G_EKU_SMIME, G_EKU_CODE, G_NO_TLS,
    G_BR_TLS, G_BR_SMIME, G_BR_CODE,
    G_TS_TLS, G_TS_SMIME, G_TS_CODE, G_TS_OTHER,
    G_IS_TLS, G_IS_SMIME, G_IS_CODE, G_SEP_CP,
    G_COUNT
};

/* Weights: a title or a self-reference decides a kind (3; a combined
 * title 4); a standard's title (5) outweighs the "This certificate policy"
 * a standard may say of itself; a policy OID decides a scope alone, even
 * against a negated EKU (5); an
 * EKU, a named BR or a title word needs nothing more (2 = PROFILE_SCOPE_MIN);
 * a negated serverAuth counts against TLS (-3). */
static const group GROUPS[G_COUNT] = {
    [G_T_CPCPS] = {PROFILE_FOR_CP_CPS, 4, "title", 1},
    [G_T_CPS] = {PROFILE_FOR_CPS, 3, "title", 1},
    [G_T_CP] = {PROFILE_FOR_CP, 3, "title", 1},
    [G_T_NOT] = {PROFILE_FOR_NOT_POLICY, 5, "title of a requirements standard or root program policy", 1},
    [G_T_FORUM] = {PROFILE_FOR_NOT_POLICY, 2, "title names the CA/Browser Forum", 1},
    [G_I_CPCPS] = {PROFILE_FOR_CP_CPS, 3, "the document names itself", 1},
    [G_I_CPS] = {PROFILE_FOR_CPS, 3, "the document names itself", 1},
    [G_I_CP] = {PROFILE_FOR_CP, 3, "the document names itself", 1},
    [G_I_NOT] = {PROFILE_FOR_NOT_POLICY, 3, "a standard names itself (\"these Requirements\")", 1},
    [G_I_FORUM] = {PROFILE_FOR_NOT_POLICY, 2, "adopted or established by the CA/Browser Forum", 1},
    [G_GENERIC] = {PROFILE_FOR_NOT_POLICY, 1, "addressed to CAs in general (\"a CA's CPS\")", 0},
    [G_OID_TLS] = {PROFILE_FOR_TLS, 5, "CA/B Forum TLS policy OID", 0},
    [G_OID_SMIME] = {PROFILE_FOR_SMIME, 5, "CA/B Forum S/MIME policy OID", 0},
    [G_OID_CODE] = {PROFILE_FOR_CODE, 5, "CA/B Forum code signing policy OID", 0},
    [G_EKU_TLS] = {PROFILE_FOR_TLS, 2, "EKU serverAuth", 0},
    [G_EKU_SMIME] = {PROFILE_FOR_SMIME, 2, "EKU emailProtection", 0},
    [G_EKU_CODE] = {PROFILE_FOR_CODE, 2, "EKU codeSigning", 0},
    [G_NO_TLS] = {PROFILE_FOR_TLS, -3, "serverAuth excluded", 0},
    [G_BR_TLS] = {PROFILE_FOR_TLS, 2, "names the TLS BR or EV Guidelines", 0},
    [G_BR_SMIME] = {PROFILE_FOR_SMIME, 2, "names the S/MIME BR", 0},
    [G_BR_CODE] = {PROFILE_FOR_CODE, 2, "names the code signing BR", 0},
    [G_TS_TLS] = {PROFILE_FOR_TLS, 2, "title", 1},
    [G_TS_SMIME] = {PROFILE_FOR_SMIME, 2, "title", 1},
    [G_TS_CODE] = {PROFILE_FOR_CODE, 2, "title", 1},
    [G_TS_OTHER] = {PROFILE_FOR_OTHER, 2, "title", 1},
    [G_IS_TLS] = {PROFILE_FOR_TLS, 2, "overview", 1},
    [G_IS_SMIME] = {PROFILE_FOR_SMIME, 2, "overview", 1},
    [G_IS_CODE] = {PROFILE_FOR_CODE, 2, "overview", 1},
    [G_SEP_CP] = {PROFILE_FOR_CPS, 0, "refers to a separate CP", 0},
};

typedef struct needle {
    const char *s;     /* matching text: lower case, accents stripped */
    int group;
    unsigned where;
    int bound;
} needle;

/* Kind needles of a title come first and in this order: a block that
 * names the combined document does not also count as a CP and a CPS, and
 * a title that names a CP or CPS is never a standard's title. */
static const needle NEEDLES[] = {
    {"certificate policy and certification practice statement", G_T_CPCPS, W_TITLE, NB_WORD},
    {"certificate policy and certification practices statement", G_T_CPCPS, W_TITLE, NB_WORD},
    {"cp/cps", G_T_CPCPS, W_TITLE, NB_WORD},
    {"politique de certification et declaration des pratiques", G_T_CPCPS, W_TITLE, NB_WORD},
    {"politique et declaration des pratiques de certification", G_T_CPCPS, W_TITLE, NB_WORD},
    {"pc/dpc", G_T_CPCPS, W_TITLE, NB_WORD},
    {"certification practice statement", G_T_CPS, W_TITLE, NB_WORD},
    {"certification practices statement", G_T_CPS, W_TITLE, NB_WORD},
    {"declaration des pratiques de certification", G_T_CPS, W_TITLE, NB_WORD},
    {"cps", G_T_CPS, W_TITLE, NB_WORD},
    {"dpc", G_T_CPS, W_TITLE, NB_WORD},
    {"certificate policy", G_T_CP, W_TITLE, NB_WORD},
    {"certification policy", G_T_CP, W_TITLE, NB_WORD},
    {"politique de certification", G_T_CP, W_TITLE, NB_WORD},
    {"baseline requirements", G_T_NOT, W_TITLE, NB_WORD},
    {"guidelines for the issuance and management", G_T_NOT, W_TITLE, NB_WORD},
    {"minimum requirements for the issuance", G_T_NOT, W_TITLE, NB_WORD},
    {"root store policy", G_T_NOT, W_TITLE, NB_WORD},
    {"root program policy", G_T_NOT, W_TITLE, NB_WORD},
    {"root program requirements", G_T_NOT, W_TITLE, NB_WORD},
    {"certificate system security requirements", G_T_NOT, W_TITLE, NB_WORD},
    {"exigences de base", G_T_NOT, W_TITLE, NB_WORD},
    {"ca/browser forum", G_T_FORUM, W_TITLE, NB_WORD},
    /* self-references in the front matter and 1, 1.1, 1.2 */
    {"this combined certificate policy", G_I_CPCPS, W_INTRO, NB_WORD},
    {"this certificate policy and certification practice", G_I_CPCPS, W_INTRO, NB_WORD},
    {"this cp/cps", G_I_CPCPS, W_INTRO, NB_WORD},
    {"la presente pc/dpc", G_I_CPCPS, W_INTRO, NB_WORD},
    {"cette pc/dpc", G_I_CPCPS, W_INTRO, NB_WORD},
    {"la presente politique et declaration des pratiques", G_I_CPCPS, W_INTRO, NB_WORD},
    {"this certification practice statement", G_I_CPS, W_INTRO, NB_WORD},
    {"this certification practices statement", G_I_CPS, W_INTRO, NB_WORD},
    {"this cps", G_I_CPS, W_INTRO, NB_WORD},
    {"la presente declaration des pratiques", G_I_CPS, W_INTRO, NB_WORD},
    {"cette declaration des pratiques", G_I_CPS, W_INTRO, NB_WORD},
    {"la presente dpc", G_I_CPS, W_INTRO, NB_WORD},
    {"cette dpc", G_I_CPS, W_INTRO, NB_WORD},
    {"this certificate policy", G_I_CP, W_INTRO, NB_WORD},
    {"this cp", G_I_CP, W_INTRO, NB_WORD},
    {"la presente politique de certification", G_I_CP, W_INTRO, NB_WORD},
    {"cette politique de certification", G_I_CP, W_INTRO, NB_WORD},
    {"la presente pc", G_I_CP, W_INTRO, NB_WORD},
    {"cette pc", G_I_CP, W_INTRO, NB_WORD},
    {"these requirements", G_I_NOT, W_INTRO, NB_WORD},
    {"les presentes exigences", G_I_NOT, W_INTRO, NB_WORD},
    {"as adopted by the ca/browser forum", G_I_FORUM, W_INTRO, NB_WORD},
    {"adoptees par le ca/browser forum", G_I_FORUM, W_INTRO, NB_WORD},
    {"etablies par le ca/browser forum", G_I_FORUM, W_INTRO, NB_WORD},
    {"established by the ca/browser forum", G_I_FORUM, W_INTRO, NB_WORD},
    {"a ca's cps", G_GENERIC, W_ANY, NB_WORD},
    {"a ca's certificate policy", G_GENERIC, W_ANY, NB_WORD},
    {"of their cps", G_GENERIC, W_ANY, NB_WORD},
    {"in their cps", G_GENERIC, W_ANY, NB_WORD},
    /* policy OIDs */
    {"2.23.140.1.2.", G_OID_TLS, W_ANY, NB_ARC},
    {"2.23.140.1.1", G_OID_TLS, W_ANY, NB_OID},
    {"2.23.140.1.31", G_OID_TLS, W_ANY, NB_OID},
    {"2.23.140.1.5.", G_OID_SMIME, W_ANY, NB_ARC},
    {"2.23.140.1.4.", G_OID_CODE, W_ANY, NB_ARC},
    {"2.23.140.1.3", G_OID_CODE, W_ANY, NB_OID},
    /* EKUs; a negated serverAuth counts against TLS */
    {"serverauth", G_NO_TLS, W_ANY, NB_NEG},
    {"serverauth", G_EKU_TLS, W_ANY, NB_WORD},
    {"1.3.6.1.5.5.7.3.1", G_EKU_TLS, W_ANY, NB_OID},
    {"tls web server authentication", G_EKU_TLS, W_ANY, NB_WORD},
    {"emailprotection", G_EKU_SMIME, W_ANY, NB_WORD},
    {"1.3.6.1.5.5.7.3.4", G_EKU_SMIME, W_ANY, NB_OID},
    {"e-mail protection", G_EKU_SMIME, W_ANY, NB_WORD},
    {"email protection", G_EKU_SMIME, W_ANY, NB_WORD},
    {"codesigning", G_EKU_CODE, W_ANY, NB_WORD},
    {"1.3.6.1.5.5.7.3.3", G_EKU_CODE, W_ANY, NB_OID},
    /* the requirements a document names */
    {"publicly-trusted tls server certificates", G_BR_TLS, W_ANY, NB_WORD},
    {"publicly trusted tls server certificates", G_BR_TLS, W_ANY, NB_WORD},
    {"issuance and management of publicly-trusted certificates", G_BR_TLS, W_ANY, NB_WORD},
    {"issuance and management of publicly trusted certificates", G_BR_TLS, W_ANY, NB_WORD},
    {"tls baseline requirements", G_BR_TLS, W_ANY, NB_WORD},
    {"management of extended validation certificates", G_BR_TLS, W_ANY, NB_WORD},
    {"publicly-trusted s/mime certificates", G_BR_SMIME, W_ANY, NB_WORD},
    {"publicly trusted s/mime certificates", G_BR_SMIME, W_ANY, NB_WORD},
    {"s/mime baseline requirements", G_BR_SMIME, W_ANY, NB_WORD},
    {"s/mime br", G_BR_SMIME, W_ANY, NB_WORD},
    {"publicly-trusted code signing certificates", G_BR_CODE, W_ANY, NB_WORD},
    {"publicly trusted code signing certificates", G_BR_CODE, W_ANY, NB_WORD},
    {"code signing baseline requirements", G_BR_CODE, W_ANY, NB_WORD},
    /* words of a title */
    {"ssl", G_TS_TLS, W_TITLE, NB_WORD},
    {"tls", G_TS_TLS, W_TITLE, NB_WORD},
    {"server certificates", G_TS_TLS, W_TITLE, NB_WORD},
    {"certificats serveur", G_TS_TLS, W_TITLE, NB_WORD},
    {"web server", G_TS_TLS, W_TITLE, NB_WORD},
    {"s/mime", G_TS_SMIME, W_TITLE, NB_WORD},
    {"smime", G_TS_SMIME, W_TITLE, NB_WORD},
    {"secure email", G_TS_SMIME, W_TITLE, NB_WORD},
    {"secure e-mail", G_TS_SMIME, W_TITLE, NB_WORD},
    {"messagerie", G_TS_SMIME, W_TITLE, NB_WORD},
    {"code signing", G_TS_CODE, W_TITLE, NB_WORD},
    {"code-signing", G_TS_CODE, W_TITLE, NB_WORD},
    {"signature de code", G_TS_CODE, W_TITLE, NB_WORD},
    {"qualified", G_TS_OTHER, W_TITLE, NB_WORD},
    {"qualifies", G_TS_OTHER, W_TITLE, NB_WORD},
    {"qualifie", G_TS_OTHER, W_TITLE, NB_WORD},
    {"document signing", G_TS_OTHER, W_TITLE, NB_WORD},
    {"timestamping", G_TS_OTHER, W_TITLE, NB_WORD},
    {"time-stamping", G_TS_OTHER, W_TITLE, NB_WORD},
    {"horodatage", G_TS_OTHER, W_TITLE, NB_WORD},
    {"electronic signature", G_TS_OTHER, W_TITLE, NB_WORD},
    {"signature electronique", G_TS_OTHER, W_TITLE, NB_WORD},
    /* what the overview says the certificates are */
    {"tls server certificate", G_IS_TLS, W_INTRO, NB_WORD},
    {"ssl certificate", G_IS_TLS, W_INTRO, NB_WORD},
    {"server authentication certificate", G_IS_TLS, W_INTRO, NB_WORD},
    {"certificats ssl", G_IS_TLS, W_INTRO, NB_WORD},
    {"certificats tls", G_IS_TLS, W_INTRO, NB_WORD},
    {"certificats serveur", G_IS_TLS, W_INTRO, NB_WORD},
    {"certificats d'authentification serveur", G_IS_TLS, W_INTRO, NB_WORD},
    {"s/mime certificate", G_IS_SMIME, W_INTRO, NB_WORD},
    {"certificats s/mime", G_IS_SMIME, W_INTRO, NB_WORD},
    {"secure email", G_IS_SMIME, W_INTRO, NB_WORD},
    {"messagerie securisee", G_IS_SMIME, W_INTRO, NB_WORD},
    {"code signing certificate", G_IS_CODE, W_INTRO, NB_WORD},
    {"certificats de signature de code", G_IS_CODE, W_INTRO, NB_WORD},
    /* a CPS that implements a CP published apart */
    {"certificate policy (cp", G_SEP_CP, W_INTRO, NB_WORD},
    {"certificate policy (\"cp", G_SEP_CP, W_INTRO, NB_WORD},
    {"its certificate policy", G_SEP_CP, W_INTRO, NB_WORD},
    {"our certificate policy", G_SEP_CP, W_INTRO, NB_WORD},
    {"the applicable certificate policy", G_SEP_CP, W_INTRO, NB_WORD},
    {"politique de certification (pc", G_SEP_CP, W_INTRO, NB_WORD},
    {"politique de certification (\"pc", G_SEP_CP, W_INTRO, NB_WORD},
    {"sa politique de certification", G_SEP_CP, W_INTRO, NB_WORD},
    {"la politique de certification applicable", G_SEP_CP, W_INTRO, NB_WORD},
};

#define NNEEDLES (sizeof NEEDLES / sizeof NEEDLES[0])
_Static_assert(NNEEDLES <= 256, "needle indices are stored in a byte");

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* The first bounded occurrence of nd in s[0..n) at or after from, or -1. */
static long find_needle(const char *s, size_t n, const needle *nd)
{
    size_t nl = strlen(nd->s);
    const char *p = s;
    while (p + nl <= s + n && (p = strstr(p, nd->s)) != NULL && p + nl <= s + n) {
        size_t at = (size_t)(p - s), end = at + nl;
        unsigned char before = at ? (unsigned char)s[at - 1] : ' ';
        unsigned char after = end < n ? (unsigned char)s[end] : ' ';
        unsigned char after2 = end + 1 < n ? (unsigned char)s[end + 1] : ' ';
        int ok;
        if (nd->bound == NB_ARC)
            ok = !is_digit(before) && before != '.' && is_digit(after);
        else if (nd->bound == NB_OID)
            ok = !is_digit(before) && before != '.' && !is_digit(after) &&
                 !(after == '.' && is_digit(after2));
        else
            ok = !is_alnum(before) && !(before == '/' && is_alnum((unsigned char)nd->s[0])) &&
                 (!is_alnum((unsigned char)nd->s[nl - 1]) ||
                  (!is_alnum(after) && after != '/' && !(after == '-' && is_alnum(after2))));
        if (ok)
            return (long)at;
        p++;
    }
    return -1;
}

static const char *const NEGATIONS[] = {
    "shall not", "must not", "will not", "does not", "do not", "not be present", "not present",
    "not include", "not contain", "not assert", "never", "excluded", "excluding", "prohibited",
    "forbidden", "no certificate", "no certificates", "no subscriber certificate", "none of",
    "may not", "cannot", "can not", "not be used", "not used", "not permitted", "not allowed",
    "not set", "not asserted", "not included",
    "aucun certificat", "pas", "absent", "absente", "exclus", "exclue", "ne doit pas", "ne doivent pas", "ne contient pas", "ne contiennent pas",
    "n'est pas", "jamais", "exclu", "interdit", "sans l'extension", NULL};

/* Any "not" or "no": for a named standard or certificate type, not for an
 * EKU, whose profile rows carry "no other value" next to a present EKU. */
static const char *const NEGATIONS_BROAD[] = {"not", "no", "none", "aucun", "aucune", "non", NULL};

/* 1 if the clause of s holding [at, at + len) says "not" near it: within
 * NEG_NEAR bytes either side ("id-kp-emailProtection and anyEKU SHALL NOT
 * be present", "does not include serverAuth", "no serverAuth"); broad: also
 * NEGATIONS_BROAD ("no domain validation method of the TLS Baseline
 * Requirements is used"). */
#define NEG_NEAR 64

/* 1 if one of words occurs in s[0..n) as a word (find_needle, NB_WORD). */
static int any_word(const char *s, size_t n, const char *const *words)
{
    for (size_t i = 0; words[i]; i++) {
        needle nd = {words[i], 0, 0, NB_WORD};
        if (find_needle(s, n, &nd) >= 0)
            return 1;
    }
    return 0;
}

static int clause_negated(const char *s, size_t n, size_t at, size_t len, int broad)
{
    size_t *starts = NULL;
    size_t nc = text_clauses(s, n, &starts);
    size_t cs = 0, ce = n;
    for (size_t k = 0; k < nc; k++)
        if (starts[k] <= at && at < starts[k + 1]) {
            cs = starts[k];
            ce = starts[k + 1];
            break;
        }
    free(starts);
    size_t ws = at > cs + NEG_NEAR ? at - NEG_NEAR : cs;
    size_t we = at + len + NEG_NEAR < ce ? at + len + NEG_NEAR : ce;
    if (any_word(s + ws, we - ws, NEGATIONS) || (broad && any_word(s + ws, we - ws, NEGATIONS_BROAD)))
        return 1;
    if (at >= cs + 3 && !strncmp(s + at - 3, "no ", 3))
        return 1;
    return 0;
}

typedef struct scan {
    analysis *a;
    doc_profile *p;
    int done[G_COUNT];
    int score[PROFILE_FOR_COUNT];
    unsigned stated;          /* scopes the title or overview state */
    /* per where-mask (W_*, 1..7): the needles it reads, in table order */
    unsigned char nd_of[8][NNEEDLES];
    size_t nnd[8];
    unsigned char nd_built;   /* bit m: nd_of[m] is built */
} scan;

static void add_evidence(scan *sc, int g, long bi, const char *disp, size_t dlen, size_t ss,
                         size_t se)
{
    doc_profile *p = sc->p;
    const group *gr = &GROUPS[g];
    sc->done[g] = 1;
    sc->score[gr->supports] += gr->weight;
    if (gr->stated && gr->supports >= PROFILE_FOR_TLS && gr->weight > 0)
        sc->stated |= 1u << (gr->supports - PROFILE_FOR_TLS);
    p->ev = xrealloc(p->ev, (p->nev + 1) * sizeof *p->ev);
    profile_evidence *e = &p->ev[p->nev++];
    memset(e, 0, sizeof *e);
    e->supports = gr->supports;
    e->weight = gr->weight;
    e->what = gr->what;
    if (bi >= 0) {
        const analysis *a = sc->a;
        int si = a->o.block_sec ? a->o.block_sec[bi] : -1;
        if (si >= 0)
            snprintf(e->section, sizeof e->section, "%s", a->o.secs[si].number);
        e->line = a->d.blocks[bi].line;
    }
    e->quote = text_snippet(disp, dlen, ss, se, 160, NULL, NULL);
}

/* 1 if block bi is in 1.4.2 "Prohibited certificate uses": the uses it
 * names are the ones the certificates may not serve. */
static int in_prohibited_uses(const analysis *a, size_t bi)
{
    int si = a->o.block_sec ? a->o.block_sec[bi] : -1;
    return si >= 0 && outline_number_within(a->o.secs[si].number, "1.4.2");
}

/* Look for every needle allowed in `where` in the folded text of one block
 * (bi, or -1 for the document title). */
static void scan_text(scan *sc, const text_map *tm, const char *disp, size_t dlen,
                      unsigned where, long bi)
{
    int prohibited = bi >= 0 && in_prohibited_uses(sc->a, (size_t)bi);
    int kind_here = 0, combined_here = 0, self_here = 0;
    where &= 7u;
    if (!(sc->nd_built & (1u << where))) {
        for (size_t i = 0; i < NNEEDLES; i++)
            if (NEEDLES[i].where & where)
                sc->nd_of[where][sc->nnd[where]++] = (unsigned char)i;
        sc->nd_built |= (unsigned char)(1u << where);
    }
    for (size_t k = 0; k < sc->nnd[where]; k++) {
        const needle *nd = &NEEDLES[sc->nd_of[where][k]];
        int g = nd->group;
        int kind_title = g == G_T_CPCPS || g == G_T_CPS || g == G_T_CP;
        int self_ref = g == G_I_CPCPS || g == G_I_CPS || g == G_I_CP;
        if (sc->done[g] && !kind_title && !self_ref)
            continue;
        if (g == G_SEP_CP && self_here)
            continue; /* "La présente Politique de Certification (PC)" */
        if ((g == G_T_CPS || g == G_T_CP) && combined_here)
            continue;
        if ((g == G_I_CPS || g == G_I_CP) && combined_here)
            continue;
        if ((g == G_T_NOT || g == G_T_FORUM) && kind_here)
            continue;
        long at = find_needle(tm->s, tm->len, nd);
        if (at < 0)
            continue;
        if (kind_title)
            kind_here = 1;
        if (self_ref)
            self_here = 1;
        if (g == G_T_CPCPS || g == G_I_CPCPS)
            combined_here = 1;
        /* a certificate type named in a negated clause ("does not issue
         * TLS server certificates", "the TLS Baseline Requirements do not
         * apply", "may not be used for email protection") or among the
         * prohibited uses (1.4.2) is not evidence for its scope */
        int eku = g == G_EKU_TLS || g == G_EKU_SMIME || g == G_EKU_CODE;
        int named = g == G_BR_TLS || g == G_BR_SMIME || g == G_BR_CODE || g == G_IS_TLS ||
                    g == G_IS_SMIME || g == G_IS_CODE;
        int neg = (nd->bound == NB_NEG || eku || named)
                      ? ((eku || named) && prohibited) ||
                            clause_negated(tm->s, tm->len, (size_t)at, strlen(nd->s), named)
                      : 0;
        if ((nd->bound == NB_NEG) != neg)
            continue;
        if (sc->done[g])
            continue;
        size_t ss = 0, se = 0;
        text_map_span(tm, (size_t)at, (size_t)at + strlen(nd->s), &ss, &se);
        if (se > dlen)
            se = dlen;
        if (ss > se)
            ss = se;
        add_evidence(sc, g, bi, disp, dlen, ss, se);
    }
}

static int in_intro(const analysis *a, size_t bi)
{
    if (bi < a->o.first_section_block)
        return 1;
    int si = a->o.block_sec ? a->o.block_sec[bi] : -1;
    if (si < 0)
        return 0;
    const char *num = a->o.secs[si].number;
    return !strcmp(num, "1") || outline_number_within(num, "1.1") ||
           outline_number_within(num, "1.2");
}

static unsigned block_where(const analysis *a, size_t bi)
{
    const doc_block *b = &a->d.blocks[bi];
    unsigned w = W_ANY;
    if (in_intro(a, bi))
        w |= W_INTRO;
    if (bi < a->o.first_section_block &&
        (b->kind == BLOCK_HEADING || (b->flags & BLOCK_BOLD) || b->len <= 120))
        w |= W_TITLE;
    return w;
}

static void decide_kind(scan *sc)
{
    const int *s = sc->score;
    int cp = s[PROFILE_FOR_CP], cps = s[PROFILE_FOR_CPS], comb = s[PROFILE_FOR_CP_CPS];
    int nots = s[PROFILE_FOR_NOT_POLICY];
    int best = cp > cps ? cp : cps;
    if (comb > best)
        best = comb;
    /* a standard's title or self-reference is needed: generic voice (1) and
     * a forum named in the title (2) alone stay below 5 */
    if (nots >= 5 && nots > best) {
        sc->p->kind = PROFILE_KIND_NOT_POLICY;
        return;
    }
    if (comb >= 3 || (cp >= 3 && cps >= 3))
        sc->p->kind = PROFILE_KIND_CP_CPS;
    else if (cps >= 3)
        sc->p->kind = PROFILE_KIND_CPS;
    else if (cp >= 3)
        sc->p->kind = PROFILE_KIND_CP;
}

static const profile_evidence *first_evidence(const doc_profile *p, profile_for f)
{
    for (size_t i = 0; i < p->nev; i++)
        if (p->ev[i].supports == f && p->ev[i].weight > 0)
            return &p->ev[i];
    return NULL;
}

static void decide_scopes(scan *sc)
{
    doc_profile *p = sc->p;
    unsigned set = 0;
    for (int f = PROFILE_FOR_TLS; f <= PROFILE_FOR_CODE; f++)
        if (sc->score[f] >= PROFILE_SCOPE_MIN)
            set |= 1u << (f - PROFILE_FOR_TLS);
    if (!set && (sc->score[PROFILE_FOR_OTHER] >= PROFILE_SCOPE_MIN || sc->done[G_NO_TLS]))
        set = PROFILE_SCOPE_OTHER;
    p->scopes = set;
    if (p->kind == PROFILE_KIND_NOT_POLICY)
        return; /* no rule applies: which scopes it names is only information */
    unsigned stated = sc->stated & set;
    unsigned extra = set & ~sc->stated & (PROFILE_SCOPE_TLS | PROFILE_SCOPE_SMIME | PROFILE_SCOPE_CODE);
    if (!stated || !extra)
        return;
    /* The title or overview states some scopes; evidence elsewhere names
     * another: contradictory. Keep both, say so. */
    char st[64], ex[64];
    profile_scopes_str(stated, st, sizeof st);
    profile_scopes_str(extra, ex, sizeof ex);
    buf b = {0};
    buf_printf(&b, "contradictory evidence: the title or overview states %s, but ", st);
    int first = 1;
    for (int f = PROFILE_FOR_TLS; f <= PROFILE_FOR_CODE; f++) {
        if (!(extra & (1u << (f - PROFILE_FOR_TLS))))
            continue;
        const profile_evidence *e = first_evidence(p, (profile_for)f);
        if (!e)
            continue;
        buf_printf(&b, "%s%s%s%s (\"%s\") is %s evidence", first ? "" : "; ", e->what,
                   e->section[0] ? " in " : "", e->section, e->quote ? e->quote : "",
                   profile_scope_name(1u << (f - PROFILE_FOR_TLS)));
        first = 0;
    }
    buf_printf(&b, ": the rules of %s and %s apply", st, ex);
    p->note = buf_detach(&b);
}

static void detect(analysis *a, doc_profile *p, int keep)
{
    memset(p, 0, sizeof *p);
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.a = a;
    sc.p = p;
    if (a->d.title && a->d.title[0]) {
        text_map tm;
        cps_err e;
        memset(&e, 0, sizeof e);
        if (text_fold(a->d.title, strlen(a->d.title), &tm, &e) == 0) {
            scan_text(&sc, &tm, a->d.title, strlen(a->d.title), W_TITLE | W_INTRO | W_ANY, -1);
            text_map_free(&tm);
        }
    }
    for (size_t bi = 0; bi < a->d.nblocks; bi++) {
        block_role role = a->o.roles ? a->o.roles[bi] : ROLE_BODY;
        if (role == ROLE_TOC || role == ROLE_REVISION || (a->d.blocks[bi].flags & BLOCK_TOC))
            continue;
        /* keep: the analysis' folded text, built for the check that
         * follows; else (outline) a fold of this block alone, freed at
         * once, so that the outline of a huge document does not keep every
         * block's folded text (its memory budget, docs/ARCHITECTURE.md) */
        const doc_block *b = &a->d.blocks[bi];
        text_map own;
        const text_map *tm = keep ? analysis_folded(a, bi)
                             : a->folded && a->folded[bi].s ? &a->folded[bi] : NULL;
        if (!tm) {
            if (text_fold(b->text, b->len, &own, NULL) != 0)
                continue;
            tm = &own;
        }
        if (tm->len)
            scan_text(&sc, tm, b->text, b->len, block_where(a, bi), (long)bi);
        if (tm == &own)
            text_map_free(&own);
    }
    decide_kind(&sc);
    decide_scopes(&sc); /* after the kind */
    p->separate_cp = sc.done[G_SEP_CP] && !sc.done[G_T_CPCPS] && !sc.done[G_I_CPCPS];
}

void profile_detect(analysis *a, doc_profile *p)
{
    detect(a, p, 1);
}

void profile_detect_light(analysis *a, doc_profile *p)
{
    detect(a, p, 0);
}

void profile_force(doc_profile *p, int kind, unsigned scopes)
{
    if (kind >= 0) {
        p->kind = (profile_kind)kind;
        p->kind_forced = 1;
    }
    if (scopes) {
        p->scopes = scopes;
        p->scopes_forced = 1;
    }
}

static const char *const KIND_NAMES[] = {"unknown", "cp", "cps", "cp-cps", "not-a-policy"};

int profile_kind_parse(const char *s)
{
    for (int k = PROFILE_KIND_CP; k <= PROFILE_KIND_NOT_POLICY; k++)
        if (s && !strcmp(s, KIND_NAMES[k]))
            return k;
    return -1;
}

static const char *const SCOPE_NAMES[] = {"tls-server", "smime", "code-signing", "other"};
static const char *const SCOPE_LABELS[] = {"TLS server", "S/MIME", "code signing", "other"};

unsigned profile_scopes_parse(const char *s)
{
    unsigned set = 0;
    if (!s || !*s)
        return 0;
    const char *p = s;
    for (;;) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        unsigned bit = 0;
        for (int i = 0; i < 4; i++)
            if (strlen(SCOPE_NAMES[i]) == n && !strncmp(p, SCOPE_NAMES[i], n))
                bit = 1u << i;
        if (!bit)
            return 0;
        set |= bit;
        if (!q)
            break;
        p = q + 1;
    }
    return set;
}

const char *profile_kind_name(profile_kind k)
{
    return (unsigned)k <= PROFILE_KIND_NOT_POLICY ? KIND_NAMES[k] : "unknown";
}

const char *profile_kind_label(profile_kind k)
{
    switch (k) {
    case PROFILE_KIND_CP: return "a Certificate Policy (CP)";
    case PROFILE_KIND_CPS: return "a Certification Practice Statement (CPS)";
    case PROFILE_KIND_CP_CPS: return "a combined CP/CPS";
    case PROFILE_KIND_NOT_POLICY:
        return "not a CA's CP or CPS (a requirements standard or root program policy)";
    case PROFILE_KIND_UNKNOWN: break;
    }
    return "unknown kind";
}

static int scope_index(unsigned bit)
{
    for (int i = 0; i < 4; i++)
        if (bit == 1u << i)
            return i;
    return -1;
}

const char *profile_scope_name(unsigned bit)
{
    int i = scope_index(bit);
    return i < 0 ? "unknown" : SCOPE_NAMES[i];
}

const char *profile_scope_label(unsigned bit)
{
    int i = scope_index(bit);
    return i < 0 ? "unknown" : SCOPE_LABELS[i];
}

void profile_scopes_str(unsigned scopes, char *out, size_t n)
{
    if (!n)
        return;
    out[0] = '\0';
    if (!scopes) {
        snprintf(out, n, "unknown");
        return;
    }
    size_t len = 0;
    for (int i = 0; i < 4; i++) {
        if (!(scopes & (1u << i)))
            continue;
        int w = snprintf(out + len, n - len, "%s%s", len ? "," : "", SCOPE_NAMES[i]);
        if (w < 0 || (size_t)w >= n - len)
            return;
        len += (size_t)w;
    }
}

const char *profile_for_name(profile_for f)
{
    switch (f) {
    case PROFILE_FOR_CP: return "cp";
    case PROFILE_FOR_CPS: return "cps";
    case PROFILE_FOR_CP_CPS: return "cp-cps";
    case PROFILE_FOR_NOT_POLICY: return "not-a-policy";
    case PROFILE_FOR_TLS: return "tls-server";
    case PROFILE_FOR_SMIME: return "smime";
    case PROFILE_FOR_CODE: return "code-signing";
    case PROFILE_FOR_OTHER: return "other";
    case PROFILE_FOR_COUNT: break;
    }
    return "";
}

void profile_free(doc_profile *p)
{
    for (size_t i = 0; i < p->nev; i++)
        free(p->ev[i].quote);
    free(p->ev);
    free(p->note);
    memset(p, 0, sizeof *p);
}

void profile_summary(const doc_profile *p, char *out, size_t n)
{
    char sc[64];
    profile_scopes_str(p->scopes, sc, sizeof sc);
    snprintf(out, n, "%s; %s (%s)", profile_kind_name(p->kind), sc,
             p->kind_forced || p->scopes_forced ? "option" : "detected");
}

static const char *source_of(int forced)
{
    return forced ? "option" : "detected";
}

/* 1 if evidence i is the first for what was decided (the kind, or one of
 * the scopes in the set), or counts against a scope. */
static int decisive(const doc_profile *p, size_t i)
{
    const profile_evidence *e = &p->ev[i];
    if (e->weight < 0)
        return 1;
    profile_for want = e->supports;
    int decided;
    if (want <= PROFILE_FOR_NOT_POLICY)
        decided = !p->kind_forced && (int)want == (int)p->kind - 1;
    else
        decided = !p->scopes_forced && (p->scopes & (1u << (want - PROFILE_FOR_TLS)));
    if (!decided || e->weight == 0)
        return 0;
    for (size_t k = 0; k < i; k++)
        if (p->ev[k].supports == want && p->ev[k].weight > 0)
            return 0;
    return 1;
}

void profile_write_text(buf *out, const doc_profile *p, int markdown, int all)
{
    char sc[64];
    profile_scopes_str(p->scopes, sc, sizeof sc);
    const char *item = markdown ? "- " : "    ";
    buf_printf(out, "%sprofile: %s, scopes %s (%s)%s\n", markdown ? "" : "  ",
               profile_kind_label(p->kind), sc,
               p->kind_forced || p->scopes_forced ? "--kind/--scope" : "detected",
               markdown ? "\n" : "");
    if (p->kind == PROFILE_KIND_UNKNOWN && !p->kind_forced)
        buf_printf(out, "%skind: nothing decides it: rules addressed to the CP and to the CPS "
                        "all apply (give --kind)\n", item);
    if (!p->scopes && !p->scopes_forced)
        buf_printf(out, "%sscopes: nothing decides them: rules of every scope apply "
                        "(give --scope)\n", item);
    for (size_t i = 0; i < p->nev; i++) {
        const profile_evidence *e = &p->ev[i];
        if (!all && !decisive(p, i) && !(e->weight == 0 && p->separate_cp &&
                                         p->kind == PROFILE_KIND_CPS))
            continue;
        buf_printf(out, "%s%s: %s%s%s%s: \"%s\"\n", item, profile_for_name(e->supports),
                   e->weight < 0 ? "against: " : "", e->what, e->section[0] ? " in " : "",
                   e->section, e->quote ? e->quote : "");
    }
    if (p->kind == PROFILE_KIND_CPS && !p->separate_cp && !p->kind_forced)
        buf_printf(out, "%snote: no separate CP is named: duties addressed to the CP apply "
                        "to this CPS\n", item);
    if (p->note)
        buf_printf(out, "%snote: %s\n", item, p->note);
    if (markdown)
        buf_puts(out, "\n");
}

void profile_write_json(struct json_w *w, const doc_profile *p)
{
    char sc[64];
    json_obj_begin(w);
    json_kv_str(w, "kind", profile_kind_name(p->kind));
    json_kv_str(w, "kind_source", source_of(p->kind_forced));
    json_key(w, "scopes");
    json_arr_begin(w);
    for (unsigned bit = 1; bit <= PROFILE_SCOPE_OTHER; bit <<= 1)
        if (p->scopes & bit)
            json_str(w, profile_scope_name(bit));
    json_arr_end(w);
    profile_scopes_str(p->scopes, sc, sizeof sc);
    json_kv_str(w, "scopes_source", source_of(p->scopes_forced));
    json_kv_str(w, "source", source_of(p->kind_forced || p->scopes_forced));
    json_key(w, "separate_cp");
    json_bool(w, p->separate_cp);
    json_key(w, "evidence");
    json_arr_begin(w);
    for (size_t i = 0; i < p->nev; i++) {
        const profile_evidence *e = &p->ev[i];
        json_obj_begin(w);
        json_kv_str(w, "for", profile_for_name(e->supports));
        json_kv_int(w, "weight", e->weight);
        json_kv_str(w, "what", e->what);
        json_kv_str(w, "section", e->section);
        json_kv_str(w, "quote", e->quote);
        json_kv_int(w, "line", e->line);
        json_obj_end(w);
    }
    json_arr_end(w);
    json_key(w, "note");
    json_str(w, p->note);
    json_obj_end(w);
}

/* ---- delegation to the CPS ------------------------------------------- */

static const char *const CPS_NAMES[] = {
    "cps", "certification practice statement", "certification practices statement",
    "dpc", "declaration des pratiques de certification", NULL};

/* Before the CPS's name (within DELEG_BEFORE bytes): "as specified in
 * the", "SHALL identify in Section 4.2 of the", "défini dans la". */
static const char *const DELEG_BEFORE_W[] = {
    "specified in", "specified by", "defined in", "described in", "set out in", "set forth in",
    "stated in", "documented in", "detailed in", "addressed in", "identify in", "identified in",
    "publish in", "published in", "describe in", "define in", "document in", "state in",
    "specify in", "provided in", "contained in", "shall describe", "shall specify",
    "shall identify", "shall document", "shall define", "shall state", "must describe",
    "must specify", "must identify", "must document", "defini dans", "definie dans",
    "definis dans", "definies dans", "decrit dans",
    "decrite dans", "decrits dans", "decrites dans", "precise dans", "precisee dans",
    "precises dans", "precisees dans", "specifie dans", "specifiee dans", "specifies dans",
    "specifiees dans", "indique dans", "indiquee dans", "indiques dans", "indiquees dans",
    "detaille dans", "detaillee dans", "detailles dans", "detaillees dans", "mentionne dans",
    "mentionnee dans", "mentionnes dans", "mentionnees dans", "prevu dans", "prevue dans",
    "prevus dans", "prevues dans", "fixe dans", "fixee dans", "fixes dans", "fixees dans",
    "figure dans", "figurent dans",
    "doit decrire", "doivent decrire", "doit preciser", "doivent preciser",
    NULL};
/* After it (within DELEG_AFTER bytes): "the CPS describes", "la DPC précise". */
static const char *const DELEG_AFTER_W[] = {
    "describes", "specifies", "defines", "sets out", "shall describe", "shall specify",
    "shall define", "shall state", "shall identify", "will describe", "will specify",
    "decrit", "precise", "definit", "specifie", "indique", "detaille", NULL};
/* A clause naming this document or a CP too compares, combines or offers
 * a choice ("its Certificate Policy and/or Certification Practice
 * Statement"): it never hands the duty to the CPS alone. */
static const char *const SELF_CP[] = {
    "this certificate policy", "this cp", "this cps", "cp/cps", "certificate policy",
    "certificate policies", "cp or", "cp and", "la presente pc", "cette pc",
    "la presente politique", "cette politique", "politique de certification", "pc ou",
    "pc et", NULL};

#define DELEG_BEFORE 80
#define DELEG_AFTER 40

/* 1 if a CPS name in c[0..n) has a delegating phrase just before or after. */
static int delegating_mention(const char *c, size_t n)
{
    for (size_t i = 0; CPS_NAMES[i]; i++) {
        needle nd = {CPS_NAMES[i], 0, 0, NB_WORD};
        size_t from = 0, nl = strlen(CPS_NAMES[i]);
        long at;
        while (from < n && (at = find_needle(c + from, n - from, &nd)) >= 0) {
            size_t pos = from + (size_t)at;
            size_t b0 = pos > DELEG_BEFORE ? pos - DELEG_BEFORE : 0;
            size_t a1 = pos + nl + DELEG_AFTER < n ? pos + nl + DELEG_AFTER : n;
            if (any_word(c + b0, pos - b0, DELEG_BEFORE_W) ||
                any_word(c + pos + nl, a1 - pos - nl, DELEG_AFTER_W))
                return 1;
            from = pos + nl;
        }
    }
    return 0;
}

int profile_delegates(const char *s, size_t n, size_t *cs, size_t *ce)
{
    if (!n || !any_word(s, n, CPS_NAMES))
        return 0;
    size_t *starts = NULL;
    size_t nc = text_clauses(s, n, &starts);
    int found = 0;
    for (size_t k = 0; k < nc && !found; k++) {
        const char *c = s + starts[k];
        size_t cl = starts[k + 1] - starts[k];
        if (any_word(c, cl, SELF_CP) || !delegating_mention(c, cl))
            continue;
        *cs = starts[k];
        *ce = starts[k + 1];
        found = 1;
    }
    free(starts);
    return found;
}
