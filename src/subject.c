/* subject.c — which certificate a value is about (subject.h). */
#include "subject.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct subj_word {
    const char *w; /* folded words; ' ' matches spaces or hyphens, '-' a hyphen,
                      a space or nothing */
    unsigned bits;
    int strong; /* 1 strong, 0 weak, 2 a CA of either level */
} subj_word;

#define S 1
#define W 0
#define G 2 /* a CA of either level: only when no word names the level */

/* General words for certificate classes, not any one document's. Longer
 * phrases first is not needed: every entry that matches adds its bits. */
static const subj_word words[] = {
    /* Subscriber (EN) */
    {"subscriber", SUBJ_SUBSCRIBER, S},
    {"end-entity", SUBJ_SUBSCRIBER, S},
    {"leaf", SUBJ_SUBSCRIBER, S},
    {"server certificate", SUBJ_SUBSCRIBER, S},
    {"server authentication certificate", SUBJ_SUBSCRIBER, S},
    {"tls certificate", SUBJ_SUBSCRIBER, S},
    {"ssl certificate", SUBJ_SUBSCRIBER, S},
    {"tls server", SUBJ_SUBSCRIBER, S},
    {"ssl server", SUBJ_SUBSCRIBER, S},
    {"tls", SUBJ_SUBSCRIBER, W},
    {"ssl", SUBJ_SUBSCRIBER, W},
    {"server", SUBJ_SUBSCRIBER, W},
    {"dv", SUBJ_SUBSCRIBER, W},
    {"ov", SUBJ_SUBSCRIBER, W},
    {"ev", SUBJ_SUBSCRIBER, W},
    /* Subscriber (FR, IT, ES) */
    {"porteur", SUBJ_SUBSCRIBER, S},
    {"abonne", SUBJ_SUBSCRIBER, S},
    {"entite finale", SUBJ_SUBSCRIBER, S},
    {"entites finales", SUBJ_SUBSCRIBER, S},
    {"certificat serveur", SUBJ_SUBSCRIBER, S},
    {"certificats serveur", SUBJ_SUBSCRIBER, S},
    {"serveur", SUBJ_SUBSCRIBER, W},
    {"titolare", SUBJ_SUBSCRIBER, S},
    {"titolari", SUBJ_SUBSCRIBER, S},
    {"sottoscrittore", SUBJ_SUBSCRIBER, S},
    {"sottoscrittori", SUBJ_SUBSCRIBER, S},
    {"utente finale", SUBJ_SUBSCRIBER, S},
    {"utenti finali", SUBJ_SUBSCRIBER, S},
    {"entita finale", SUBJ_SUBSCRIBER, S},
    {"certificati server", SUBJ_SUBSCRIBER, S},
    {"certificato server", SUBJ_SUBSCRIBER, S},
    {"suscriptor", SUBJ_SUBSCRIBER, S},
    {"suscriptores", SUBJ_SUBSCRIBER, S},
    {"entidad final", SUBJ_SUBSCRIBER, S},
    {"entidades finales", SUBJ_SUBSCRIBER, S},
    {"certificado de servidor", SUBJ_SUBSCRIBER, S},
    {"certificados de servidor", SUBJ_SUBSCRIBER, S},
    {"servidor", SUBJ_SUBSCRIBER, W},
    /* Root */
    {"root", SUBJ_ROOT, S},
    {"self-signed", SUBJ_ROOT, S},
    {"trust anchor", SUBJ_ROOT, S},
    {"racine", SUBJ_ROOT, S},
    {"autosigne", SUBJ_ROOT, S},
    {"radice", SUBJ_ROOT, S},
    {"radici", SUBJ_ROOT, S},
    {"raiz", SUBJ_ROOT, S},
    {"raices", SUBJ_ROOT, S},
    /* Subordinate / intermediate */
    {"subordinate ca", SUBJ_SUBORDINATE, S},
    {"subordinate certificate", SUBJ_SUBORDINATE, S},
    {"intermediate", SUBJ_SUBORDINATE, S},
    {"sub-ca", SUBJ_SUBORDINATE, S},
    {"issuing ca certificate", SUBJ_SUBORDINATE, S},
    {"ac intermediaire", SUBJ_SUBORDINATE, S},
    {"ac subordonnee", SUBJ_SUBORDINATE, S},
    {"ac fille", SUBJ_SUBORDINATE, S},
    {"ac deleguee", SUBJ_SUBORDINATE, S},
    {"intermediaire", SUBJ_SUBORDINATE, S},
    {"subordonnee", SUBJ_SUBORDINATE, S},
    {"ca intermedia", SUBJ_SUBORDINATE, S},
    {"ca intermedie", SUBJ_SUBORDINATE, S},
    {"ca subordinata", SUBJ_SUBORDINATE, S},
    {"ca subordinate", SUBJ_SUBORDINATE, S},
    {"ca subordinada", SUBJ_SUBORDINATE, S},
    {"ac subordinada", SUBJ_SUBORDINATE, S},
    {"ac intermedia", SUBJ_SUBORDINATE, S},
    {"intermedia", SUBJ_SUBORDINATE, S},
    {"intermedie", SUBJ_SUBORDINATE, S},
    {"subordinada", SUBJ_SUBORDINATE, S},
    {"subordinata", SUBJ_SUBORDINATE, S},
    /* CA certificates and keys, whichever level */
    {"ca certificate", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca cert", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca key", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca key pair", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca private key", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca's private key", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca's key", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"ca signing key", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificat d'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificats d'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificats d'autorite", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    /* "le certificat de l'AC X" is the CA's own; "les certificats de l'AC"
     * may be those it issues, so only the singular */
    {"certificat de l'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"cle de l'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"cles de l'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"cles d'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"bi-cle de l'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificati di ca", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificato di ca", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificati ca", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificados de ca", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificados de ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificado de ca", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"certificado de ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    /* CRLs of CA certificates */
    {"arl", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"authority revocation list", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"lar", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    {"lcr d'ac", SUBJ_ROOT | SUBJ_SUBORDINATE, G},
    /* Cross certificates */
    {"cross certificate", SUBJ_CROSS, S},
    {"cross-signed", SUBJ_CROSS, S},
    {"cross-certified", SUBJ_CROSS, S},
    {"cross certification", SUBJ_CROSS, S},
    {"cross-certificat", SUBJ_CROSS, S},
    {"certificat croise", SUBJ_CROSS, S},
    {"certificats croises", SUBJ_CROSS, S},
    {"certificazione incrociata", SUBJ_CROSS, S},
    {"certificati incrociati", SUBJ_CROSS, S},
    {"certificato incrociato", SUBJ_CROSS, S},
    {"certificado cruzado", SUBJ_CROSS, S},
    {"certificados cruzados", SUBJ_CROSS, S},
    {"certificacion cruzada", SUBJ_CROSS, S},
    /* OCSP responder certificates (not OCSP responses) */
    {"ocsp responder", SUBJ_OCSP, S},
    {"ocsp signing", SUBJ_OCSP, S},
    {"ocsp signer", SUBJ_OCSP, S},
    {"delegated responder", SUBJ_OCSP, S},
    {"responder certificate", SUBJ_OCSP, S},
    {"repondeur ocsp", SUBJ_OCSP, S},
    {"repondeurs ocsp", SUBJ_OCSP, S},
    {"certificat du repondeur", SUBJ_OCSP, S},
    {"risponditore ocsp", SUBJ_OCSP, S},
    {"respondedor ocsp", SUBJ_OCSP, S},
    /* Precertificate signing */
    {"precertificate signing", SUBJ_PRECERT, S},
    {"pre-certificate signing", SUBJ_PRECERT, S},
    {"signature des precertificats", SUBJ_PRECERT, S},
    /* S/MIME (email protection) certificates: "certificats de messagerie",
     * "messagerie sécurisée" */
    {"s/mime", SUBJ_SMIME, S},
    {"smime", SUBJ_SMIME, S},
    {"email certificate", SUBJ_SMIME, S},
    {"messagerie", SUBJ_SMIME, S},
    /* End-entity certificates of other kinds */
    {"code signing", SUBJ_OTHER, S},
    {"codesigning", SUBJ_OTHER, S},
    {"time-stamping", SUBJ_OTHER, S},
    {"timestamping", SUBJ_OTHER, S},
    {"time-stamp", SUBJ_OTHER, S},
    {"tsa", SUBJ_OTHER, S},
    {"document signing", SUBJ_OTHER, S},
    {"signature de code", SUBJ_OTHER, S},
    {"signature de document", SUBJ_OTHER, S},
    {"client authentication certificate", SUBJ_OTHER, S},
    {"client certificate", SUBJ_OTHER, S},
    {"certificat d'authentification client", SUBJ_OTHER, S},
    {"certificats d'authentification client", SUBJ_OTHER, S},
    {"certificat client", SUBJ_OTHER, S},
    {"certificats client", SUBJ_OTHER, S},
    /* certificates outside the public hierarchy */
    {"not publicly trusted", SUBJ_OTHER, S},
    {"non-publicly trusted", SUBJ_OTHER, S},
    {"non publiquement reconnu", SUBJ_OTHER, S},
    {"horodatage", SUBJ_OTHER, S},
    {"firma del codice", SUBJ_OTHER, S},
    {"marca temporale", SUBJ_OTHER, S},
    {"firma de codigo", SUBJ_OTHER, S},
    {"sellado de tiempo", SUBJ_OTHER, S},
};

#undef S
#undef W
#undef G

static int is_word(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Length of the match of phrase w at s[at..n), or 0. */
static size_t phrase_at(const char *s, size_t n, size_t at, const char *w)
{
    size_t i = at;
    for (const char *p = w; *p; p++) {
        if (*p == ' ') {
            size_t k = i;
            while (k < n && (s[k] == ' ' || s[k] == '-'))
                k++;
            if (k == i)
                return 0;
            i = k;
        } else if (*p == '-') {
            while (i < n && (s[i] == ' ' || s[i] == '-'))
                i++;
        } else {
            if (i >= n || s[i] != *p)
                return 0;
            i++;
        }
    }
    if (i < n && s[i] == 's')
        i++; /* plural */
    if (i < n && is_word((unsigned char)s[i]))
        return 0;
    return i - at;
}

/* Words that start like a class but name something else. */
static int not_a_class(const char *s, size_t n, size_t at)
{
    static const char *const w[] = {"root store", "root program", "root certificate program",
                                    "root policy", "root cause", "root causes", NULL};
    for (size_t i = 0; w[i]; i++)
        if (phrase_at(s, n, at, w[i]))
            return 1;
    return 0;
}

/* "a delegated OCSP responder whose certificate ...", "l'AC racine dont le
 * certificat ...": the class word names that entity's own certificate. */
static int own_certificate_follows(const char *s, size_t n, size_t at)
{
    static const char *const w[] = {"whose certificate", "whose certificates", "dont le certificat",
                                    "dont les certificats", NULL};
    size_t e = at;
    while (e < n && (isalnum((unsigned char)s[e]) || s[e] == ' ' || s[e] == '-') && e < at + 40) {
        for (size_t i = 0; w[i]; i++) {
            size_t k = strlen(w[i]);
            if (e + k <= n && !memcmp(s + e, w[i], k) && (e == 0 || s[e - 1] == ' '))
                return 1;
        }
        e++;
    }
    return 0;
}

/* The issuer, not the certificate: "certificates issued by the Subordinate
 * CA", "signed by a delegated OCSP responder", "délivrés par l'AC racine",
 * "emessi dalla CA radice". A class word within ISSUER_REACH bytes after
 * such a cue, with no comma or semicolon between, names the issuer. */
#define ISSUER_REACH 28
static int after_issuer_cue(const char *s, size_t at)
{
    static const char *const w[] = {"issued by", "signed by", "emis par", "emise par", "emises par",
                                    "delivres par", "delivre par", "delivree par", "signes par",
                                    "signe par", "emitidos por", "emitido por", "firmados por",
                                    "emessi da", "emesso da", "emessi dalla", "firmati da", NULL};
    size_t lo = at > ISSUER_REACH + 16 ? at - ISSUER_REACH - 16 : 0;
    for (size_t i = 0; w[i]; i++) {
        size_t k = strlen(w[i]);
        for (size_t p = lo; p + k <= at; p++) {
            if (memcmp(s + p, w[i], k) || (p > 0 && is_word((unsigned char)s[p - 1])))
                continue;
            size_t e = p + k;
            if (at - e > ISSUER_REACH)
                continue;
            int broken = 0;
            for (size_t q = e; q < at; q++)
                broken |= s[q] == ',' || s[q] == ';' || s[q] == '.';
            if (!broken)
                return 1;
        }
    }
    return 0;
}

unsigned subject_classes(const char *s, size_t n)
{
    unsigned strong = 0, weak = 0, generic = 0;
    for (size_t at = 0; at < n; at++) {
        if (at > 0 && is_word((unsigned char)s[at - 1]))
            continue;
        if (!is_word((unsigned char)s[at]))
            continue;
        int checked = 0; /* the cues are looked for once a word matches */
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
            if (s[at] != words[k].w[0] || !phrase_at(s, n, at, words[k].w))
                continue;
            if (!checked) {
                checked = not_a_class(s, n, at) ||
                                  (after_issuer_cue(s, at) && !own_certificate_follows(s, n, at))
                              ? 2
                              : 1;
            }
            if (checked == 2)
                break;
            if (words[k].strong == 2)
                generic |= words[k].bits;
            else if (words[k].strong)
                strong |= words[k].bits;
            else
                weak |= words[k].bits;
        }
    }
    if (!(strong & SUBJ_CA))
        strong |= generic; /* "CA certificates": root or subordinate */
    if (!strong)
        return weak;
    /* "Subscriber - Code Signing", "Subscriber - S/MIME": the subscriber of
     * another kind of certificate, unless a TLS word says it is (also) a
     * server's */
    if ((strong & (SUBJ_OTHER | SUBJ_SMIME)) && (strong & SUBJ_SUBSCRIBER) && !weak)
        strong &= ~(unsigned)SUBJ_SUBSCRIBER;
    return strong;
}

unsigned subject_fold(unsigned c, unsigned rule)
{
    if ((c & SUBJ_SMIME) && !(rule & SUBJ_SMIME))
        c = (c & ~(unsigned)SUBJ_SMIME) | SUBJ_OTHER;
    return c;
}

/* The single classes first (subject_names writes them), then the groups. */
static const struct {
    const char *name;
    unsigned bits;
} names[] = {
    {"subscriber", SUBJ_SUBSCRIBER}, {"root", SUBJ_ROOT},   {"subordinate", SUBJ_SUBORDINATE},
    {"cross", SUBJ_CROSS},           {"ocsp", SUBJ_OCSP},   {"precert", SUBJ_PRECERT},
    {"other", SUBJ_OTHER},           {"smime", SUBJ_SMIME}, {"ca", SUBJ_CA},
    {"any", SUBJ_ANY},
};
#define SUBJ_SINGLE 8 /* names[0..SUBJ_SINGLE): one bit each */

int subject_parse(const char *v, unsigned *out, char *bad, size_t badlen)
{
    unsigned bits = 0;
    const char *p = v;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        if (!*p)
            break;
        size_t k = 0;
        while (p[k] && p[k] != ' ' && p[k] != ',' && p[k] != '\t')
            k++;
        size_t i;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strlen(names[i].name) == k && !memcmp(names[i].name, p, k))
                break;
        if (i == sizeof names / sizeof names[0]) {
            if (badlen)
                snprintf(bad, badlen, "%.*s", (int)(k < 64 ? k : 64), p);
            return -1;
        }
        bits |= names[i].bits;
        p += k;
    }
    if (!bits) {
        if (badlen)
            snprintf(bad, badlen, "(empty)");
        return -1;
    }
    *out = bits;
    return 0;
}

const char *subject_names(unsigned c, char *buf, size_t len)
{
    size_t at = 0;
    if (!len)
        return buf;
    buf[0] = 0;
    if ((c & SUBJ_ANY) == SUBJ_ANY) {
        snprintf(buf, len, "any");
        return buf;
    }
    for (size_t i = 0; i < SUBJ_SINGLE; i++) {
        if (!(c & names[i].bits))
            continue;
        int w = snprintf(buf + at, len - at, "%s%s", at ? ", " : "", names[i].name);
        if (w < 0 || (size_t)w >= len - at)
            break;
        at += (size_t)w;
    }
    return buf;
}
